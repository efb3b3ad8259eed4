import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  workbench export <case> --format json [-o <file>]
      Write the whole case (entities, links, sources, citations, notes, charts)
      as JSON to <file>, or to standard output. Read-only.`,
  run: exportCase,
};

function exportCase(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  const path = onePositional(positionals, 'case file path');
  const format = values.format as string | undefined;
  if (format === undefined) throw new UsageError('--format is required (supported: json)');
  if (format !== 'json') throw new UsageError(`unsupported format "${format}" (supported: json)`);
  const store = openCaseFile(path, { readonly: true });
  let text: string;
  try {
    text = `${JSON.stringify(exportCaseDocument(store.db), null, 2)}\n`;
  } finally {
    store.close();
  }
  const output = values.output as string | undefined;
  if (output === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  // Write beside the target, then rename: a reader never sees half a file.
  const temp = `${output}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, output);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`could not write ${output}: ${(error as Error).message}`);
  }
  io.err(`Wrote ${output}`);
  return 0;
}
