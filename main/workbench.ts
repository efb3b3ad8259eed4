import { CaseFileError } from '../db/caseFile';
import { UsageError, type Io } from './cli/command';
import { COMMANDS } from './cli/index';

/** `workbench`: the command-line tool over case files (no Electron needed). */

const VERSION = '0.1.0';

function help(): string {
  return `workbench — Analyst Workbench case files from the command line

Usage:
${COMMANDS.map((c) => c.usage).join('\n')}
  workbench --help | --version

Exit status: 0 on success, 1 when the command failed (the reason is on stderr),
2 when the command line was wrong.`;
}

/** Runs one command line; returns the exit status (a promise for asynchronous commands). Never throws or rejects. */
export function runCli(argv: string[], io: Io): number | Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(help());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(VERSION);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const status = command.run(rest, io);
    return typeof status === 'number' ? status : status.catch((error: unknown) => reportFailure(error, io));
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`workbench: ${error.message}\nRun "workbench --help" for usage.`);
    return 2;
  }
  // Store errors carry a sentence for the analyst; anything else is reported by its message, never a stack.
  const message = error instanceof CaseFileError || error instanceof Error ? error.message : String(error);
  io.err(`workbench: ${message}`);
  return 1;
}

const isEntryPoint = typeof require !== 'undefined' && require.main === module;
if (isEntryPoint) {
  const status = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  if (typeof status === 'number') process.exitCode = status;
  else void status.then((code) => (process.exitCode = code));
}
