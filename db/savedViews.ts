import type { Viewport } from '../app/domain';
import { LAYOUT_NAMES, NO_FILTERS, viewFiltersSchema, type LayoutName, type SavedView, type ViewFilters } from '../app/views';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface SavedViewRow {
  id: string;
  chart_id: string;
  name: string;
  filters: string;
  layout: string | null;
  zoom: number | null;
  pan_x: number | null;
  pan_y: number | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, chart_id, name, filters, layout, zoom, pan_x, pan_y, created_at, updated_at';

/** The one place a saved_views row becomes a SavedView (filters a newer version wrote that this one cannot read count as none). */
function toSavedView(row: SavedViewRow): SavedView {
  let filters: ViewFilters = NO_FILTERS;
  try {
    const parsed = viewFiltersSchema.safeParse(JSON.parse(row.filters));
    if (parsed.success) filters = parsed.data;
  } catch {
    // json_valid guards the column; a parse failure here leaves the view unfiltered.
  }
  const viewport: Viewport | null =
    row.zoom !== null && row.pan_x !== null && row.pan_y !== null ? { zoom: row.zoom, panX: row.pan_x, panY: row.pan_y } : null;
  const layout = (LAYOUT_NAMES as readonly string[]).includes(row.layout ?? '') ? (row.layout as LayoutName) : null;
  return { id: row.id, chartId: row.chart_id, name: row.name, filters, layout, viewport, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A chart's saved views, by name. */
export function listSavedViews(db: Db, chartId: string): SavedView[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM saved_views WHERE chart_id = ? ORDER BY name COLLATE NOCASE, id`).all(chartId) as SavedViewRow[]).map(
    toSavedView,
  );
}

export interface SaveViewInput {
  chartId: string;
  name: string;
  filters: ViewFilters;
  layout: LayoutName | null;
  viewport: Viewport | null;
}

/** Saves a view under its name: a view of that name on the chart is replaced (keeping its id). */
export function saveView(db: Db, input: SaveViewInput): SavedView {
  const name = input.name.trim();
  const now = nowIso();
  const row = prepared(
    db,
    `INSERT INTO saved_views (id, chart_id, name, filters, layout, zoom, pan_x, pan_y, created_at, updated_at)
     VALUES (@id, @chartId, @name, @filters, @layout, @zoom, @panX, @panY, @now, @now)
     ON CONFLICT (chart_id, name) DO UPDATE SET filters = excluded.filters, layout = excluded.layout,
       zoom = excluded.zoom, pan_x = excluded.pan_x, pan_y = excluded.pan_y, updated_at = excluded.updated_at
     RETURNING ${COLUMNS}`,
  ).get({
    id: newId(),
    chartId: input.chartId,
    name,
    filters: JSON.stringify(input.filters),
    layout: input.layout,
    zoom: input.viewport?.zoom ?? null,
    panX: input.viewport?.panX ?? null,
    panY: input.viewport?.panY ?? null,
    now,
  }) as SavedViewRow;
  return toSavedView(row);
}

/** Deletes a saved view; false when there was none with that id. */
export function deleteSavedView(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM saved_views WHERE id = ?').run(id).changes === 1;
}
