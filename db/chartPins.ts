import type { NodePosition } from '../app/domain';
import { nowIso, prepared, type Db } from './types';

/** Entity ids pinned on a chart (layouts leave them where they are), sorted. */
export function pinnedEntities(db: Db, chartId: string): string[] {
  return prepared(db, 'SELECT entity_id FROM chart_nodes WHERE chart_id = ? AND pinned = 1 ORDER BY entity_id').pluck().all(chartId) as string[];
}

/**
 * Pins or unpins nodes in one transaction, storing where each stands (a pin holds a node at a
 * place). Entities no longer in the case are skipped; returns how many nodes were written.
 */
export function setPinned(db: Db, chartId: string, nodes: readonly NodePosition[], pinned: boolean): number {
  const upsert = prepared(
    db,
    `INSERT INTO chart_nodes (chart_id, entity_id, x, y, pinned)
     SELECT @chartId, id, @x, @y, @pinned FROM entities WHERE id = @entityId
     ON CONFLICT (chart_id, entity_id) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned`,
  );
  return db.transaction(() => {
    let written = 0;
    for (const node of nodes) written += upsert.run({ chartId, entityId: node.entityId, x: node.x, y: node.y, pinned: pinned ? 1 : 0 }).changes;
    prepared(db, 'UPDATE charts SET updated_at = ? WHERE id = ?').run(nowIso(), chartId);
    return written;
  })();
}
