import type { Attributes, Link, PartialDate } from '../app/domain';
import { newId } from './ids';
import { nowIso, parseAttributes, prepared, type Db } from './types';

interface LinkRow {
  id: string;
  type: string;
  source_id: string;
  target_id: string;
  directed: number;
  label: string | null;
  description: string | null;
  start_date: string | null;
  end_date: string | null;
  attributes: string;
  created_at: string;
  updated_at: string;
}

/** The one place a link row becomes a domain Link. */
function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    type: row.type,
    sourceId: row.source_id,
    targetId: row.target_id,
    directed: row.directed === 1,
    label: row.label,
    description: row.description,
    startDate: row.start_date,
    endDate: row.end_date,
    attributes: parseAttributes(row.attributes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewLink {
  id?: string;
  type: string;
  sourceId: string;
  targetId: string;
  directed: boolean;
  label?: string | null;
  description?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
  attributes?: Attributes;
}

/** Inserts a link; both ends must exist (foreign keys). */
export function insertLink(db: Db, input: NewLink): Link {
  const now = nowIso();
  const row: LinkRow = {
    id: input.id ?? newId(),
    type: input.type,
    source_id: input.sourceId,
    target_id: input.targetId,
    directed: input.directed ? 1 : 0,
    label: input.label ?? null,
    description: input.description ?? null,
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    attributes: JSON.stringify(input.attributes ?? {}),
    created_at: now,
    updated_at: now,
  };
  prepared(
    db,
    `INSERT INTO links (id, type, source_id, target_id, directed, label, description, start_date, end_date, attributes, created_at, updated_at)
     VALUES (@id, @type, @source_id, @target_id, @directed, @label, @description, @start_date, @end_date, @attributes, @created_at, @updated_at)`,
  ).run(row);
  return toLink(row);
}

export function getLink(db: Db, id: string): Link | null {
  const row = prepared(db, 'SELECT * FROM links WHERE id = ?').get(id) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

/** Every link, in a stable order. */
export function listLinks(db: Db): Link[] {
  return (prepared(db, 'SELECT * FROM links ORDER BY created_at, id').all() as LinkRow[]).map(toLink);
}

/** Links with the entity at either end. */
export function linksOfEntity(db: Db, entityId: string): Link[] {
  return (
    prepared(db, 'SELECT * FROM links WHERE source_id = ? OR target_id = ? ORDER BY created_at, id').all(entityId, entityId) as LinkRow[]
  ).map(toLink);
}

/** Link counts by type, most common first. */
export function countLinksByType(db: Db): { type: string; count: number }[] {
  return db
    .prepare('SELECT type, count(*) AS count FROM links GROUP BY type ORDER BY count DESC, type')
    .all() as { type: string; count: number }[];
}
