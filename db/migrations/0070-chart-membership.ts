import type { Migration } from './migration';

/**
 * The chart is a view onto the case: a row in `chart_nodes` now means "this entity is on this
 * chart", and an entity without one is in the case but not drawn. A member may not have been
 * placed yet (x and y null: the chart places it when it first draws it), so the table is rebuilt
 * without NOT NULL on the position (SQLite cannot drop a NOT NULL in place).
 *
 * Cases made before this step drew every entity: those small enough to draw (up to 5,000
 * entities, the size past which the app now asks before adding, see app/chart/chartScale.ts)
 * keep showing everything, each entity not yet placed going on every chart unplaced. A larger
 * case keeps the entities it had placed. The number is written here, not imported: this step is
 * append-only.
 *
 * The neighbourhood queries (db/neighbourhood.ts) read links from either end without touching the
 * table: two covering indexes (end, other end) replace the single-column ones, which are their
 * prefixes and so still serve the foreign keys.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'chart-membership',
  up: `
    CREATE TABLE chart_nodes_0070 (
      chart_id TEXT NOT NULL REFERENCES charts (id) ON DELETE CASCADE,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      x REAL,
      y REAL,
      pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
      PRIMARY KEY (chart_id, entity_id),
      CHECK ((x IS NULL) = (y IS NULL))
    ) STRICT, WITHOUT ROWID;
    INSERT INTO chart_nodes_0070 (chart_id, entity_id, x, y, pinned) SELECT chart_id, entity_id, x, y, pinned FROM chart_nodes;
    DROP TABLE chart_nodes;
    ALTER TABLE chart_nodes_0070 RENAME TO chart_nodes;
    CREATE INDEX chart_nodes_entity ON chart_nodes (entity_id);

    INSERT INTO chart_nodes (chart_id, entity_id)
      SELECT c.id, e.id FROM charts AS c CROSS JOIN entities AS e
      WHERE (SELECT count(*) FROM entities) <= 5000
      ON CONFLICT (chart_id, entity_id) DO NOTHING;

    CREATE INDEX links_source_target ON links (source_id, target_id);
    CREATE INDEX links_target_source ON links (target_id, source_id);
    DROP INDEX links_source;
    DROP INDEX links_target;
  `,
};
