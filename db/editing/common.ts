import type { Entity, Link } from '../../app/domain';
import { WorkbenchFailure, type ValidationIssue } from '../../app/result';
import { getChart } from '../charts';
import { getEntity } from '../entities';
import { getLink } from '../links';
import { prepared, type Db } from '../types';

/** Refuses with the first issue's sentence (all issues attached for the inspector). */
export function failIfInvalid(issues: readonly ValidationIssue[]): void {
  const first = issues[0];
  if (first) throw new WorkbenchFailure('invalid_input', first.message, [...issues]);
}

export function invalid(message: string, path: (string | number)[] = []): WorkbenchFailure {
  return new WorkbenchFailure('invalid_input', message, [{ path, message }]);
}

export function requireEntity(db: Db, id: string, message = 'That entity is no longer in the case.'): Entity {
  const entity = getEntity(db, id);
  if (!entity) throw new WorkbenchFailure('not_found', message);
  return entity;
}

export function requireLink(db: Db, id: string): Link {
  const link = getLink(db, id);
  if (!link) throw new WorkbenchFailure('not_found', 'That link is no longer in the case.');
  return link;
}

export function requireChart(db: Db, id: string): void {
  if (!getChart(db, id)) throw new WorkbenchFailure('not_found', 'That chart is not in this case.');
}

/** Every id must name an existing row of `table`; says how many are missing otherwise. */
export function requireAll(db: Db, table: 'entities' | 'links', ids: readonly string[]): void {
  const found = prepared(db, `SELECT count(*) FROM ${table} WHERE id IN (SELECT DISTINCT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
  const missing = new Set(ids).size - found;
  if (missing > 0) {
    const what = table === 'entities' ? (missing === 1 ? 'entity' : 'entities') : missing === 1 ? 'link' : 'links';
    throw new WorkbenchFailure('not_found', `${missing === 1 ? 'One' : missing} ${what} of the selection ${missing === 1 ? 'is' : 'are'} no longer in the case.`);
  }
}

/** “JNIM”, shortened for a history label or a message. */
export function quoted(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/** "1 link", "3 links". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** True when every field of `a` equals the same field of `b` (values compared as JSON). */
export function sameValues<T extends object>(a: T, b: T): boolean {
  return Object.keys(a).every((key) => JSON.stringify(a[key as keyof T]) === JSON.stringify(b[key as keyof T]));
}
