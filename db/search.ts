import type { SearchHit, SearchHitKind, SnippetPart } from '../app/editing/types';
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
  score: number;
}

/** The best hits for `text`, one per item, best first. */
export function searchCase(db: Db, text: string, options: SearchOptions = {}): SearchHit[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
  const kinds = JSON.stringify(options.kinds ?? ['entity', 'link', 'note', 'citation', 'annotation']);
  // Rank first, cheaply; snippets (the costly part) only for the hits returned. The folded column
  // counts half: it repeats the text, and a match there alone is a looser one.
  const raw = prepared(
    db,
    `SELECT d.id AS rowid, d.kind, d.item_id AS itemId, d.field, bm25(search_fts, 1.0, 0.5) AS score
     FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
     WHERE search_fts MATCH ? AND d.kind IN (SELECT value FROM json_each(?))
     ORDER BY score LIMIT ?`,
  ).all(query, kinds, limit * 10) as RawHit[];

  const best = new Map<string, RawHit & { weighted: number }>();
  for (const hit of raw) {
    const weighted = hit.score * (FIELD_WEIGHT[hit.field] ?? 1);
    const key = `${hit.kind}\u0000${hit.itemId}`;
    const seen = best.get(key);
    if (!seen || weighted < seen.weighted) best.set(key, { ...hit, weighted });
  }
  // Column 0 is the text as written; column 1 the same text folded, where a name typed without
  // its apostrophes matched ("Jamaat" in "Jama’at"). The snippet quotes the first; where only the
  // folded text matched, it shows that, so the match is still highlighted.
  const snippetOf = (rowid: number): SnippetPart[] => {
    for (const column of [0, 1]) {
      const text = prepared(
        db,
        `SELECT snippet(search_fts, ${column}, char(57344), char(57345), '…', 16) FROM search_fts WHERE search_fts MATCH ? AND rowid = ?`,
      )
        .pluck()
        // The rowid is bound as an integer: FTS5 ignores a rowid constraint bound as a float (JavaScript numbers bind
        // as REAL), and every hit would get the first match's snippet.
        .get(query, BigInt(rowid)) as string | undefined;
      const parts = snippetParts(text ?? '');
      if (column === 1 || parts.some((part) => part.match)) return parts;
    }
    return [];
  };
  return [...best.values()]
    .sort((a, b) => a.weighted - b.weighted)
    .slice(0, limit)
    .map((hit) => describeHit(db, hit, snippetOf(hit.rowid)));
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
      return { ...base, title: entityLabel(db, hit.itemId), focus: { kind: 'entity', id: hit.itemId } };
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
