// The bulk import's reader thread (db/bulkImportRows.ts), bundled as bulk-import-worker.cjs beside the CLI.
import { serveImportRows } from './bulkImportRows';

serveImportRows();
