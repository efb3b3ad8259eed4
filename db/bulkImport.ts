import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHART_WARN_NODES } from '../app/chart/chartScale';
import { readImportRows, readImportRowsInWorker, type CsvSource, type ImportFiles, type RowBatch } from './bulkImportRows';
import { chartSize, putOnChart } from './chartMembership';
import { defaultChart } from './charts';
import { nowIso, type Db } from './types';

/**
 * Bulk import of a large entity and link table pair (CSV) into a case: the path for a million
 * entities and millions of links, where the interchange import (preview, merge by name,
 * provenance per row) would take minutes. It trusts the file's own keys instead of matching
 * names, and records no citation of the file; what it writes is still checked:
 *
 * - entities.csv: a header naming at least `id`, `type` and `label` (any order, any case; extra
 *   columns are ignored); links.csv: `source`, `target` and `type`, optionally `directed`
 *   (true/false/1/0; by default the link type's own). RFC 4180 quoting.
 * - A duplicate entity key, an empty label or type, a link to a key the entity file does not
 *   have, or a malformed row fails the whole import with the file, line and reason; nothing is
 *   written.
 *
 * Fast because it is one transaction of prepared multi-row inserts with time-ordered ids (each
 * insert appends to the primary-key b-tree instead of landing at a random place), foreign keys
 * and the rows' CHECK constraints checked in memory instead of per row by SQLite (the keys in a
 * KeyTable), the files read, parsed and checked on a reader thread (bulkImportRows.ts; where the
 * CLI's bulk-import-worker.cjs is built) while this thread binds and steps the inserts, the
 * search docs written from the rows in one statement, and the secondary
 * indexes and the search index built once at the end by sorting instead of row by row (the sorts
 * in temp-file runs on two threads, SORT_CACHE_KIB), and, into a case that is still small, with
 * 16 KiB pages (BULK_PAGE_SIZE). `npm run bench` (store-scale) measures it against the sqlite3
 * shell's `.import` of the same files into plain tables, and against the shell doing the same
 * work into a case of this schema.
 */

export { BulkImportError, KeyTable, readCsvRecords } from './bulkImportRows';

export interface BulkImportReport {
  entities: number;
  links: number;
  /** Whether the new entities went on the chart (only when it stays small enough to draw). */
  onChart: boolean;
  /**
   * Milliseconds per phase: load (parse and insert), index (b-tree indexes), search (full-text
   * index), commit (the transaction written to the file and synced, the journal back to WAL).
   */
  phases: { load: number; index: number; search: number; commit: number };
}

/**
 * Ids for a run of new rows, in increasing order: UUIDv7 layout (RFC 9562) with the import's
 * time, a random start and a counter, so they are unique, valid UUIDs and sort as inserted.
 */
export function sequentialIds(): () => string {
  const ms = Date.now().toString(16).padStart(12, '0');
  const time = `${ms.slice(0, 8)}-${ms.slice(8, 12)}`;
  const random = randomBytes(8);
  const high = (random.readUInt32BE(0) & 0x0fff_ffff) >>> 0;
  const low = random.readUInt32BE(4) >>> 0;
  // 7xxx-yxxx: the version nibble, then 12 + 16 bits from `high`; the last 48 bits count up from `low`.
  const a = (0x7000 | (high >>> 16) & 0x0fff).toString(16);
  const b = (0x8000 | (high & 0x3fff)).toString(16);
  const prefix = `${time}-${a}-${b}-`;
  // The counter's hex digits but the last three change once in 4,096 ids: kept as a string, the
  // last three from a table (Number.toString(16) of a number past 2^31 is V8's slow path).
  let next = low;
  let upper = -1;
  let head = '';
  return () => {
    const hi = Math.floor(next / 4096);
    if (hi !== upper) {
      upper = hi;
      head = `${prefix}${hi.toString(16).padStart(9, '0')}`;
    }
    const id = head + (HEX3[next - hi * 4096] as string);
    next++;
    return id;
  };
}

/** 0 to 4095 as three hex digits. */
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

const ROWS_PER_STATEMENT = 200;

/**
 * Page cache while a bulk import runs (KiB), given back after. Not the whole case: in the
 * rollback-journal mode of the load, pages past the case's size before the import need no journal,
 * so full ones go to the file as the load goes on instead of all at the commit, and the index
 * builds read them back from the system's cache (2 GB here cost more in allocation and a long
 * commit than it saved).
 */
const BULK_CACHE_KIB = 256 * 1024;

/**
 * Page cache while the secondary indexes are built (KiB): SQLite's sorter writes its keys out in
 * sorted runs of this size (sorted on a second thread while the first reads on) and merges them.
 * 4 to 16 MB built the million-entity case's indexes in 3.4-3.7 s; one run in memory took 9.0 s,
 * 64 MB runs 5.4 s (npm run bench, store-scale).
 */
const SORT_CACHE_KIB = 8 * 1024;

/**
 * The page size a bulk import gives a case that is still small (a new or nearly empty one): a
 * million-entity load with 16 KiB pages takes a fraction of the b-tree pages, page writes and
 * allocations of 4 KiB ones (npm run bench, store-scale). The rows, indexes and search index are
 * the same whatever the page size; only the file's layout differs.
 */
export const BULK_PAGE_SIZE = 16384;

/** Up to this size a case is rewritten (VACUUM) to BULK_PAGE_SIZE before the load; a larger one keeps its pages. */
export const BULK_RESIZE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Gives a small case BULK_PAGE_SIZE pages (VACUUM: one transaction, rows unchanged); returns the
 * page size it had, or null when it keeps its own. Must run outside a transaction and out of WAL
 * mode (WAL fixes the page size).
 */
function largerPages(db: Db): number | null {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  if (pageSize >= BULK_PAGE_SIZE || pageSize * pages > BULK_RESIZE_MAX_BYTES) return null;
  db.pragma(`page_size = ${BULK_PAGE_SIZE}`);
  db.exec('VACUUM');
  return pageSize;
}

/**
 * Insert triggers the load stands in for: search_entities_ai and search_links_ai (the search docs
 * are written after the rows, from them), search_docs_ai (the full-text index is filled once at the end).
 */
export const SUSPENDED_TRIGGERS = ['search_entities_ai', 'search_links_ai', 'search_docs_ai'] as const;

/** Inserts rows of `width` values through one multi-row statement per ROWS_PER_STATEMENT rows. */
function batchInserter(db: Db, head: string, width: number, tuple: string): { add: (...values: (string | number)[]) => void; flush: () => void } {
  const full = db.prepare(`${head} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(', ')}`);
  const buffer: (string | number)[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    if (buffer.length === ROWS_PER_STATEMENT * width) full.run(buffer);
    else db.prepare(`${head} VALUES ${Array.from({ length: buffer.length / width }, () => tuple).join(', ')}`).run(buffer);
    buffer.length = 0;
  };
  return {
    add: (...values) => {
      for (const v of values) buffer.push(v);
      if (buffer.length === ROWS_PER_STATEMENT * width) flush();
    },
    flush,
  };
}

let workerScriptOverride: string | false | null = null;

/**
 * Names the reader thread's script (tests and the bench build one with esbuild), or false to read
 * the files on the importing thread; null: as built.
 */
export function setBulkImportWorkerScript(script: string | false | null): void {
  workerScriptOverride = script;
}

/**
 * The reader thread's script: bulk-import-worker.cjs beside the bundle that runs this code (the CLI
 * in dist/main, scripts/build-node.mjs), or the one named by setBulkImportWorkerScript; null run
 * from the sources, where the same reader runs on the importing thread.
 */
export function bulkImportWorkerScript(): string | null {
  if (workerScriptOverride !== null) return workerScriptOverride === false ? null : workerScriptOverride;
  const bundled = typeof __dirname === 'string' ? join(__dirname, 'bulk-import-worker.cjs') : null;
  return bundled !== null && existsSync(bundled) ? bundled : null;
}

/**
 * The secondary indexes a bulk load drops and builds again at the end (a sort each, not a b-tree
 * insert per row), the search docs' one included: the import adds a doc per entity.
 */
export function secondaryIndexes(db: Db): { name: string; sql: string }[] {
  return db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('entities', 'links', 'search_docs') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
}

/**
 * Imports an entity table and a link table (CSV text) into the case in one transaction; see
 * the module comment for the format. Returns counts and the time of each phase.
 */
export function bulkImportCsv(
  db: Db,
  /** The tables' text, or their files (read on the reader thread where there is one). */
  input: { entities: CsvSource; links: CsvSource; entitiesName?: string; linksName?: string },
  /** The load's page cache (KiB); tests make it small to see a failure after pages went to the file. */
  cacheKib: number = BULK_CACHE_KIB,
): BulkImportReport {
  const entitiesName = input.entitiesName ?? 'entities.csv';
  const linksName = input.linksName ?? 'links.csv';
  if (db.inTransaction) throw new Error('bulkImportCsv runs its own transaction.');
  const phases = { load: 0, index: 0, search: 0, commit: 0 };
  const now = nowIso();
  /** The new entities' ids, in the entity file's order. */
  const ids: string[] = [];
  let entityCount = 0;
  let linkCount = 0;
  let onChart = false;

  // Foreign keys are checked below against the entity file's keys (and existing ids are never
  // reused): SQLite's per-row check would look each end up in the entity b-tree. Must be set
  // outside a transaction; switched back on whatever happens.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  const ignoreChecks = db.pragma('ignore_check_constraints', { simple: true }) as number;
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = ${-cacheKib}`);
  // The index builds sort through temp files, in runs of SORT_CACHE_KIB sorted by a second thread
  // where there is a core for it: with temp_store = MEMORY, SQLite's sorter never spills and sorts
  // each index's keys in one list on one thread (twice as slow for the links' random ends).
  db.pragma('temp_store = FILE');
  db.pragma('threads = 2');
  // In WAL mode every page of the load would be written twice, to the log and then checkpointed
  // into the file. A rollback journal keeps only the pages that were there before the import
  // (few: the new rows go to new pages at the end of the file), so the rows are written once
  // and a crash or a bad row still rolls the whole import back. Back to WAL afterwards.
  let committing = 0;
  let resizedFrom: number | null = null;
  let imported = false;
  try {
    if (journal === 'wal') db.pragma('journal_mode = DELETE');
    resizedFrom = largerPages(db);
    db.transaction(() => {
      const indexes = secondaryIndexes(db);
      for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
      const triggers = SUSPENDED_TRIGGERS.map((name) => {
        const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
        if (sql === undefined) throw new Error(`The case file has no trigger ${name}: its schema is not the one this version writes.`);
        db.exec(`DROP TRIGGER ${name}`);
        return sql;
      });
      const docsBefore = db.prepare('SELECT coalesce(max(id), 0) FROM search_docs').pluck().get() as number;
      // New entities take rowids past the largest one (the table has no AUTOINCREMENT gaps to fill).
      const entitiesBefore = db.prepare('SELECT coalesce(max(rowid), 0) FROM entities').pluck().get() as number;
      let started = performance.now();

      // The rows' CHECK constraints are the checks made here on each value (type and label
      // lengths counted in UTF-16 units, at least SQLite's characters; directed 0 or 1; no dates,
      // attributes '{}'), so the load's statements are compiled without them (a tenth of the
      // import's CPU time); on again before anything else is written, and in `finally`.
      db.pragma('ignore_check_constraints = ON');
      const entityId = sequentialIds();
      const linkId = sequentialIds();
      const entities = batchInserter(db, 'INSERT INTO entities (id, type, label, created_at, updated_at)', 3, `(?, ?, ?, '${now}', '${now}')`);
      const links = batchInserter(
        db,
        'INSERT INTO links (id, type, source_id, target_id, directed, created_at, updated_at)',
        5,
        `(?, ?, ?, ?, ?, '${now}', '${now}')`,
      );
      // The reader (bulkImportRows.ts: parse, checks, keys) hands over rows ready to bind; the
      // ids are made here, in the order of the entity file, and a link's ends are its ordinals there.
      const typeNames: string[] = [];
      const consume = (batch: RowBatch) => {
        for (const type of batch.newTypes) typeNames.push(type);
        if (batch.kind === 'entities') {
          const { types, labels, labelEnds } = batch;
          let start = 0;
          for (let i = 0; i < batch.count; i++) {
            const id = entityId();
            ids.push(id);
            const end = labelEnds[i] as number;
            entities.add(id, typeNames[types[i] as number] as string, labels.slice(start, end));
            start = end;
          }
          entityCount += batch.count;
          return;
        }
        if (linkCount === 0) entities.flush();
        const { types, ends, directed } = batch;
        for (let i = 0; i < batch.count; i++) {
          // A link without label, description or attributes has nothing for search_links_ai to index.
          links.add(linkId(), typeNames[types[i] as number] as string, ids[ends[2 * i] as number] as string, ids[ends[2 * i + 1] as number] as string, directed[i] as number);
        }
        linkCount += batch.count;
      };
      const files: ImportFiles = { entities: input.entities, links: input.links, entitiesName, linksName };
      const script = bulkImportWorkerScript();
      if (script === null) readImportRows(files, consume);
      else readImportRowsInWorker(script, files, consume);
      entities.flush();
      links.flush();
      db.pragma('ignore_check_constraints = OFF');
      phases.load = performance.now() - started;

      // What search_entities_ai writes for a new entity with a label and no description or
      // attributes, for all of them in one statement from the rows just written rather than as a
      // second stream of the same values bound from here; before the index builds, so that
      // search_docs_item is built by sorting too. Counted in the search phase.
      started = performance.now();
      db.prepare("INSERT INTO search_docs (kind, item_id, field, text) SELECT 'entity', id, 'label', label FROM entities WHERE rowid > ? ORDER BY rowid").run(entitiesBefore);
      phases.search = performance.now() - started;

      started = performance.now();
      // The sorter's runs are the page cache's size: small runs sort in the CPU's cache and in
      // parallel, then merge; the pages the builds read are in the system's cache either way.
      db.pragma(`cache_size = ${-Math.min(cacheKib, SORT_CACHE_KIB)}`);
      for (const { sql } of indexes) db.exec(sql);
      phases.index = performance.now() - started;

      started = performance.now();
      for (const sql of triggers) db.exec(sql);
      // As search_docs_ai does it: the text, and its folded form where folding changed it (the
      // index's content view, migration 0090); db/bulkImport.test.ts checks the index.
      db.prepare('INSERT INTO search_fts (rowid, text, folded) SELECT id, text, folded FROM search_docs_indexed WHERE id > ?').run(docsBefore);
      phases.search += performance.now() - started;

      const chartId = defaultChart(db).id;
      if (entityCount > 0 && chartSize(db, chartId) + entityCount <= CHART_WARN_NODES) {
        putOnChart(db, chartId, ids);
        onChart = true;
      }
      committing = performance.now();
    })();
    imported = true;
  } finally {
    // A failed import leaves the case as it was, its page size included (the case is as small as before).
    if (!imported && resizedFrom !== null) {
      try {
        db.pragma(`page_size = ${resizedFrom}`);
        db.exec('VACUUM');
      } catch {
        // The rows are as they were either way; only the page size stays the larger one.
      }
    }
    db.pragma('foreign_keys = ON');
    db.pragma(`ignore_check_constraints = ${ignoreChecks}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`threads = ${threads}`);
    if (journal === 'wal') db.pragma('journal_mode = WAL');
  }
  phases.commit = performance.now() - committing;
  return { entities: entityCount, links: linkCount, onChart, phases };
}
