import type { SearchHit, SearchHitKind, SnippetPart } from '../app/editing/types';
import { SEARCH_FOLDED_MARKS } from './migrations/0060-search-folding';
import { prepared, type Db } from './types';

/**
 * Full-text search over labels, aliases, descriptions, attributes, notes, citation quotes and
 * callouts (the FTS5 index of migration 0040, kept current by triggers). A name finds its entity
 * through an alias too, and without its apostrophes ("Jamaat" finds "Jama’at": migration 0060). What the analyst types is never FTS5 syntax: each word is matched as a
 * word (the last one as a prefix, so results come as they type), all words required.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Labels and aliases outrank a passing mention in a note. */
const FIELD_WEIGHT: Record<string, number> = { label: 2, alias: 1.8, quote: 1.1 };

/** The FTS5 query for what the analyst typed, or null when it has no words. */
export function ftsQuery(text: string): string | null {
  // Each word becomes an FTS5 string (quotes doubled): operators and column filters typed by the analyst are just text.
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Splits an FTS5 snippet with our private-use markers into plain-text parts. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly SearchHitKind[];
}

interface RawHit {
  rowid: number;
  kind: SearchHitKind;
  itemId: string;
  field: string;
  /** The document's text: for an entity's label, the label itself (search_entities_ai writes it as is). */
  text: string;
}

/**
 * How many matches are ranked. A common word in a million-entity case matches tens of thousands
 * of rows (a first name: 62,500 in the benchmark), and FTS5's bm25() costs more than the whole
 * budget of a keystroke even for a few hundred matches of common words: before it scores a row
 * it counts, for each word, every document that holds it (its IDF), walking each word's entire
 * match list. So matches are ranked here, in JavaScript, by BM25 without that document
 * frequency (every typed word weighs the same: all of them are in every match anyway), over at
 * most RANKED_MATCHES of them. Past that many, the ranking considers the first RANKED_MATCHES
 * the index holds (oldest first) and the result says so (`SearchResult.ranked`); every query
 * with fewer matches, as a specific name has, is ranked over all of them.
 */
export const RANKED_MATCHES = 1_000;

export interface SearchResult {
  hits: SearchHit[];
  /** 'all' when every match was ranked; 'first' when there were more than RANKED_MATCHES. */
  ranked: 'all' | 'first';
}

/** The best hits for `text`, one per item, best first. */
export function searchCase(db: Db, text: string, options: SearchOptions = {}): SearchHit[] {
  return searchCaseRanked(db, text, options).hits;
}

type Candidate = RawHit;

// Printable ASCII and line breaks; anything else takes the full Unicode path.
const NOT_ASCII = /[^ -~\t\n\r]/;
const FOLDED_MARKS = new RegExp(`[${SEARCH_FOLDED_MARKS.join('')}]`, 'gu');

/** Words as unicode61 with remove_diacritics sees them: letters and digits, case and marks folded. */
function words(text: string): string[] {
  // Most text is plain ASCII: no marks to strip, and a simpler split (ranking runs on every keystroke).
  const folded = !NOT_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** search_docs.folded, as its generated column computes it (migration 0060). */
function foldedText(text: string): string {
  return text.replace(FOLDED_MARKS, '');
}

/** Times `phrase` occurs in `tokens`; its last word as a prefix when `prefix` (the word being typed). */
function occurrences(tokens: readonly string[], phrase: readonly string[], prefix: boolean): number {
  let count = 0;
  const last = phrase.length - 1;
  for (let i = 0; i + last < tokens.length; i++) {
    let j = 0;
    for (; j <= last; j++) {
      const token = tokens[i + j] as string;
      const word = phrase[j] as string;
      if (!(token === word || (prefix && j === last && token.startsWith(word)))) break;
    }
    if (j > last) count++;
  }
  return count;
}

const K1 = 1.2;
const B = 0.75;
/** The text as written counts fully, its folded copy half (as the index's columns did with bm25). */
const COLUMN_WEIGHT = [1, 0.5] as const;

/** Fields that name an item: one that is exactly what was typed ranks first. */
const NAME_FIELDS = new Set(['label', 'alias']);

/**
 * BM25 of each candidate (higher is better) over its text and folded text, every typed word
 * weighing the same; a label or alias that is exactly the typed words (case and marks aside)
 * ranks above every other match, as an analyst typing a name expects.
 */
function scores(candidates: readonly Candidate[], typed: string): number[] {
  const typedWords = typed.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const phrases = typedWords.map((w) => words(w));
  const exact = phrases.flat().join(' ');
  const columns = candidates.map((c) => {
    const asWritten = words(c.text);
    const folded = foldedText(c.text);
    return [asWritten, folded === c.text ? asWritten : words(folded)] as const;
  });
  const average = [0, 1].map((col) => columns.reduce((sum, cols) => sum + (cols[col] as string[]).length, 0) / Math.max(1, columns.length));
  return columns.map((cols, i) => {
    const candidate = candidates[i] as Candidate;
    // BM25 here stays below (K1 + 1) × 1.5 per word, times a field weight of at most 2; this, times
    // a name's weight of at least 1.8, lifts an exact name above any of it.
    let score = NAME_FIELDS.has(candidate.field) && cols[0].join(' ') === exact ? (K1 + 1) * 2 * Math.max(1, phrases.length) : 0;
    for (const col of [0, 1] as const) {
      const tokens = cols[col];
      const norm = K1 * (1 - B + (B * tokens.length) / Math.max(1, average[col] as number));
      phrases.forEach((phrase, p) => {
        const tf = occurrences(tokens, phrase, p === phrases.length - 1);
        score += (COLUMN_WEIGHT[col] * (tf * (K1 + 1))) / (tf + norm);
      });
    }
    return score;
  });
}

/** searchCase, and whether the ranking was bounded (a common word: see RANKED_MATCHES). */
export function searchCaseRanked(db: Db, text: string, options: SearchOptions = {}): SearchResult {
  const query = ftsQuery(text);
  if (query === null) return { hits: [], ranked: 'all' };
  const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
  const kinds = JSON.stringify(options.kinds ?? ['entity', 'link', 'note', 'citation', 'annotation']);
  // The matches in index order, without scoring: FTS5 streams them, and the statement stops at the limit.
  const found = prepared(
    db,
    `SELECT d.id AS rowid, d.kind, d.item_id AS itemId, d.field, d.text
     FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
     WHERE search_fts MATCH ? AND d.kind IN (SELECT value FROM json_each(?))
     LIMIT ?`,
  ).all(query, kinds, RANKED_MATCHES + 1) as Candidate[];
  const candidates = found.slice(0, RANKED_MATCHES);
  const score = scores(candidates, text);

  const best = new Map<string, { hit: Candidate; weighted: number }>();
  candidates.forEach((hit, i) => {
    const weighted = (score[i] as number) * (FIELD_WEIGHT[hit.field] ?? 1);
    const key = `${hit.kind}\u0000${hit.itemId}`;
    const seen = best.get(key);
    if (!seen || weighted > seen.weighted) best.set(key, { hit, weighted });
  });
  // Ties (the same words in texts of the same length) in index order, so the order is stable.
  const top = [...best.values()].sort((a, b) => b.weighted - a.weighted || a.hit.rowid - b.hit.rowid).slice(0, limit);
  const snippets = snippetsOf(db, query, top.map(({ hit }) => hit.rowid));
  return {
    hits: top.map(({ hit }) => describeHit(db, hit, snippets.get(hit.rowid) ?? [])),
    ranked: found.length > RANKED_MATCHES ? 'first' : 'all',
  };
}

/**
 * Snippets for the hits returned, from a scratch full-text index of just those documents (same
 * tokenizer and columns, so FTS5's snippet() picks the same passage): asking the case's index
 * for one row's snippet costs as much as the whole match list of a common prefix, 50 times over.
 * Column 0 is the text as written; column 1 the same text folded, where a name typed without its
 * apostrophes matched ("Jamaat" in "Jama’at"). The snippet quotes the first; where only the
 * folded text matched, it shows that, so the match is still highlighted.
 */
function snippetsOf(db: Db, query: string, rowids: readonly number[]): Map<number, SnippetPart[]> {
  const out = new Map<number, SnippetPart[]>();
  if (rowids.length === 0) return out;
  // In the connection's temporary database: never written to the case file, and possible on a
  // read-only connection. An external-content index over a scratch table, so it is emptied by
  // FTS5's 'delete-all' in one step: a plain FTS5 table deletes row by row, tokenizing each row
  // again, which cost more than the rest of a search (npm run bench, store-scale).
  db.exec(`CREATE TABLE IF NOT EXISTS temp.search_snippet_texts (id INTEGER PRIMARY KEY, text TEXT, folded TEXT);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_snippet_index USING fts5 (
      text, folded, content = 'search_snippet_texts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')`);
  const run = db.transaction(() => {
    const texts = prepared(db, 'SELECT d.id, d.text FROM json_each(?) AS f JOIN search_docs AS d ON d.id = f.value').all(JSON.stringify(rowids)) as {
      id: number;
      text: string;
    }[];
    const insertText = prepared(db, 'INSERT INTO temp.search_snippet_texts (id, text, folded) VALUES (?, ?, ?)');
    const insertIndex = prepared(db, 'INSERT INTO temp.search_snippet_index (rowid, text, folded) VALUES (?, ?, ?)');
    for (const { id, text } of texts) {
      const folded = foldedText(text);
      insertText.run(BigInt(id), text, folded);
      insertIndex.run(BigInt(id), text, folded);
    }
    const rows = prepared(
      db,
      `SELECT rowid,
              snippet(search_snippet_index, 0, char(57344), char(57345), '…', 16) AS asWritten,
              snippet(search_snippet_index, 1, char(57344), char(57345), '…', 16) AS folded
       FROM temp.search_snippet_index WHERE search_snippet_index MATCH ?`,
    ).all(query) as { rowid: number; asWritten: string | null; folded: string | null }[];
    prepared(db, "INSERT INTO temp.search_snippet_index (search_snippet_index) VALUES ('delete-all')").run();
    prepared(db, 'DELETE FROM temp.search_snippet_texts').run();
    return rows;
  });
  for (const row of run()) {
    const parts = snippetParts(row.asWritten ?? '');
    out.set(row.rowid, parts.some((part) => part.match) ? parts : snippetParts(row.folded ?? ''));
  }
  return out;
}

function firstLine(text: string, max = 80): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function entityLabel(db: Db, id: string): string {
  return (prepared(db, 'SELECT label FROM entities WHERE id = ?').pluck().get(id) as string | undefined) ?? '(deleted entity)';
}

/** "JNIM → AQIM": a link in words. */
export function linkTitle(db: Db, linkId: string): string {
  const row = prepared(db, 'SELECT source_id AS s, target_id AS t, label FROM links WHERE id = ?').get(linkId) as
    | { s: string; t: string; label: string | null }
    | undefined;
  if (!row) return '(deleted link)';
  const ends = `${entityLabel(db, row.s)} → ${entityLabel(db, row.t)}`;
  return row.label ? `${ends} (${row.label})` : ends;
}

function targetOf(entityId: string | null, linkId: string | null): SearchHit['focus'] {
  if (entityId !== null) return { kind: 'entity', id: entityId };
  if (linkId !== null) return { kind: 'link', id: linkId };
  return null;
}

function focusTitle(db: Db, focus: SearchHit['focus']): string {
  if (focus === null) return 'the case';
  return focus.kind === 'entity' ? entityLabel(db, focus.id) : linkTitle(db, focus.id);
}

function describeHit(db: Db, hit: RawHit, snippet: SnippetPart[]): SearchHit {
  const base = { kind: hit.kind, id: hit.itemId, field: hit.field, snippet };
  switch (hit.kind) {
    case 'entity':
      // A label hit already holds the title: no lookup by id (a random b-tree read per hit, the most of a common word's search).
      return { ...base, title: hit.field === 'label' ? hit.text : entityLabel(db, hit.itemId), focus: { kind: 'entity', id: hit.itemId } };
    case 'link':
      return { ...base, title: linkTitle(db, hit.itemId), focus: { kind: 'link', id: hit.itemId } };
    case 'note': {
      const row = prepared(db, 'SELECT entity_id AS e, link_id AS l, body FROM notes WHERE id = ?').get(hit.itemId) as
        | { e: string | null; l: string | null; body: string }
        | undefined;
      const focus = row ? targetOf(row.e, row.l) : null;
      return { ...base, title: `Note on ${focusTitle(db, focus)}: ${firstLine(row?.body ?? '', 60)}`, focus };
    }
    case 'citation': {
      const row = prepared(db, 'SELECT entity_id AS e, link_id AS l FROM citations WHERE id = ?').get(hit.itemId) as
        | { e: string | null; l: string | null }
        | undefined;
      const focus = row ? targetOf(row.e, row.l) : null;
      return { ...base, title: `Citation on ${focusTitle(db, focus)}`, focus };
    }
    case 'annotation': {
      const row = prepared(db, 'SELECT entity_id AS e, text FROM annotations WHERE id = ?').get(hit.itemId) as
        | { e: string | null; text: string }
        | undefined;
      const focus = row ? targetOf(row.e, null) : null;
      return { ...base, title: `Callout: ${firstLine(row?.text ?? '', 60)}`, focus };
    }
  }
}
