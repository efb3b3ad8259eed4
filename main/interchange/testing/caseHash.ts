import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const TABLES = ['case_meta', 'entities', 'entity_aliases', 'links', 'sources', 'citations', 'notes', 'charts', 'chart_nodes'];

/** A digest of every row of every table of a case file, read-only: equal digests mean an unchanged case. */
export function caseContentHash(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    for (const table of TABLES) {
      hash.update(`\u0000${table}\u0000`);
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
