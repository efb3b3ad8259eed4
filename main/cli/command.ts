import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One `workbench <name>` command. `usage` lines go into `--help` as they are. */
export interface CliCommand {
  name: string;
  usage: string;
  /** The exit status; a promise for commands that wait on SQLite's backup API. */
  run(argv: string[], io: Io): number | Promise<number>;
}

/** A wrong command line: reported with exit status 2 and a pointer to --help. */
export class UsageError extends Error {}

export function parseCommandLine(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected exactly one ${what}`);
  return positionals[0];
}
