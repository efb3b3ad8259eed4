import type { Migration } from './migration';

/**
 * Sources (graded A-F for reliability), citations (a verbatim quote graded 1-6 for credibility,
 * on exactly one entity or link) and analyst notes. Grades are stored apart, as the Admiralty
 * system keeps them: a good source can still carry a doubtful claim.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'evidence',
  up: `
    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 2000),
      author TEXT,
      publisher TEXT,
      published_date TEXT,
      reference TEXT,
      reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
      body TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE citations (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
      entity_id TEXT REFERENCES entities (id) ON DELETE CASCADE,
      link_id TEXT REFERENCES links (id) ON DELETE CASCADE,
      quote TEXT NOT NULL CHECK (length(trim(quote)) >= 1),
      locator TEXT,
      credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
      comment TEXT,
      created_at TEXT NOT NULL,
      CHECK ((entity_id IS NULL) <> (link_id IS NULL))
    ) STRICT;
    CREATE INDEX citations_source ON citations (source_id);
    CREATE INDEX citations_entity ON citations (entity_id);
    CREATE INDEX citations_link ON citations (link_id);

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      target_kind TEXT NOT NULL CHECK (target_kind IN ('case', 'entity', 'link')),
      entity_id TEXT REFERENCES entities (id) ON DELETE CASCADE,
      link_id TEXT REFERENCES links (id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      author TEXT,
      credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (
        (target_kind = 'case' AND entity_id IS NULL AND link_id IS NULL)
        OR (target_kind = 'entity' AND entity_id IS NOT NULL AND link_id IS NULL)
        OR (target_kind = 'link' AND link_id IS NOT NULL AND entity_id IS NULL)
      )
    ) STRICT;
    CREATE INDEX notes_entity ON notes (entity_id);
    CREATE INDEX notes_link ON notes (link_id);
  `,
};
