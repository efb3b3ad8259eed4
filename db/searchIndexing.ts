import { SEARCH_INSERT_INDEXING } from './migrations/0040-editing';
import { prepared, type Db } from './types';

/** Below this many rows a bulk write indexes row by row: rebuilding the whole index would cost more. */
export const DEFERRED_INDEXING_MIN_ROWS = 5_000;

/** The FTS5 sync trigger of search_docs: one FTS insert per searchable text. */
const FTS_TRIGGER = 'search_docs_ai';

/**
 * Runs a bulk write (an import) with the search index built once at the end instead of row by
 * row, which was most of the cost of a 100,000-link import (npm run bench). Must run inside the
 * caller's transaction: the insert triggers are dropped, the work runs, the rows it inserted are
 * indexed in one statement per field, the triggers are created again from their own stored SQL,
 * and the FTS5 index is rebuilt from search_docs. A failure anywhere rolls all of it back with the
 * caller's transaction, triggers included (SQLite's DDL is transactional).
 *
 * Update and delete triggers stay: a row the work changes or removes is (un)indexed as usual, and
 * `search_docs` rows of an inserted row that the work then updated are replaced, not doubled.
 * Aliases (a WITHOUT ROWID table) keep their trigger: it only writes search_docs, which is cheap.
 */
export function withDeferredSearchIndexing<T>(db: Db, work: () => T): T {
  if (!db.inTransaction) throw new Error('withDeferredSearchIndexing must run inside a transaction.');
  const triggerNames = [FTS_TRIGGER, ...SEARCH_INSERT_INDEXING.map((t) => t.trigger)];
  const saved = triggerNames.map((name) => {
    const row = prepared(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined;
    if (!row) throw new Error(`The case file has no search trigger ${name}: its schema is not the one this version writes.`);
    return { name, sql: row.sql };
  });
  const after = new Map(
    SEARCH_INSERT_INDEXING.map((t) => [t.table, (db.prepare(`SELECT coalesce(max(rowid), 0) AS m FROM ${t.table}`).get() as { m: number }).m] as const),
  );
  for (const { name } of saved) db.exec(`DROP TRIGGER ${name}`);

  const result = work();

  for (const spec of SEARCH_INSERT_INDEXING) {
    const params = { after: after.get(spec.table) ?? 0 };
    // Docs the update trigger wrote for a row inserted here are written again below, once.
    db.prepare(
      `DELETE FROM search_docs WHERE kind = '${spec.kind}' AND field IN (${spec.fields.map((f) => `'${f}'`).join(', ')})
         AND item_id IN (SELECT id FROM ${spec.table} WHERE rowid > :after)`,
    ).run(params);
    for (const statement of spec.indexNewRows) db.prepare(statement).run(params);
  }
  for (const { sql } of saved) db.exec(sql);
  db.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");
  return result;
}
