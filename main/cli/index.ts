import type { CliCommand } from './command';
import { exportCommand } from './exportCase';
import { initCommand } from './init';
import { statsCommand } from './stats';

/** Every `workbench` command, in the order --help lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [initCommand, statsCommand, exportCommand];
