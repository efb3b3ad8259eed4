import { encodeCase, type EncodedFile } from '../../app/interchange/encode';
import { EXPORT_FORMATS, type ExportFormat } from '../../app/interchange/graph';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { exportPaths, writeFileAtomically } from '../interchange/exportService';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  workbench export <case> --format json|stix|graphml|gexf|csv|anx|mtgx|misp-event [-o <file>] [--stix-relationships strict|custom]
      Write the whole case (entities, links, sources, citations, notes, charts) to <file>,
      or to standard output: as our JSON, a STIX 2.1 bundle, GraphML, GEXF, i2 ANX, a Maltego
      graph (MTGX, a zip archive: -o only), a MISP event (entities, links and tags, for MISP's
      Import from MISP JSON), or CSV
      (two tables: <file>-entities.csv and <file>-links.csv). STIX relationship types it does
      not define are written as related-to (strict, the default) or kept (custom). Read-only.`,
  run: exportCase,
};

function exportCase(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'stix-relationships': { type: 'string' },
  });
  const path = onePositional(positionals, 'case file path');
  const format = values.format as string | undefined;
  const supported = `supported: ${EXPORT_FORMATS.join(', ')}`;
  if (format === undefined) throw new UsageError(`--format is required (${supported})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unsupported format "${format}" (${supported})`);
  const relationships = values['stix-relationships'] as string | undefined;
  if (relationships !== undefined && relationships !== 'strict' && relationships !== 'custom') throw new UsageError('--stix-relationships is strict or custom');
  const store = openCaseFile(path, { readonly: true });
  let files: EncodedFile[];
  try {
    files = encodeCase(exportCaseDocument(store.db), format as ExportFormat, relationships ? { stixRelationships: relationships } : {});
  } finally {
    store.close();
  }
  const output = values.output as string | undefined;
  if (output === undefined) {
    if (files.some((file) => typeof file.content !== 'string')) throw new UsageError(`${format} is a binary format (a zip archive): write it to a file with -o <file>`);
    io.out(files.map((file) => (typeof file.content === 'string' ? file.content.trimEnd() : '')).join('\n\n'));
    return 0;
  }
  const paths = exportPaths(output, files);
  files.forEach((file, i) => writeFileAtomically(paths[i] as string, file.content));
  io.err(`Wrote ${paths.join(', ')}`);
  return 0;
}
