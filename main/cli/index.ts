import { analyzeCommand } from './analyze';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { communitiesCommand } from './communities';
import type { CliCommand } from './command';
import { exportCommand } from './exportCase';
import { importCommand } from './import';
import { bulkImportCommand } from './bulkImport';
import { initCommand } from './init';
import { pathCommand } from './path';
import { restoreCommand } from './restore';
import { statsCommand } from './stats';

/** Every `workbench` command, in the order --help lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [initCommand, statsCommand, exportCommand, importCommand, bulkImportCommand, checkCommand, backupCommand, restoreCommand, analyzeCommand, pathCommand, communitiesCommand];
