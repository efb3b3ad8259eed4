import type { CaseCounts } from '../app/domain';
import { TLP_LABELS, type MarkingChoice, type TlpLabel } from '../app/export/marking';
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

/** The case's handling marking; none when unset (or unreadable: a marking is never invented). */
export function caseMarking(db: Db): MarkingChoice {
  const value = prepared(db, "SELECT value FROM case_meta WHERE key = 'marking'").pluck().get() as string | undefined;
  if (value === undefined) return { kind: 'none' };
  try {
    const parsed = JSON.parse(value) as { kind?: unknown; text?: unknown; label?: unknown };
    if (parsed.kind === 'text' && typeof parsed.text === 'string' && parsed.text.trim() !== '') return { kind: 'text', text: parsed.text };
    if (parsed.kind === 'tlp' && (TLP_LABELS as readonly unknown[]).includes(parsed.label)) return { kind: 'tlp', label: parsed.label as TlpLabel };
  } catch {
    // Fall through: shown as no marking, and the analyst can set it again.
  }
  return { kind: 'none' };
}

/** Sets (or, with `none`, removes) the case's handling marking. */
export function setCaseMarking(db: Db, marking: MarkingChoice): void {
  if (marking.kind === 'none' || (marking.kind === 'text' && marking.text.trim() === '')) {
    prepared(db, "DELETE FROM case_meta WHERE key = 'marking'").run();
    return;
  }
  setCaseMeta(db, 'marking', JSON.stringify(marking));
}
