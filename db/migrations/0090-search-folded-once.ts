import type { Migration } from './migration';

/**
 * The full-text index holds a text's folded copy (migration 0060) only where folding changed it:
 * most texts have none of the marks it takes out, and their folded column repeated every word of
 * the text, so the index held each of their words twice (twice the tokens to index at a bulk
 * import, a larger index to read). A query matches the same documents either way: where the two
 * are equal the text column holds the same words. The index reads its columns from the view
 * `search_docs_indexed` (`folded` NULL where it equals `text`); `search_docs` is unchanged. The
 * prefix indexes stay: without them a common two-letter prefix (one every label has) took 25 ms
 * to search at a million entities instead of 3 to 5 (npm run bench, store-scale; docs/architecture.md).
 */
export const migration0090: Migration = {
  version: 90,
  name: 'search-folded-once',
  up: `
    DROP TRIGGER search_docs_ai;
    DROP TRIGGER search_docs_ad;
    DROP TABLE search_fts;
    CREATE VIEW search_docs_indexed AS SELECT id, text, nullif(folded, text) AS folded FROM search_docs;
    CREATE VIRTUAL TABLE search_fts USING fts5 (
      text,
      folded,
      content = 'search_docs_indexed',
      content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_fts (rowid, text, folded) VALUES (new.id, new.text, nullif(new.folded, new.text));
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_fts (search_fts, rowid, text, folded) VALUES ('delete', old.id, old.text, nullif(old.folded, old.text));
    END;
    INSERT INTO search_fts (search_fts) VALUES ('rebuild');
  `,
};
