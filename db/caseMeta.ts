import type { CaseCounts } from '../app/domain';
import { prepared, type Db } from './types';

/** The case's name as the analyst gave it. */
export function caseName(db: Db): string {
  const value = prepared(db, "SELECT value FROM case_meta WHERE key = 'name'").pluck().get() as string | undefined;
  return value ?? 'Untitled case';
}

export function setCaseMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function caseCounts(db: Db): CaseCounts {
  const count = (table: string): number => prepared(db, `SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    entities: count('entities'),
    links: count('links'),
    sources: count('sources'),
    citations: count('citations'),
    notes: count('notes'),
  };
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
