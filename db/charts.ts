import type { Chart, NodePosition, Viewport } from '../app/domain';
import { nowIso, prepared, type Db } from './types';

interface ChartRow {
  id: string;
  name: string;
  zoom: number | null;
  pan_x: number | null;
  pan_y: number | null;
}

/** The one place a chart row becomes a domain Chart. */
function toChart(row: ChartRow): Chart {
  const viewport: Viewport | null =
    row.zoom !== null && row.pan_x !== null && row.pan_y !== null ? { zoom: row.zoom, panX: row.pan_x, panY: row.pan_y } : null;
  return { id: row.id, name: row.name, viewport };
}

/** The case's first chart (every case has one from migration 0030 on). */
export function defaultChart(db: Db): Chart {
  const row = prepared(db, 'SELECT id, name, zoom, pan_x, pan_y FROM charts ORDER BY created_at, id LIMIT 1').get() as ChartRow | undefined;
  if (!row) throw new Error('This case has no chart (schema 0030 creates one)');
  return toChart(row);
}

export function getChart(db: Db, id: string): Chart | null {
  const row = prepared(db, 'SELECT id, name, zoom, pan_x, pan_y FROM charts WHERE id = ?').get(id) as ChartRow | undefined;
  return row ? toChart(row) : null;
}

export function listCharts(db: Db): Chart[] {
  return (prepared(db, 'SELECT id, name, zoom, pan_x, pan_y FROM charts ORDER BY created_at, id').all() as ChartRow[]).map(toChart);
}

/** Where the placed nodes of a chart stand (a node on it but not yet placed has none). */
export function chartPositions(db: Db, chartId: string): NodePosition[] {
  return db
    .prepare('SELECT entity_id AS entityId, x, y FROM chart_nodes WHERE chart_id = ? AND x IS NOT NULL ORDER BY entity_id')
    .all(chartId) as NodePosition[];
}

/**
 * Stores positions in one transaction: all or none. Positions of entities that no longer exist
 * are skipped (an entity deleted while a layout ran), and the count saved is returned.
 */
export function saveChartPositions(db: Db, chartId: string, positions: readonly NodePosition[]): number {
  const upsert = prepared(db, 
    `INSERT INTO chart_nodes (chart_id, entity_id, x, y)
     SELECT @chartId, id, @x, @y FROM entities WHERE id = @entityId
     ON CONFLICT (chart_id, entity_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
  );
  return db.transaction(() => {
    let saved = 0;
    for (const p of positions) saved += upsert.run({ chartId, entityId: p.entityId, x: p.x, y: p.y }).changes;
    prepared(db, 'UPDATE charts SET updated_at = ? WHERE id = ?').run(nowIso(), chartId);
    return saved;
  })();
}

export function saveChartViewport(db: Db, chartId: string, viewport: Viewport): boolean {
  const result = db
    .prepare('UPDATE charts SET zoom = ?, pan_x = ?, pan_y = ?, updated_at = ? WHERE id = ?')
    .run(viewport.zoom, viewport.panX, viewport.panY, nowIso(), chartId);
  return result.changes === 1;
}
