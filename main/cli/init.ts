import { SAMPLE_CASES } from '../../app/samples/index';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { caseCounts, caseName } from '../../db/caseMeta';
import { createSampleCase } from '../../db/samples';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const initCommand: CliCommand = {
  name: 'init',
  usage: `  workbench init <case> [--sample <name>] [--name <case name>]
      Create a new case file. With --sample, fill it with a shipped sample case
      (samples: ${Object.keys(SAMPLE_CASES).join(', ')}). Refuses to overwrite an existing file.`,
  run: init,
};

function init(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { sample: { type: 'string' }, name: { type: 'string' } });
  const path = onePositional(positionals, 'case file path');
  const sample = values.sample as string | undefined;
  if (sample !== undefined) {
    if (!Object.prototype.hasOwnProperty.call(SAMPLE_CASES, sample)) {
      throw new UsageError(`unknown sample "${sample}" (samples: ${Object.keys(SAMPLE_CASES).join(', ')})`);
    }
    createSampleCase(path, sample);
  } else {
    createCaseFile(path, { name: (values.name as string | undefined) ?? 'Untitled case' }).close();
  }
  const store = openCaseFile(path, { readonly: true });
  try {
    const counts = caseCounts(store.db);
    io.out(`Created ${path}: "${caseName(store.db)}", ${counts.entities} entities, ${counts.links} links, ${counts.citations} citations.`);
  } finally {
    store.close();
  }
  return 0;
}
