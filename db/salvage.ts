import type Database from 'better-sqlite3';
import { createCaseFile, openForInspection, type OpenOptions } from './caseFile';
import { nowIso, type Db } from './types';

/**
 * Salvage: copies whatever rows can still be read from a damaged (or newer, or unmarked) case into
 * a fresh case file, table by table, parents before children. The damaged file is only ever
 * opened read-only. A row that cannot be read is skipped, and so is one whose parent was lost
 * (the new case keeps its foreign keys), so the result is a healthy, smaller case.
 *
 * Reading past damage: a table is read forwards until SQLite reports an error, then backwards
 * from its end until the error, which recovers the rows on both sides of a bad page.
 */

interface TablePlan {
  table: string;
  /** Columns that identify a row (to merge the passes over a damaged table). */
  key: readonly string[];
  withoutRowid?: boolean;
}

/** Every case table, parents first (the order the rows must go into the new case). */
const TABLES: readonly TablePlan[] = [
  { table: 'case_meta', key: ['key'] },
  { table: 'entities', key: ['id'] },
  { table: 'entity_aliases', key: ['entity_id', 'alias'], withoutRowid: true },
  { table: 'links', key: ['id'] },
  { table: 'sources', key: ['id'] },
  { table: 'citations', key: ['id'] },
  { table: 'notes', key: ['id'] },
  { table: 'charts', key: ['id'] },
  { table: 'chart_nodes', key: ['chart_id', 'entity_id'], withoutRowid: true },
  { table: 'annotations', key: ['id'] },
  { table: 'merge_records', key: ['id'] },
  { table: 'saved_views', key: ['id'] },
  // Not copied: the undo history (its change sets describe rows that may not have survived; the
  // new case starts with a clean history) and the search index (rebuilt by triggers as rows arrive).
];

export interface SalvagedTable {
  table: string;
  /** Rows read from the damaged file. */
  read: number;
  /** Rows written to the new case. */
  written: number;
  /** Rows read but refused by the new case (a lost parent, a broken value); not the new case's own name. */
  refused: number;
  /** SQLite stopped us reading part of this table (rows there are lost). */
  damaged: boolean;
}

export interface SalvageReport {
  target: string;
  tables: SalvagedTable[];
  /** Rows written to the new case, all tables. */
  rowsSaved: number;
}

type Row = Record<string, unknown>;

/** Copies what can be read of `sourcePath` into a new case at `targetPath` (which must not exist). */
export function salvageCase(sourcePath: string, targetPath: string, options: OpenOptions = {}): SalvageReport {
  const source = openForInspection(sourcePath, options);
  let target: ReturnType<typeof createCaseFile> | null = null;
  try {
    source.pragma('trusted_schema = OFF');
    const name = readCaseName(source);
    target = createCaseFile(targetPath, { ...options, name: name ? `${name} (recovered)` : 'Recovered case' });
    const db = target.db;
    const starterChart = db.prepare('SELECT id FROM charts').pluck().get() as string;
    const tables = TABLES.map((plan) => copyTable(source, db, plan));
    db.transaction(() => {
      // The new file's own starter chart is redundant once a chart from the old file came through.
      if ((tables.find((t) => t.table === 'charts')?.written ?? 0) > 0) db.prepare('DELETE FROM charts WHERE id = ?').run(starterChart);
      db.prepare("INSERT INTO case_meta (key, value) VALUES ('salvaged_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
        nowIso(),
      );
    })();
    return { target: targetPath, tables, rowsSaved: tables.reduce((sum, t) => sum + t.written, 0) };
  } finally {
    source.close();
    target?.close();
  }
}

function readCaseName(source: Database.Database): string | null {
  try {
    const value = source.prepare("SELECT value FROM case_meta WHERE key = 'name'").pluck().get();
    return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
  } catch {
    return null;
  }
}

/** The table's columns; [] when it does not exist; null when the schema cannot be read. */
function columnsOf(db: Database.Database, table: string): string[] | null {
  try {
    return (db.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name);
  } catch {
    return null;
  }
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function copyTable(source: Database.Database, target: Db, plan: TablePlan): SalvagedTable {
  const result: SalvagedTable = { table: plan.table, read: 0, written: 0, refused: 0, damaged: false };
  const targetColumns = columnsOf(target, plan.table) ?? [];
  const sourceColumns = columnsOf(source, plan.table);
  // A table this version does not have, or an older case without it: nothing to copy.
  if (targetColumns.length === 0 || (sourceColumns !== null && sourceColumns.length === 0)) return result;
  // A newer file may have more columns, an older one fewer: copy the ones both know. With an
  // unreadable schema, try ours.
  const columns = sourceColumns === null ? targetColumns : targetColumns.filter((c) => sourceColumns.includes(c));
  if (columns.length === 0 || !plan.key.every((k) => columns.includes(k))) {
    result.damaged = true;
    return result;
  }
  const list = columns.map(quote).join(', ');
  const table = quote(plan.table);
  const descending = plan.withoutRowid ? plan.key.map((k) => `${quote(k)} DESC`).join(', ') : 'rowid DESC';
  // In storage order first; if that stops at a bad page, from the other end, then through the key's index.
  const passes = [
    `SELECT ${list} FROM ${table}`,
    `SELECT ${list} FROM ${table} ORDER BY ${descending}`,
    `SELECT ${list} FROM ${table} ORDER BY ${plan.key.map(quote).join(', ')}`,
  ];
  const rows = new Map<string, Row>();
  const keyOf = (row: Row) => JSON.stringify(plan.key.map((k) => row[k]));
  for (const sql of passes) {
    try {
      for (const row of source.prepare(sql).iterate() as IterableIterator<Row>) rows.set(keyOf(row), row);
      break; // read to the end: this pass saw every row
    } catch {
      result.damaged = true;
    }
  }
  result.read = rows.size;

  const insert = target.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  const present = target.prepare(`SELECT 1 FROM ${table} WHERE ${plan.key.map((k) => `${quote(k)} IS ?`).join(' AND ')}`);
  target.transaction(() => {
    for (const row of rows.values()) {
      try {
        const changes = insert.run(...columns.map((c) => row[c])).changes;
        result.written += changes;
        // Ignored: already in the new case (its own name and creation time), or a broken value.
        if (changes === 0 && present.get(...plan.key.map((k) => row[k])) === undefined) result.refused += 1;
      } catch {
        // A row whose parent was lost: leaving it out keeps the new case's references whole.
        result.refused += 1;
      }
    }
  })();
  return result;
}
