import { encodeCase, type EncodedFile, type EncodeOptions, type TextExportFormat } from '../../app/interchange/encode';
import { EXPORT_FORMATS, type ExportFormat } from '../../app/interchange/graph';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { exportCase as exportWorkbook, exportCaseToFile, filesExportWouldReplace } from '../interchange/exportService';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  workbench export <case> --format json|stix|graphml|gexf|csv|xlsx|anx|mtgx|misp-event [-o <file>] [--stix-relationships strict|custom] [--bom] [--force]
      Write the whole case (entities, links, sources, citations, notes, charts) to <file>,
      or to standard output: as our JSON, a STIX 2.1 bundle, GraphML, GEXF, i2 ANX, a Maltego
      graph (MTGX, a zip archive: -o only), a MISP event (entities, links and tags, for MISP's
      Import from MISP JSON), CSV (two tables: <file>-entities.csv and <file>-links.csv), or an
      Excel workbook (xlsx: Entities, Links, Sources and Citations sheets; -o only). STIX
      relationship types it does not define are written as related-to (strict, the default) or
      kept (custom). --bom starts each CSV table with a byte order mark, for Excel. CSV refuses
      to replace existing tables unless --force. Read-only.`,
  run: exportCase,
};

/** Synchronous like the other commands, except for an Excel workbook (its writer is asynchronous). */
function exportCase(argv: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'stix-relationships': { type: 'string' },
    bom: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  const path = onePositional(positionals, 'case file path');
  const format = values.format as string | undefined;
  const supported = `supported: ${EXPORT_FORMATS.join(', ')}`;
  if (format === undefined) throw new UsageError(`--format is required (${supported})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unsupported format "${format}" (${supported})`);
  const relationships = values['stix-relationships'] as string | undefined;
  if (relationships !== undefined && relationships !== 'strict' && relationships !== 'custom') throw new UsageError('--stix-relationships is strict or custom');
  const options: EncodeOptions = { ...(relationships ? { stixRelationships: relationships } : {}), ...(values.bom ? { csvBom: true } : {}) };
  const output = values.output as string | undefined;
  if (format === 'xlsx' && output === undefined) throw new UsageError('an Excel workbook is binary: give the file with -o');
  if (output !== undefined) {
    const existing = filesExportWouldReplace(format as ExportFormat, output);
    if (existing.length > 0 && !values.force) {
      io.err(`${existing.join(' and ')} ${existing.length === 1 ? 'exists' : 'exist'} already; nothing was written. Add --force to replace ${existing.length === 1 ? 'it' : 'them'}.`);
      return 1;
    }
  }
  const store = openCaseFile(path, { readonly: true });
  if (format === 'xlsx' && output !== undefined) {
    return exportWorkbook(store.db, 'xlsx', output)
      .then((result) => {
        io.err(`Wrote ${result.paths.join(', ')}`);
        return 0;
      })
      .finally(() => store.close());
  }
  try {
    if (output !== undefined) {
      const result = exportCaseToFile(store.db, format as TextExportFormat, output, { ...options, overwrite: values.force === true });
      io.err(`Wrote ${result.paths.join(', ')}`);
      return 0;
    }
    const files: EncodedFile[] = encodeCase(exportCaseDocument(store.db), format as TextExportFormat, options);
    if (files.some((file) => typeof file.content !== 'string')) throw new UsageError(`${format} is a binary format (a zip archive): write it to a file with -o <file>`);
    io.out(files.map((file) => (typeof file.content === 'string' ? file.content.trimEnd() : '')).join('\n\n'));
    return 0;
  } finally {
    store.close();
  }
}
