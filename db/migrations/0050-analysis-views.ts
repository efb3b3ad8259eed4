import type { Migration } from './migration';

/**
 * Link analysis on the chart: a node can be pinned (layouts leave it where it is), and a chart
 * keeps named views (filters, layout and viewport) to come back to.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'analysis-views',
  up: `
    ALTER TABLE chart_nodes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

    CREATE TABLE saved_views (
      id TEXT PRIMARY KEY,
      chart_id TEXT NOT NULL REFERENCES charts (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
      filters TEXT NOT NULL CHECK (json_valid(filters) AND json_type(filters) = 'object'),
      layout TEXT,
      zoom REAL CHECK (zoom IS NULL OR zoom > 0),
      pan_x REAL,
      pan_y REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((zoom IS NULL) = (pan_x IS NULL) AND (zoom IS NULL) = (pan_y IS NULL)),
      UNIQUE (chart_id, name)
    ) STRICT;
  `,
};
