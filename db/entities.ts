import type { Attributes, Entity, EntityLocation, PartialDate } from '../app/domain';
import { newId } from './ids';
import { allLocations, getLocation } from './locations';
import { nowIso, parseAttributes, prepared, type Db } from './types';

export interface EntityRow {
  id: string;
  type: string;
  label: string;
  description: string | null;
  start_date: string | null;
  end_date: string | null;
  attributes: string;
  /** Absent in a case older than schema 40 (the migration tests read those). */
  color?: string | null;
  created_at: string;
  updated_at: string;
}

/** The one place an entity row becomes a domain Entity. */
export function toEntity(row: EntityRow, aliases: string[], location: EntityLocation | null): Entity {
  return {
    id: row.id,
    type: row.type,
    label: row.label,
    aliases,
    description: row.description,
    startDate: row.start_date,
    endDate: row.end_date,
    attributes: parseAttributes(row.attributes),
    color: row.color ?? null,
    location,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewEntity {
  id?: string;
  type: string;
  label: string;
  aliases?: string[];
  description?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
  attributes?: Attributes;
  /** `#rrggbb`; needs schema 40 (left out of the insert when null, so older schemas still take it). */
  color?: string | null;
}

/** Inserts an entity with its aliases; call inside a transaction when inserting many. */
export function insertEntity(db: Db, input: NewEntity): Entity {
  const now = nowIso();
  const row: EntityRow = {
    id: input.id ?? newId(),
    type: input.type,
    label: input.label.trim(),
    description: input.description ?? null,
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    attributes: JSON.stringify(input.attributes ?? {}),
    color: input.color ?? null,
    created_at: now,
    updated_at: now,
  };
  prepared(
    db,
    row.color === null
      ? `INSERT INTO entities (id, type, label, description, start_date, end_date, attributes, created_at, updated_at)
         VALUES (@id, @type, @label, @description, @start_date, @end_date, @attributes, @created_at, @updated_at)`
      : `INSERT INTO entities (id, type, label, description, start_date, end_date, attributes, color, created_at, updated_at)
         VALUES (@id, @type, @label, @description, @start_date, @end_date, @attributes, @color, @created_at, @updated_at)`,
  ).run(row);
  const aliases = dedupeAliases(row.label, input.aliases ?? []);
  const insertAlias = prepared(db, 'INSERT INTO entity_aliases (entity_id, alias, position) VALUES (?, ?, ?)');
  aliases.forEach((alias, position) => insertAlias.run(row.id, alias, position));
  // A new entity has no location yet: the location command or the sample writes it after.
  return toEntity(row, aliases, null);
}

/** Aliases trimmed, without blanks, duplicates or a copy of the label. */
function dedupeAliases(label: string, aliases: string[]): string[] {
  const seen = new Set([label.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = alias.toLowerCase();
    if (alias.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** One entity with its aliases, or null. */
export function getEntity(db: Db, id: string): Entity | null {
  const row = prepared(db, 'SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) return null;
  const aliases = db
    .prepare('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[];
  return toEntity(row, aliases, getLocation(db, id));
}

/** Every entity with its aliases, ordered by label. */
export function listEntities(db: Db): Entity[] {
  const aliasRows = db
    .prepare('SELECT entity_id AS entityId, alias FROM entity_aliases ORDER BY entity_id, position')
    .all() as { entityId: string; alias: string }[];
  const aliases = new Map<string, string[]>();
  for (const { entityId, alias } of aliasRows) {
    const list = aliases.get(entityId);
    if (list) list.push(alias);
    else aliases.set(entityId, [alias]);
  }
  const rows = prepared(db, 'SELECT * FROM entities ORDER BY label COLLATE NOCASE, id').all() as EntityRow[];
  const locations = allLocations(db);
  return rows.map((row) => toEntity(row, aliases.get(row.id) ?? [], locations.get(row.id) ?? null));
}

/** Entity counts by type, most common first. */
export function countEntitiesByType(db: Db): { type: string; count: number }[] {
  return db
    .prepare('SELECT type, count(*) AS count FROM entities GROUP BY type ORDER BY count DESC, type')
    .all() as { type: string; count: number }[];
}

/** The fields `updateEntity` writes; aliases are written apart (`replaceAliases`). */
export interface EntityUpdate {
  type: string;
  label: string;
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  color: string | null;
}

/** Overwrites an entity's fields and stamps `updated_at`; false if there is no such entity. */
export function updateEntity(db: Db, id: string, fields: EntityUpdate): boolean {
  return (
    prepared(
      db,
      `UPDATE entities SET type = @type, label = @label, description = @description, start_date = @startDate,
         end_date = @endDate, attributes = @attributes, color = @color, updated_at = @now WHERE id = @id`,
    ).run({ ...fields, label: fields.label.trim(), attributes: JSON.stringify(fields.attributes), now: nowIso(), id }).changes === 1
  );
}

/** Makes `aliases` (already normalised) the entity's aliases, in that order, touching only what differs. */
export function replaceAliases(db: Db, entityId: string, aliases: readonly string[]): void {
  const current = prepared(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position').pluck().all(entityId) as string[];
  if (current.length === aliases.length && current.every((alias, i) => alias === aliases[i])) return;
  const keep = new Set(aliases);
  const remove = prepared(db, 'DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?');
  for (const alias of current) if (!keep.has(alias)) remove.run(entityId, alias);
  const upsert = prepared(
    db,
    `INSERT INTO entity_aliases (entity_id, alias, position) VALUES (?, ?, ?)
     ON CONFLICT (entity_id, alias) DO UPDATE SET position = excluded.position WHERE position <> excluded.position`,
  );
  aliases.forEach((alias, position) => upsert.run(entityId, alias, position));
}

/** Deletes an entity; its aliases, links, citations, notes, callouts and positions go with it (foreign keys). */
export function deleteEntity(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM entities WHERE id = ?').run(id).changes === 1;
}
