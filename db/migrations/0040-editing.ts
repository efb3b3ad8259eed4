import type { Migration } from './migration';

/*
 * The search index: one row per searchable text of an item in `search_docs` (an entity's label,
 * each alias, description and attributes; a link's label, description and attributes; a note's
 * body; a citation's quote and comment; a callout's text), indexed by the external-content FTS5
 * table `search_fts`. Triggers keep it current whoever writes (commands, imports, samples,
 * salvage), so no write path can forget it. FTS5 'secure-delete' removes a deleted text's terms
 * from the index itself instead of leaving them behind delete markers.
 *
 * The SQL below is generated from this file's own constants: this step is append-only, so nothing
 * it uses may come from a module that later changes.
 */

/** The row a field's text is read from: `new` or `old` in a trigger, a table alias in the backfill. */
type Row = string;

interface IndexedTable {
  table: string;
  kind: string;
  fields: { field: string; text: (row: Row) => string }[];
}

const column = (name: string) => (row: Row) => `${row}.${name}`;
const attributesText = (row: Row) =>
  `(SELECT group_concat(key || ': ' || CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE value END, char(10)) FROM json_each(${row}.attributes))`;

const INDEXED: readonly IndexedTable[] = [
  {
    table: 'entities',
    kind: 'entity',
    fields: [
      { field: 'label', text: column('label') },
      { field: 'description', text: column('description') },
      { field: 'attributes', text: attributesText },
    ],
  },
  {
    table: 'links',
    kind: 'link',
    fields: [
      { field: 'label', text: column('label') },
      { field: 'description', text: column('description') },
      { field: 'attributes', text: attributesText },
    ],
  },
  { table: 'notes', kind: 'note', fields: [{ field: 'body', text: column('body') }] },
  {
    table: 'citations',
    kind: 'citation',
    fields: [
      { field: 'quote', text: column('quote') },
      { field: 'comment', text: column('comment') },
    ],
  },
  { table: 'annotations', kind: 'annotation', fields: [{ field: 'text', text: column('text') }] },
];

function insertDocs(spec: IndexedTable, row: Row): string {
  return spec.fields
    .map(
      ({ field, text }) =>
        `INSERT INTO search_docs (kind, item_id, field, text)
           SELECT '${spec.kind}', ${row}.id, '${field}', t FROM (SELECT ${text(row)} AS t) WHERE t IS NOT NULL AND length(trim(t)) > 0;`,
    )
    .join('\n');
}

function triggers(spec: IndexedTable): string {
  const fieldList = spec.fields.map((f) => `'${f.field}'`).join(', ');
  const columns = spec.table === 'entities' || spec.table === 'links' ? 'label, description, attributes' : spec.fields.map((f) => f.field).join(', ');
  return `
    CREATE TRIGGER search_${spec.table}_ai AFTER INSERT ON ${spec.table} BEGIN
      ${insertDocs(spec, 'new')}
    END;
    CREATE TRIGGER search_${spec.table}_au AFTER UPDATE OF ${columns} ON ${spec.table} BEGIN
      DELETE FROM search_docs WHERE kind = '${spec.kind}' AND item_id = old.id AND field IN (${fieldList});
      ${insertDocs(spec, 'new')}
    END;
    CREATE TRIGGER search_${spec.table}_ad AFTER DELETE ON ${spec.table} BEGIN
      DELETE FROM search_docs WHERE kind = '${spec.kind}' AND item_id = old.id;
    END;`;
}

/** Statements that index every row of a table, or only those `where` selects (an SQL condition on `src`). */
function backfillStatements(spec: IndexedTable, where?: string): string[] {
  return spec.fields.map(
    ({ field, text }) =>
      `INSERT INTO search_docs (kind, item_id, field, text)
           SELECT '${spec.kind}', id, '${field}', t FROM (SELECT src.id AS id, ${text('src')} AS t FROM ${spec.table} AS src${where === undefined ? '' : ` WHERE ${where}`})
           WHERE t IS NOT NULL AND length(trim(t)) > 0;`,
  );
}

function backfill(spec: IndexedTable): string {
  return backfillStatements(spec).join('\n');
}

/**
 * For db/searchIndexing.ts, which indexes a bulk import in one pass instead of row by row: the
 * tables whose insert triggers it suspends, their triggers' names, and the SQL that indexes the
 * rows it inserted (rowid above `:after`) exactly as those triggers would have. Derived from the
 * same constants as the triggers, so the two cannot disagree; db/searchIndexing.test.ts checks it
 * against the triggers of the current schema all the same, for when a later migration changes them.
 */
export const SEARCH_INSERT_INDEXING = INDEXED.map((spec) => ({
  table: spec.table,
  kind: spec.kind,
  trigger: `search_${spec.table}_ai`,
  fields: spec.fields.map((f) => f.field),
  indexNewRows: backfillStatements(spec, 'src.rowid > :after'),
}));

/**
 * Editing: an analyst's colour on an entity, a hand-set strength on a link, canvas callouts,
 * merge records, the undo/redo history, and the full-text search index.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'editing',
  up: `
    ALTER TABLE entities ADD COLUMN color TEXT
      CHECK (color IS NULL OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]');
    ALTER TABLE links ADD COLUMN strength TEXT
      CHECK (strength IS NULL OR strength IN ('confirmed', 'unconfirmed', 'tentative'));

    -- A text callout on a chart; tied to an entity, (x, y) is its offset from the entity's node.
    CREATE TABLE annotations (
      id TEXT PRIMARY KEY,
      chart_id TEXT NOT NULL REFERENCES charts (id) ON DELETE CASCADE,
      entity_id TEXT REFERENCES entities (id) ON DELETE CASCADE,
      x REAL NOT NULL,
      y REAL NOT NULL,
      text TEXT NOT NULL CHECK (length(trim(text)) >= 1),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotations_chart ON annotations (chart_id);
    CREATE INDEX annotations_entity ON annotations (entity_id);

    -- History of the case: no foreign keys, because the entities named may since have been deleted.
    CREATE TABLE merge_records (
      id TEXT PRIMARY KEY,
      survivor_id TEXT NOT NULL,
      survivor_label TEXT NOT NULL,
      absorbed_id TEXT NOT NULL,
      absorbed_label TEXT NOT NULL,
      absorbed TEXT NOT NULL CHECK (json_valid(absorbed) AND json_type(absorbed) = 'object'),
      moved TEXT NOT NULL CHECK (json_valid(moved) AND json_type(moved) = 'object'),
      merged_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX merge_records_survivor ON merge_records (survivor_id);
    CREATE INDEX merge_records_absorbed ON merge_records (absorbed_id);

    -- One row per analyst command. 'changes' lists the row changes in the order they happened,
    -- each with its row before and after: applied in order (after) it redoes the command, in
    -- reverse (before) it undoes it, so one list is both the forward and the inverse change set.
    -- 'bytes' (the size of 'changes') stands before it so the history's size is summed without
    -- reading the change sets themselves.
    CREATE TABLE history (
      seq INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array')
    ) STRICT;
    -- The redo stack pointer: commands with seq <= applied are done; those after it can be redone.
    CREATE TABLE history_cursor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      applied INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0)
    ) STRICT;
    INSERT INTO history_cursor (id, applied) VALUES (1, 0);

    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('entity', 'link', 'note', 'citation', 'annotation')),
      item_id TEXT NOT NULL,
      field TEXT NOT NULL,
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX search_docs_item ON search_docs (kind, item_id, field);
    CREATE VIRTUAL TABLE search_fts USING fts5 (
      text,
      content = 'search_docs',
      content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
    -- search_docs rows are only inserted and deleted, never updated.
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    ${INDEXED.map(triggers).join('\n')}

    CREATE TRIGGER search_aliases_ai AFTER INSERT ON entity_aliases BEGIN
      INSERT INTO search_docs (kind, item_id, field, text) VALUES ('entity', new.entity_id, 'alias', new.alias);
    END;
    CREATE TRIGGER search_aliases_au AFTER UPDATE OF entity_id, alias ON entity_aliases BEGIN
      DELETE FROM search_docs WHERE id = (
        SELECT id FROM search_docs WHERE kind = 'entity' AND item_id = old.entity_id AND field = 'alias' AND text = old.alias LIMIT 1
      );
      INSERT INTO search_docs (kind, item_id, field, text) VALUES ('entity', new.entity_id, 'alias', new.alias);
    END;
    CREATE TRIGGER search_aliases_ad AFTER DELETE ON entity_aliases BEGIN
      DELETE FROM search_docs WHERE id = (
        SELECT id FROM search_docs WHERE kind = 'entity' AND item_id = old.entity_id AND field = 'alias' AND text = old.alias LIMIT 1
      );
    END;

    ${INDEXED.map((spec) => backfill(spec)).join('\n')}
    INSERT INTO search_docs (kind, item_id, field, text) SELECT 'entity', entity_id, 'alias', alias FROM entity_aliases;
  `,
};
