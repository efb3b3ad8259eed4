import type { Attributes, Credibility, Link, LinkStrength, PartialDate, Reliability } from '../app/domain';
import { newId } from './ids';
import { nowIso, parseAttributes, prepared, type Db } from './types';

export interface LinkRow {
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
  /** Absent in a case older than schema 40 (the migration tests read those). */
  strength?: string | null;
  created_at: string;
  updated_at: string;
}

/** The one place a link row becomes a domain Link. */
export function toLink(row: LinkRow): Link {
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
    strength: (row.strength ?? null) as LinkStrength | null,
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
  /** Set by hand; needs schema 40 (left out of the insert when null, so older schemas still take it). */
  strength?: LinkStrength | null;
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
    strength: input.strength ?? null,
    created_at: now,
    updated_at: now,
  };
  prepared(
    db,
    row.strength === null
      ? `INSERT INTO links (id, type, source_id, target_id, directed, label, description, start_date, end_date, attributes, created_at, updated_at)
         VALUES (@id, @type, @source_id, @target_id, @directed, @label, @description, @start_date, @end_date, @attributes, @created_at, @updated_at)`
      : `INSERT INTO links (id, type, source_id, target_id, directed, label, description, start_date, end_date, attributes, strength, created_at, updated_at)
         VALUES (@id, @type, @source_id, @target_id, @directed, @label, @description, @start_date, @end_date, @attributes, @strength, @created_at, @updated_at)`,
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

/** The entities at the other ends of an entity's links (each once; itself too if it links to itself). */
export function linkEndsOf(db: Db, entityId: string): { id: string; label: string; type: string }[] {
  return prepared(
    db,
    `SELECT id, label, type FROM entities WHERE id IN (
       SELECT target_id FROM links WHERE source_id = ? UNION SELECT source_id FROM links WHERE target_id = ?)
     ORDER BY id`,
  ).all(entityId, entityId) as { id: string; label: string; type: string }[];
}

/** Link counts by type, most common first. */
export function countLinksByType(db: Db): { type: string; count: number }[] {
  return db
    .prepare('SELECT type, count(*) AS count FROM links GROUP BY type ORDER BY count DESC, type')
    .all() as { type: string; count: number }[];
}

/** The fields `updateLink` writes. */
export interface LinkUpdate {
  type: string;
  sourceId: string;
  targetId: string;
  directed: boolean;
  label: string | null;
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  strength: LinkStrength | null;
}

/** Overwrites a link's fields and stamps `updated_at`; false if there is no such link. */
export function updateLink(db: Db, id: string, fields: LinkUpdate): boolean {
  return (
    prepared(
      db,
      `UPDATE links SET type = @type, source_id = @sourceId, target_id = @targetId, directed = @directed, label = @label,
         description = @description, start_date = @startDate, end_date = @endDate, attributes = @attributes,
         strength = @strength, updated_at = @now WHERE id = @id`,
    ).run({ ...fields, directed: fields.directed ? 1 : 0, attributes: JSON.stringify(fields.attributes), now: nowIso(), id }).changes === 1
  );
}

/** Deletes a link; its citations and notes go with it (foreign keys). */
export function deleteLink(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM links WHERE id = ?').run(id).changes === 1;
}

/** Every link's citation grades (source reliability, citation credibility), for link strength. */
export function linkCitationGrades(db: Db): Map<string, { reliability: Reliability; credibility: Credibility }[]> {
  const rows = prepared(
    db,
    `SELECT c.link_id AS linkId, s.reliability, c.credibility FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.link_id IS NOT NULL`,
  ).all() as { linkId: string; reliability: Reliability; credibility: Credibility }[];
  const out = new Map<string, { reliability: Reliability; credibility: Credibility }[]>();
  for (const { linkId, reliability, credibility } of rows) {
    const list = out.get(linkId);
    if (list) list.push({ reliability, credibility });
    else out.set(linkId, [{ reliability, credibility }]);
  }
  return out;
}
