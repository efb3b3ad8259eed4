import type { Migration } from './migration';

/** Charts: a named view of the case with its viewport, and where each entity stands on it. */
export const migration0030: Migration = {
  version: 30,
  name: 'charts',
  up: `
    CREATE TABLE charts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 500),
      zoom REAL CHECK (zoom IS NULL OR zoom > 0),
      pan_x REAL,
      pan_y REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((zoom IS NULL) = (pan_x IS NULL) AND (zoom IS NULL) = (pan_y IS NULL))
    ) STRICT;

    CREATE TABLE chart_nodes (
      chart_id TEXT NOT NULL REFERENCES charts (id) ON DELETE CASCADE,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      x REAL NOT NULL,
      y REAL NOT NULL,
      PRIMARY KEY (chart_id, entity_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX chart_nodes_entity ON chart_nodes (entity_id);

    -- Every case has one chart from the start; entities already in the case are placed when first drawn.
    INSERT INTO charts (id, name, created_at, updated_at)
    VALUES (
      lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
            substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
      'Chart',
      strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
      strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    );
  `,
};
