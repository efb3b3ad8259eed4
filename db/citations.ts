import { admiraltyGrade, type Citation, type CitationTarget, type CitationWithSource, type Credibility, type Reliability } from '../app/domain';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface CitationRow {
  id: string;
  source_id: string;
  entity_id: string | null;
  link_id: string | null;
  quote: string;
  locator: string | null;
  credibility: number;
  comment: string | null;
  created_at: string;
}

interface CitationSourceRow extends CitationRow {
  s_title: string;
  s_author: string | null;
  s_publisher: string | null;
  s_published_date: string | null;
  s_reference: string | null;
  s_reliability: string;
}

/** The one place a citation row becomes a domain Citation. */
function toCitation(row: CitationRow): Citation {
  const target: CitationTarget =
    row.entity_id !== null ? { kind: 'entity', id: row.entity_id } : { kind: 'link', id: row.link_id as string };
  return {
    id: row.id,
    sourceId: row.source_id,
    target,
    quote: row.quote,
    locator: row.locator,
    credibility: row.credibility as Credibility,
    comment: row.comment,
    createdAt: row.created_at,
  };
}

function toCitationWithSource(row: CitationSourceRow): CitationWithSource {
  return {
    ...toCitation(row),
    source: {
      id: row.source_id,
      title: row.s_title,
      author: row.s_author,
      publisher: row.s_publisher,
      publishedDate: row.s_published_date,
      reference: row.s_reference,
      reliability: row.s_reliability as Reliability,
    },
  };
}

export interface NewCitation {
  id?: string;
  sourceId: string;
  target: CitationTarget;
  quote: string;
  locator?: string | null;
  credibility: Credibility;
  comment?: string | null;
}

export function insertCitation(db: Db, input: NewCitation): Citation {
  const id = input.id ?? newId();
  prepared(db, 
    `INSERT INTO citations (id, source_id, entity_id, link_id, quote, locator, credibility, comment, created_at)
     VALUES (@id, @sourceId, @entityId, @linkId, @quote, @locator, @credibility, @comment, @now)`,
  ).run({
    id,
    sourceId: input.sourceId,
    entityId: input.target.kind === 'entity' ? input.target.id : null,
    linkId: input.target.kind === 'link' ? input.target.id : null,
    quote: input.quote,
    locator: input.locator ?? null,
    credibility: input.credibility,
    comment: input.comment ?? null,
    now: nowIso(),
  });
  return toCitation(prepared(db, 'SELECT * FROM citations WHERE id = ?').get(id) as CitationRow);
}

const WITH_SOURCE = `
  SELECT c.*, s.title AS s_title, s.author AS s_author, s.publisher AS s_publisher,
         s.published_date AS s_published_date, s.reference AS s_reference, s.reliability AS s_reliability
  FROM citations c JOIN sources s ON s.id = c.source_id`;

/** The citations on an entity, best graded first, each with its source. */
export function citationsForEntity(db: Db, entityId: string): CitationWithSource[] {
  return (
    prepared(db, `${WITH_SOURCE} WHERE c.entity_id = ? ORDER BY s.reliability, c.credibility, c.created_at`).all(entityId) as CitationSourceRow[]
  ).map(toCitationWithSource);
}

/** The citations on a link, best graded first, each with its source. */
export function citationsForLink(db: Db, linkId: string): CitationWithSource[] {
  return (
    prepared(db, `${WITH_SOURCE} WHERE c.link_id = ? ORDER BY s.reliability, c.credibility, c.created_at`).all(linkId) as CitationSourceRow[]
  ).map(toCitationWithSource);
}

export function listCitations(db: Db): Citation[] {
  return (prepared(db, 'SELECT * FROM citations ORDER BY created_at, id').all() as CitationRow[]).map(toCitation);
}

/**
 * For every cited entity and link: how many citations it has and its best Admiralty grade
 * (best reliability first, then best credibility), e.g. "B2".
 */
export function evidenceSummary(db: Db): Record<string, { citations: number; bestGrade: string | null }> {
  const rows = db
    .prepare(
      `SELECT coalesce(c.entity_id, c.link_id) AS itemId, count(*) AS n,
              min(s.reliability || c.credibility) AS best
       FROM citations c JOIN sources s ON s.id = c.source_id
       GROUP BY itemId`,
    )
    .all() as { itemId: string; n: number; best: string | null }[];
  const out: Record<string, { citations: number; bestGrade: string | null }> = {};
  for (const row of rows) {
    const best = row.best ? admiraltyGrade(row.best[0] as Reliability, Number(row.best.slice(1)) as Credibility) : null;
    out[row.itemId] = { citations: row.n, bestGrade: best };
  }
  return out;
}

export function getCitation(db: Db, id: string): Citation | null {
  const row = prepared(db, 'SELECT * FROM citations WHERE id = ?').get(id) as CitationRow | undefined;
  return row ? toCitation(row) : null;
}

/** One citation with its source, or null. */
export function getCitationWithSource(db: Db, id: string): CitationWithSource | null {
  const row = prepared(db, `${WITH_SOURCE} WHERE c.id = ?`).get(id) as CitationSourceRow | undefined;
  return row ? toCitationWithSource(row) : null;
}

/** The citations quoting one source, in the order they were made. */
export function citationsOfSource(db: Db, sourceId: string): Citation[] {
  return (prepared(db, 'SELECT * FROM citations WHERE source_id = ? ORDER BY created_at, id').all(sourceId) as CitationRow[]).map(toCitation);
}

/** Overwrites what can change on a citation (its grade, comment, and where the quote stands). */
export function updateCitation(db: Db, id: string, fields: { credibility: Credibility; comment: string | null; locator: string | null }): boolean {
  return prepared(db, 'UPDATE citations SET credibility = @credibility, comment = @comment, locator = @locator WHERE id = @id').run({ ...fields, id })
    .changes === 1;
}

export function deleteCitation(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM citations WHERE id = ?').run(id).changes === 1;
}

/** How many citations quote a source, and on how many distinct entities and links. */
export function citationReachOfSource(db: Db, sourceId: string): { citations: number; entities: number; links: number } {
  return prepared(
    db,
    `SELECT count(*) AS citations, count(DISTINCT entity_id) AS entities, count(DISTINCT link_id) AS links
     FROM citations WHERE source_id = ?`,
  ).get(sourceId) as { citations: number; entities: number; links: number };
}

/** Deletes every citation quoting a source (the source stays); returns how many went. */
export function deleteCitationsOfSource(db: Db, sourceId: string): number {
  return prepared(db, 'DELETE FROM citations WHERE source_id = ?').run(sourceId).changes;
}
