import type { Annotation } from '../app/domain';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface AnnotationRow {
  id: string;
  chart_id: string;
  entity_id: string | null;
  x: number;
  y: number;
  text: string;
  created_at: string;
  updated_at: string;
}

/** The one place an annotation row becomes a domain Annotation. */
function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    chartId: row.chart_id,
    entityId: row.entity_id,
    x: row.x,
    y: row.y,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewAnnotation {
  id?: string;
  chartId: string;
  entityId?: string | null;
  x: number;
  y: number;
  text: string;
}

/** Places a callout on a chart; the chart (and the entity, if tied) must exist. */
export function insertAnnotation(db: Db, input: NewAnnotation): Annotation {
  const now = nowIso();
  const row: AnnotationRow = {
    id: input.id ?? newId(),
    chart_id: input.chartId,
    entity_id: input.entityId ?? null,
    x: input.x,
    y: input.y,
    text: input.text,
    created_at: now,
    updated_at: now,
  };
  prepared(
    db,
    `INSERT INTO annotations (id, chart_id, entity_id, x, y, text, created_at, updated_at)
     VALUES (@id, @chart_id, @entity_id, @x, @y, @text, @created_at, @updated_at)`,
  ).run(row);
  return toAnnotation(row);
}

export function getAnnotation(db: Db, id: string): Annotation | null {
  const row = prepared(db, 'SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
  return row ? toAnnotation(row) : null;
}

/** The callouts on one chart, or on every chart, oldest first. */
export function listAnnotations(db: Db, chartId?: string): Annotation[] {
  const rows =
    chartId === undefined
      ? prepared(db, 'SELECT * FROM annotations ORDER BY created_at, id').all()
      : prepared(db, 'SELECT * FROM annotations WHERE chart_id = ? ORDER BY created_at, id').all(chartId);
  return (rows as AnnotationRow[]).map(toAnnotation);
}

/**
 * The callouts drawn on a chart: free ones, and those whose entity is on the chart. A callout on
 * an entity taken off the chart stays stored and comes back with the entity.
 */
export function shownAnnotations(db: Db, chartId: string): Annotation[] {
  const rows = prepared(
    db,
    `SELECT a.* FROM annotations a
     WHERE a.chart_id = @chartId
       AND (a.entity_id IS NULL OR EXISTS (SELECT 1 FROM chart_nodes n WHERE n.chart_id = @chartId AND n.entity_id = a.entity_id))
     ORDER BY a.created_at, a.id`,
  ).all({ chartId });
  return (rows as AnnotationRow[]).map(toAnnotation);
}

/** The callouts on one entity in one chart. */
export function annotationsOnEntity(db: Db, chartId: string, entityId: string): Annotation[] {
  const rows = prepared(db, 'SELECT * FROM annotations WHERE chart_id = ? AND entity_id = ? ORDER BY created_at, id').all(chartId, entityId);
  return (rows as AnnotationRow[]).map(toAnnotation);
}

/** Overwrites a callout's place, text and tie and stamps `updated_at`; false if there is none. */
export function updateAnnotation(db: Db, id: string, fields: { entityId: string | null; x: number; y: number; text: string }): boolean {
  return prepared(db, 'UPDATE annotations SET entity_id = @entityId, x = @x, y = @y, text = @text, updated_at = @now WHERE id = @id').run({
    ...fields,
    now: nowIso(),
    id,
  }).changes === 1;
}

export function deleteAnnotation(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM annotations WHERE id = ?').run(id).changes === 1;
}
