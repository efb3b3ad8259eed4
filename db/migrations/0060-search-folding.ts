import type { Migration } from './migration';

/**
 * Marks that romanisations of Arabic and Berber names write or leave out at will: "Jama’at" and
 * "Jamaat", "Qa'ida" and "Qaida". The tokenizer splits a word at them ("jama" + "at"), so a name
 * typed without the mark found nothing. The same marks the import matcher folds
 * (app/interchange/normaliseName.ts).
 */
export const SEARCH_FOLDED_MARKS = ["'", '’', 'ʼ', '‘', 'ʻ', 'ʿ', 'ʾ', '`', '´', '′'] as const;

/** `text` with those marks taken out, in SQL (built-in functions only: any SQLite can read the file). */
export const FOLDED_TEXT_SQL = SEARCH_FOLDED_MARKS.reduce((sql, mark) => `replace(${sql}, '${mark.replace(/'/g, "''")}', '')`, 'text');

/**
 * Search finds a name typed without its apostrophes: the index holds each text twice, as written
 * (snippets quote it) and folded (`search_docs.folded`, a virtual generated column, so no write
 * path has to know about it). The FTS table is made again with the second column and rebuilt.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'search-folding',
  up: `
    ALTER TABLE search_docs ADD COLUMN folded TEXT GENERATED ALWAYS AS (${FOLDED_TEXT_SQL}) VIRTUAL;

    DROP TRIGGER search_docs_ai;
    DROP TRIGGER search_docs_ad;
    DROP TABLE search_fts;
    CREATE VIRTUAL TABLE search_fts USING fts5 (
      text,
      folded,
      content = 'search_docs',
      content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_fts (rowid, text, folded) VALUES (new.id, new.text, new.folded);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_fts (search_fts, rowid, text, folded) VALUES ('delete', old.id, old.text, old.folded);
    END;
    INSERT INTO search_fts (search_fts) VALUES ('rebuild');
  `,
};
