import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { BulkImportError, bulkImportCsv } from '../../db/bulkImport';
import { openCaseFile } from '../../db/caseFile';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const bulkImportCommand: CliCommand = {
  name: 'bulk-import',
  usage: `  workbench bulk-import <case> --entities <entities.csv> --links <links.csv>
      Load a large entity table (columns id, type, label) and link table (source, target,
      type, optionally directed) into the case in one transaction, for millions of rows:
      no name matching or per-row provenance (use import for that). A bad row imports
      nothing and names its line. The entities go on the chart only if it stays small.`,
  run: bulkImport,
};

function bulkImport(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { entities: { type: 'string' }, links: { type: 'string' } });
  const path = onePositional(positionals, 'case file path');
  const entitiesPath = values.entities as string | undefined;
  const linksPath = values.links as string | undefined;
  if (entitiesPath === undefined || linksPath === undefined) throw new UsageError('bulk-import needs --entities and --links');
  // Read by the import's reader thread; a missing file is refused here, before the case is opened.
  for (const file of [entitiesPath, linksPath]) statSync(file);
  const store = openCaseFile(path);
  try {
    const started = Date.now();
    const report = bulkImportCsv(store.db, {
      entities: { file: entitiesPath },
      links: { file: linksPath },
      entitiesName: basename(entitiesPath),
      linksName: basename(linksPath),
    });
    const seconds = (Date.now() - started) / 1000;
    io.out(
      `Imported ${report.entities} entities and ${report.links} links into ${path} in ${seconds.toFixed(1)} s` +
        `${report.onChart ? ' (on the chart)' : ' (search or expand to put them on the chart)'}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BulkImportError) {
      io.err(`Nothing was imported: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}
