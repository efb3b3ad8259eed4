import type { Migration } from './migration';

const DATE_CHECK = (column: string) => `(${column} IS NULL
    OR ${column} GLOB '[0-9][0-9][0-9][0-9]'
    OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
    OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;

/** Entities, their aliases, links between them, and the case's own metadata. */
export const migration0010: Migration = {
  version: 10,
  name: 'core',
  up: `
    CREATE TABLE case_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
      label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 1000),
      description TEXT,
      start_date TEXT CHECK ${DATE_CHECK('start_date')},
      end_date TEXT CHECK ${DATE_CHECK('end_date')},
      attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX entities_type ON entities (type);
    CREATE INDEX entities_label ON entities (label COLLATE NOCASE);

    CREATE TABLE entity_aliases (
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      alias TEXT NOT NULL CHECK (length(trim(alias)) BETWEEN 1 AND 1000),
      position INTEGER NOT NULL,
      PRIMARY KEY (entity_id, alias)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX entity_aliases_alias ON entity_aliases (alias COLLATE NOCASE);

    CREATE TABLE links (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
      source_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      target_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
      label TEXT,
      description TEXT,
      start_date TEXT CHECK ${DATE_CHECK('start_date')},
      end_date TEXT CHECK ${DATE_CHECK('end_date')},
      attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX links_source ON links (source_id);
    CREATE INDEX links_target ON links (target_id);
    CREATE INDEX links_type ON links (type);
  `,
};
