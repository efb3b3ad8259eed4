import { admiraltyGrade, type Annotation, type Credibility, type Entity, type Link, type LinkStrength, type NodePosition, type Reliability } from '../app/domain';
import { emptyDelta, type CaseDelta } from '../app/editing/types';
import { deriveLinkStrength } from '../app/linkStrength';
import { annotationsOnEntity, getAnnotation } from './annotations';
import { getEntity } from './entities';
import { getLink } from './links';
import { nowIso, prepared, type Db } from './types';

/**
 * The chart's rows for a set of ids: what the renderer asks for after a `case.edited` delta, so
 * that an edit costs what it changed, not what the case holds. Each value is computed exactly as
 * `chart.load` computes it for the whole case (db/citations.ts evidenceSummary, db/notes.ts
 * noteCounts, db/editing/linkCommands.ts linkStrengths); the delta property test holds them equal.
 */

export interface CaseRowsRequest {
  chartId: string;
  entityIds: readonly string[];
  linkIds: readonly string[];
  /** Entities whose stored position on the chart to read. */
  positionIds: readonly string[];
  annotationIds: readonly string[];
}

export interface CaseRows {
  chartId: string;
  /**
   * The entities asked for that exist and are on the chart (the chart is a view onto the case:
   * db/chartMembership.ts); an id asked for and missing was deleted or taken off the chart.
   */
  entities: Entity[];
  /** The links asked for that exist with both ends on the chart. */
  links: Link[];
  /** Citation count and best grade of the entities and links asked for that have citations. */
  evidence: Record<string, { citations: number; bestGrade: string | null }>;
  /** The drawn strength of every link returned. */
  linkStrengths: Record<string, LinkStrength>;
  /** Notes on the entities and links asked for that have any. */
  noteCounts: Record<string, number>;
  /** Stored positions of the entities asked for that have one on this chart. */
  positions: NodePosition[];
  /** Callouts asked for that still exist on this chart. */
  annotations: Annotation[];
}

interface EvidenceRow {
  n: number;
  best: string | null;
}

function evidenceOf(db: Db, column: 'entity_id' | 'link_id', id: string): { citations: number; bestGrade: string | null } | null {
  const row = prepared(
    db,
    `SELECT count(*) AS n, min(s.reliability || c.credibility) AS best
     FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.${column} = ?`,
  ).get(id) as EvidenceRow;
  if (row.n === 0) return null;
  const best = row.best ? admiraltyGrade(row.best[0] as Reliability, Number(row.best.slice(1)) as Credibility) : null;
  return { citations: row.n, bestGrade: best };
}

function noteCountOf(db: Db, column: 'entity_id' | 'link_id', id: string): number {
  return prepared(db, `SELECT count(*) FROM notes WHERE ${column} = ?`).pluck().get(id) as number;
}

function strengthOf(db: Db, link: Link): LinkStrength {
  if (link.strength !== null) return link.strength;
  const grades = prepared(db, 'SELECT s.reliability, c.credibility FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.link_id = ?').all(
    link.id,
  ) as { reliability: Reliability; credibility: Credibility }[];
  return deriveLinkStrength(grades);
}

/** Reads the chart rows for the ids asked for, in one read transaction. */
export function caseRowsFor(db: Db, request: CaseRowsRequest): CaseRows {
  return db.transaction((): CaseRows => {
    const rows: CaseRows = { chartId: request.chartId, entities: [], links: [], evidence: {}, linkStrengths: {}, noteCounts: {}, positions: [], annotations: [] };
    const member = prepared(db, 'SELECT 1 FROM chart_nodes WHERE chart_id = ? AND entity_id = ?').pluck();
    const onChart = (id: string) => member.get(request.chartId, id) !== undefined;
    const annotations = new Map<string, Annotation>();
    for (const id of new Set(request.entityIds)) {
      const entity = onChart(id) ? getEntity(db, id) : undefined;
      if (!entity) continue;
      rows.entities.push(entity);
      const evidence = evidenceOf(db, 'entity_id', id);
      if (evidence) rows.evidence[id] = evidence;
      const notes = noteCountOf(db, 'entity_id', id);
      if (notes > 0) rows.noteCounts[id] = notes;
      // Its callouts come (back) with an entity put on the chart.
      for (const annotation of annotationsOnEntity(db, request.chartId, id)) annotations.set(annotation.id, annotation);
    }
    for (const id of new Set(request.linkIds)) {
      const link = getLink(db, id);
      if (!link || !onChart(link.sourceId) || !onChart(link.targetId)) continue;
      rows.links.push(link);
      const evidence = evidenceOf(db, 'link_id', id);
      if (evidence) rows.evidence[id] = evidence;
      const notes = noteCountOf(db, 'link_id', id);
      if (notes > 0) rows.noteCounts[id] = notes;
      rows.linkStrengths[id] = strengthOf(db, link);
    }
    // A member not placed yet has no position (x and y null): the chart places it.
    const position = prepared(db, 'SELECT entity_id AS entityId, x, y FROM chart_nodes WHERE chart_id = ? AND entity_id = ? AND x IS NOT NULL');
    for (const id of new Set(request.positionIds)) {
      const p = position.get(request.chartId, id) as NodePosition | undefined;
      if (p) rows.positions.push(p);
    }
    for (const id of new Set(request.annotationIds)) {
      const annotation = getAnnotation(db, id);
      // Shown only while its entity is on the chart (as chart.load shows them).
      if (annotation && annotation.chartId === request.chartId && (annotation.entityId === null || onChart(annotation.entityId))) {
        annotations.set(id, annotation);
      }
    }
    rows.annotations = [...annotations.values()];
    return rows;
  })();
}

/**
 * Adds what a delta changed indirectly that its rows do not say: the entities and links cited
 * from a source whose grade or existence changed (their best grade and strength follow it), and
 * the links at an entity put on or taken off a chart (they appear or go with it).
 */
export function completeDelta(db: Db, delta: CaseDelta): CaseDelta {
  const sources = [...delta.sources.updated, ...delta.sources.created];
  if (sources.length === 0 && delta.membership.length === 0) return delta;
  const entities = new Set(delta.derived.entities);
  const links = new Set(delta.derived.links);
  const at = prepared(db, 'SELECT id FROM links WHERE source_id = ? UNION ALL SELECT id FROM links WHERE target_id = ?').pluck();
  for (const id of delta.membership) {
    entities.add(id);
    for (const linkId of at.all(id, id) as string[]) links.add(linkId);
  }
  const cited = prepared(db, 'SELECT entity_id AS entityId, link_id AS linkId FROM citations WHERE source_id = ?');
  for (const id of sources) {
    for (const row of cited.all(id) as { entityId: string | null; linkId: string | null }[]) {
      if (row.entityId !== null) entities.add(row.entityId);
      if (row.linkId !== null) links.add(row.linkId);
    }
  }
  return { ...delta, derived: { entities: [...entities], links: [...links] } };
}

/** Where the tables stood before a bulk write that is not recorded row by row (an import). */
export interface RowWatermark {
  entities: number;
  links: number;
  sources: number;
  citations: number;
  notes: number;
  /** When the write started: rows it updated carry an `updated_at` at or after it. */
  at: string;
}

const maxRowid = (db: Db, table: string): number => (prepared(db, `SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number);

export function rowWatermark(db: Db): RowWatermark {
  return {
    entities: maxRowid(db, 'entities'),
    links: maxRowid(db, 'links'),
    sources: maxRowid(db, 'sources'),
    citations: maxRowid(db, 'citations'),
    notes: maxRowid(db, 'notes'),
    at: nowIso(),
  };
}

/**
 * The delta of a bulk write that only inserts rows and updates some (an import): rows past the
 * watermark were created (SQLite gives a new row a rowid above the largest, and nothing is
 * deleted), rows stamped since it were updated.
 */
export function deltaSince(db: Db, mark: RowWatermark): CaseDelta {
  const delta = emptyDelta();
  const ids = (sql: string, ...params: unknown[]) => prepared(db, sql).pluck().all(...params) as string[];
  delta.entities.created = ids('SELECT id FROM entities WHERE rowid > ?', mark.entities);
  // An import that merges into an entity stamps it, aliases added included (db/importCase.ts mergeInto).
  delta.entities.updated = ids('SELECT id FROM entities WHERE rowid <= ? AND updated_at >= ?', mark.entities, mark.at);
  delta.links.created = ids('SELECT id FROM links WHERE rowid > ?', mark.links);
  delta.links.updated = ids('SELECT id FROM links WHERE rowid <= ? AND updated_at >= ?', mark.links, mark.at);
  delta.sources.created = ids('SELECT id FROM sources WHERE rowid > ?', mark.sources);
  delta.citations.created = ids('SELECT id FROM citations WHERE rowid > ?', mark.citations);
  delta.notes.created = ids('SELECT id FROM notes WHERE rowid > ?', mark.notes);
  const derived = (table: string, after: number) =>
    prepared(db, `SELECT DISTINCT entity_id AS entityId, link_id AS linkId FROM ${table} WHERE rowid > ?`).all(after) as {
      entityId: string | null;
      linkId: string | null;
    }[];
  const entities = new Set<string>();
  const links = new Set<string>();
  for (const row of [...derived('citations', mark.citations), ...derived('notes', mark.notes)]) {
    if (row.entityId !== null) entities.add(row.entityId);
    if (row.linkId !== null) links.add(row.linkId);
  }
  delta.derived = { entities: [...entities], links: [...links] };
  // An import places the entities it creates (or leaves them to the chart's first layout).
  delta.positions = [...delta.entities.created, ...delta.entities.updated];
  return delta;
}
