import type { Entity, MergeRecord } from '../app/domain';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface MergeRecordRow {
  id: string;
  survivor_id: string;
  survivor_label: string;
  absorbed_id: string;
  absorbed_label: string;
  absorbed: string;
  moved: string;
  merged_at: string;
}

/** The one place a merge-record row becomes a domain MergeRecord. */
function toMergeRecord(row: MergeRecordRow): MergeRecord {
  return {
    id: row.id,
    survivorId: row.survivor_id,
    survivorLabel: row.survivor_label,
    absorbedId: row.absorbed_id,
    absorbedLabel: row.absorbed_label,
    absorbed: JSON.parse(row.absorbed) as Entity,
    moved: JSON.parse(row.moved) as MergeRecord['moved'],
    mergedAt: row.merged_at,
  };
}

export function insertMergeRecord(db: Db, input: Omit<MergeRecord, 'id' | 'mergedAt'> & { id?: string }): MergeRecord {
  const row: MergeRecordRow = {
    id: input.id ?? newId(),
    survivor_id: input.survivorId,
    survivor_label: input.survivorLabel,
    absorbed_id: input.absorbedId,
    absorbed_label: input.absorbedLabel,
    absorbed: JSON.stringify(input.absorbed),
    moved: JSON.stringify(input.moved),
    merged_at: nowIso(),
  };
  prepared(
    db,
    `INSERT INTO merge_records (id, survivor_id, survivor_label, absorbed_id, absorbed_label, absorbed, moved, merged_at)
     VALUES (@id, @survivor_id, @survivor_label, @absorbed_id, @absorbed_label, @absorbed, @moved, @merged_at)`,
  ).run(row);
  return toMergeRecord(row);
}

/** Every merge, oldest first. */
export function listMergeRecords(db: Db): MergeRecord[] {
  return (prepared(db, 'SELECT * FROM merge_records ORDER BY merged_at, id').all() as MergeRecordRow[]).map(toMergeRecord);
}

/** The merges an entity took part in, as survivor or as the one absorbed, oldest first. */
export function mergeRecordsOf(db: Db, entityId: string): MergeRecord[] {
  return (
    prepared(db, 'SELECT * FROM merge_records WHERE survivor_id = ? OR absorbed_id = ? ORDER BY merged_at, id').all(entityId, entityId) as MergeRecordRow[]
  ).map(toMergeRecord);
}

/**
 * Moves everything that points at entity `fromId` to `toId`: both ends of links, citations, notes
 * and callouts. Aliases are not moved (a merge makes the label an alias); the survivor keeps its
 * place on each chart, and takes the absorbed one's where it had none. Returns how many moved.
 */
export function repointEntityReferences(db: Db, fromId: string, toId: string): { links: number; citations: number; notes: number; annotations: number } {
  const now = nowIso();
  const links = prepared(db, 'SELECT count(*) FROM links WHERE source_id = @id OR target_id = @id').pluck().get({ id: fromId }) as number;
  prepared(db, 'UPDATE links SET source_id = ?, updated_at = ? WHERE source_id = ?').run(toId, now, fromId);
  prepared(db, 'UPDATE links SET target_id = ?, updated_at = ? WHERE target_id = ?').run(toId, now, fromId);
  const citations = prepared(db, 'UPDATE citations SET entity_id = ? WHERE entity_id = ?').run(toId, fromId).changes;
  const notes = prepared(db, 'UPDATE notes SET entity_id = ?, updated_at = ? WHERE entity_id = ?').run(toId, now, fromId).changes;
  const annotations = prepared(db, 'UPDATE annotations SET entity_id = ?, updated_at = ? WHERE entity_id = ?').run(toId, now, fromId).changes;
  prepared(
    db,
    `INSERT INTO chart_nodes (chart_id, entity_id, x, y) SELECT chart_id, @to, x, y FROM chart_nodes WHERE entity_id = @from
     ON CONFLICT (chart_id, entity_id) DO UPDATE SET x = coalesce(chart_nodes.x, excluded.x), y = coalesce(chart_nodes.y, excluded.y)`,
  ).run({ to: toId, from: fromId });
  return { links, citations, notes, annotations };
}
