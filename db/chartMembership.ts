import type { ChartAddResult, ExpandPreview, OffChartLinks } from '../app/chart/chartScale';
import { CHART_WARN_NODES } from '../app/chart/chartScale';
import type { ChartData } from '../app/contract';
import { admiraltyGrade, type Credibility, type Entity, type Link, type LinkStrength, type Reliability } from '../app/domain';
import { deriveLinkStrength } from '../app/linkStrength';
import { getChart } from './charts';
import { toEntity, type EntityRow } from './entities';
import { locationsOf } from './locations';
import { toLink, type LinkRow } from './links';
import { shownAnnotations } from './annotations';
import { plural, quoted, requireChart } from './editing/common';
import { runCommand, type CommandOutcome } from './history';
import { neighbourhood, topByDegree } from './neighbourhood';
import { nowIso, prepared, type Db } from './types';

/**
 * Which entities are on a chart. A chart is a view onto the case (migration 0070): a row in
 * `chart_nodes` puts an entity on it, with its position once placed. Adding and removing are
 * undoable steps like any edit; removing takes nothing out of the case.
 */

/** Ids of the entities on a chart. */
export function chartEntityIds(db: Db, chartId: string): string[] {
  return prepared(db, 'SELECT entity_id FROM chart_nodes WHERE chart_id = ?').pluck().all(chartId) as string[];
}

export function chartSize(db: Db, chartId: string): number {
  return prepared(db, 'SELECT count(*) FROM chart_nodes WHERE chart_id = ?').pluck().get(chartId) as number;
}

/** Puts entities on a chart unplaced (the chart places them when it draws them); those on it stay as they are. */
export function putOnChart(db: Db, chartId: string, ids: readonly string[]): void {
  const insert = prepared(db, 'INSERT INTO chart_nodes (chart_id, entity_id) VALUES (?, ?) ON CONFLICT (chart_id, entity_id) DO NOTHING');
  for (const id of ids) insert.run(chartId, id);
}

/** Of `ids`, those that are entities of the case and not on the chart, deduplicated, in the order given. */
export function notOnChart(db: Db, chartId: string, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const kept = new Set(
    prepared(
      db,
      `SELECT e.id FROM json_each(@a) AS f CROSS JOIN entities AS e ON e.id = f.value
       WHERE NOT EXISTS (SELECT 1 FROM chart_nodes AS n WHERE n.chart_id = @b AND n.entity_id = e.id)`,
    )
      .pluck()
      .all({ a: JSON.stringify(unique), b: chartId }) as string[],
  );
  return unique.filter((id) => kept.has(id));
}

/** Of `ids`, those whose entity type is one of `types`. */
function ofTypes(db: Db, ids: readonly string[], types: readonly string[]): string[] {
  const wanted = new Set(
    prepared(db, 'SELECT e.id FROM json_each(@a) AS f CROSS JOIN entities AS e ON e.id = f.value WHERE e.type IN (SELECT value FROM json_each(@b))')
      .pluck()
      .all({ a: JSON.stringify(ids), b: JSON.stringify(types) }) as string[],
  );
  return ids.filter((id) => wanted.has(id));
}

/** What adding `ids` would bring onto the chart: counts by type, and whether to ask first. */
export function previewAdd(db: Db, chartId: string, ids: readonly string[]): ExpandPreview {
  requireChart(db, chartId);
  const fresh = notOnChart(db, chartId, ids);
  const byType = prepared(
    db,
    `SELECT e.type, count(*) AS count FROM json_each(?) AS f CROSS JOIN entities AS e ON e.id = f.value
     GROUP BY e.type ORDER BY count DESC, e.type`,
  ).all(JSON.stringify(fresh)) as { type: string; count: number }[];
  const onChart = chartSize(db, chartId);
  return { total: fresh.length, byType, onChart, warn: onChart + fresh.length > CHART_WARN_NODES, limit: CHART_WARN_NODES };
}

export interface Expansion {
  chartId: string;
  entityIds: readonly string[];
  hops: number;
  types?: readonly string[] | undefined;
}

/** The entities an expansion would add: within `hops` of the seeds, not on the chart, of the types asked. */
export function expansionCandidates(db: Db, { chartId, entityIds, hops, types }: Expansion): string[] {
  const reached = notOnChart(db, chartId, neighbourhood(db, entityIds, hops));
  return types ? ofTypes(db, reached, types) : reached;
}

export function previewExpand(db: Db, expansion: Expansion): ExpandPreview {
  requireChart(db, expansion.chartId);
  return previewAdd(db, expansion.chartId, expansionCandidates(db, expansion));
}

interface Point {
  x: number;
  y: number;
}

/** Room per node when new ones are placed, in chart units (a node is drawn about 40 across). */
const SPACING = 70;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places `count` nodes in a sunflower around `centre`, the first ring clear of the centre node:
 * evenly spread, no two on top of each other, at any count, in O(count).
 */
export function sunflower(centre: Point, count: number): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const r = SPACING * Math.sqrt(i + 2);
    const a = i * GOLDEN_ANGLE;
    return { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
  });
}

/** Where new nodes go without a point given: around the placed seeds, or beside what is on the chart. */
function defaultCentre(db: Db, chartId: string, seeds: readonly string[], adding: number): Point {
  if (seeds.length > 0) {
    const row = prepared(
      db,
      `SELECT avg(n.x) AS x, avg(n.y) AS y FROM json_each(@a) AS f CROSS JOIN chart_nodes AS n ON n.chart_id = @b AND n.entity_id = f.value
       WHERE n.x IS NOT NULL`,
    ).get({ a: JSON.stringify(seeds), b: chartId }) as { x: number | null; y: number | null };
    if (row.x !== null && row.y !== null) return { x: row.x, y: row.y };
  }
  const box = prepared(db, 'SELECT max(x) AS maxX, avg(y) AS y FROM chart_nodes WHERE chart_id = ? AND x IS NOT NULL').get(chartId) as {
    maxX: number | null;
    y: number | null;
  };
  if (box.maxX === null || box.y === null) return { x: 0, y: 0 };
  return { x: box.maxX + SPACING * (2 + Math.sqrt(adding + 2)), y: box.y };
}

export interface AddOptions {
  /** Where to put them; without it, around the placed `seeds`, or beside the chart. */
  at?: Point | undefined;
  seeds?: readonly string[];
  /** Only the N best-connected. */
  top?: number | undefined;
  /** The history label's verb phrase, e.g. "Expand “JNIM”". */
  label?: string;
}

/** Puts entities on a chart (those already on it are left where they are) as one undoable step. */
export function addToChartCommand(db: Db, chartId: string, ids: readonly string[], options: AddOptions = {}): CommandOutcome<ChartAddResult> {
  requireChart(db, chartId);
  let fresh = notOnChart(db, chartId, ids);
  if (options.top !== undefined) fresh = topByDegree(db, fresh, options.top);
  if (fresh.length === 0) return { value: { added: 0, entityIds: [] }, edit: null };
  const centre = options.at ?? defaultCentre(db, chartId, options.seeds ?? [], fresh.length);
  const places = sunflower(centre, fresh.length);
  const label = options.label ?? `Add ${fresh.length === 1 ? entityName(db, fresh[0] as string) : plural(fresh.length, 'entity', 'entities')} to the chart`;
  return runCommand(db, label, () => {
    const insert = prepared(db, 'INSERT INTO chart_nodes (chart_id, entity_id, x, y) VALUES (?, ?, ?, ?)');
    fresh.forEach((id, i) => {
      const p = places[i] as Point;
      insert.run(chartId, id, p.x, p.y);
    });
    prepared(db, 'UPDATE charts SET updated_at = ? WHERE id = ?').run(nowIso(), chartId);
    return { added: fresh.length, entityIds: fresh };
  });
}

/** Adds the neighbours of the seeds (within `hops`, of the types asked, the top N if asked) as one step. */
export function expandCommand(db: Db, expansion: Expansion & { top?: number | undefined }): CommandOutcome<ChartAddResult> {
  requireChart(db, expansion.chartId);
  const candidates = expansionCandidates(db, expansion);
  const first = expansion.entityIds[0] as string;
  const what = expansion.entityIds.length === 1 ? entityName(db, first) : plural(expansion.entityIds.length, 'entity', 'entities');
  return addToChartCommand(db, expansion.chartId, candidates, {
    seeds: expansion.entityIds,
    top: expansion.top,
    label: `Expand ${what} (${plural(expansion.hops, 'hop')})`,
  });
}

/** Takes entities off a chart, leaving them in the case, as one undoable step. */
export function removeFromChartCommand(db: Db, chartId: string, ids: readonly string[]): CommandOutcome<{ removed: number }> {
  requireChart(db, chartId);
  const unique = [...new Set(ids)];
  const first = unique[0] as string;
  const label = `Remove ${unique.length === 1 ? entityName(db, first) : plural(unique.length, 'entity', 'entities')} from the chart`;
  return runCommand(db, label, () => {
    const removed = prepared(db, 'DELETE FROM chart_nodes WHERE chart_id = @a AND entity_id IN (SELECT value FROM json_each(@b))').run({
      a: chartId,
      b: JSON.stringify(unique),
    }).changes;
    if (removed > 0) prepared(db, 'UPDATE charts SET updated_at = ? WHERE id = ?').run(nowIso(), chartId);
    return { removed };
  });
}

function entityName(db: Db, id: string): string {
  const label = prepared(db, 'SELECT label FROM entities WHERE id = ?').pluck().get(id) as string | undefined;
  return label === undefined ? 'an entity' : quoted(label);
}

/** An entity's links to entities not on the chart: what the inspector says is hidden. */
export function offChartLinks(db: Db, chartId: string, entityId: string): OffChartLinks {
  const row = prepared(
    db,
    `SELECT count(*) AS links, count(DISTINCT other) AS entities FROM (
       SELECT target_id AS other FROM links INDEXED BY links_source_target WHERE source_id = @a
       UNION ALL
       SELECT source_id AS other FROM links INDEXED BY links_target_source WHERE target_id = @a
     ) WHERE NOT EXISTS (SELECT 1 FROM chart_nodes AS n WHERE n.chart_id = @b AND n.entity_id = other)`,
  ).get({ a: entityId, b: chartId }) as { links: number; entities: number };
  return { entityId, links: row.links, entities: row.entities };
}


/**
 * What `chart.load` returns: the entities on the chart and the links between them, with their
 * evidence, strengths and note counts, never the rest of the case. Read in one transaction by
 * the caller. Every query starts from the chart's own rows (CROSS JOIN keeps that order), so the
 * cost grows with the chart, not with the case.
 */
/**
 * The links `l` with both ends on chart `@a`: from each member's links by source, kept when the
 * target is a member too (the pinned index; chart.load and chart.sketch read the same links).
 */
export const LINKS_ON_CHART = `FROM chart_nodes AS a CROSS JOIN links AS l INDEXED BY links_source_target ON l.source_id = a.entity_id
     WHERE a.chart_id = @a AND EXISTS (SELECT 1 FROM chart_nodes AS b WHERE b.chart_id = @a AND b.entity_id = l.target_id)`;

export function loadChartView(db: Db, chartId: string): Omit<ChartData, 'version'> {
  const chart = getChart(db, chartId);
  if (!chart) throw new Error(`No chart ${chartId}`);
  const aliases = new Map<string, string[]>();
  const aliasRows = prepared(
    db,
    `SELECT a.entity_id AS entityId, a.alias FROM chart_nodes AS n CROSS JOIN entity_aliases AS a ON a.entity_id = n.entity_id
     WHERE n.chart_id = ? ORDER BY a.entity_id, a.position`,
  ).all(chartId) as { entityId: string; alias: string }[];
  for (const { entityId, alias } of aliasRows) {
    const list = aliases.get(entityId);
    if (list) list.push(alias);
    else aliases.set(entityId, [alias]);
  }
  const entityRows = prepared(
    db,
    `SELECT e.* FROM chart_nodes AS n CROSS JOIN entities AS e ON e.id = n.entity_id WHERE n.chart_id = ?
     ORDER BY e.label COLLATE NOCASE, e.id`,
  ).all(chartId) as EntityRow[];
  const locations = locationsOf(db, JSON.stringify(entityRows.map((row) => row.id)));
  const entities: Entity[] = entityRows.map((row) => toEntity(row, aliases.get(row.id) ?? [], locations.get(row.id) ?? null));
  const linkRows = prepared(db, `SELECT l.* ${LINKS_ON_CHART} ORDER BY l.created_at, l.id`).all({ a: chartId }) as LinkRow[];
  const links: Link[] = linkRows.map(toLink);

  const entityIds = JSON.stringify(entities.map((e) => e.id));
  const linkIds = JSON.stringify(links.map((l) => l.id));
  const evidence: ChartData['evidence'] = {};
  const evidenceRows = prepared(
    db,
    `SELECT f.value AS itemId, count(*) AS n, min(s.reliability || c.credibility) AS best
       FROM json_each(@a) AS f CROSS JOIN citations AS c ON c.entity_id = f.value JOIN sources AS s ON s.id = c.source_id GROUP BY f.value
     UNION ALL
     SELECT f.value, count(*), min(s.reliability || c.credibility)
       FROM json_each(@b) AS f CROSS JOIN citations AS c ON c.link_id = f.value JOIN sources AS s ON s.id = c.source_id GROUP BY f.value`,
  ).all({ a: entityIds, b: linkIds }) as { itemId: string; n: number; best: string | null }[];
  const grades = new Map<string, { reliability: Reliability; credibility: Credibility }[]>();
  for (const row of evidenceRows) {
    evidence[row.itemId] = {
      citations: row.n,
      bestGrade: row.best ? admiraltyGrade(row.best[0] as Reliability, Number(row.best.slice(1)) as Credibility) : null,
    };
  }
  const linkGrades = prepared(
    db,
    `SELECT c.link_id AS linkId, s.reliability, c.credibility FROM json_each(?) AS f CROSS JOIN citations AS c ON c.link_id = f.value
     JOIN sources AS s ON s.id = c.source_id`,
  ).all(linkIds) as { linkId: string; reliability: Reliability; credibility: Credibility }[];
  for (const { linkId, reliability, credibility } of linkGrades) {
    const list = grades.get(linkId);
    if (list) list.push({ reliability, credibility });
    else grades.set(linkId, [{ reliability, credibility }]);
  }
  const linkStrengths: Record<string, LinkStrength> = {};
  for (const link of links) linkStrengths[link.id] = link.strength ?? deriveLinkStrength(grades.get(link.id) ?? []);

  const noteCounts: Record<string, number> = {};
  const noteRows = prepared(
    db,
    `SELECT f.value AS itemId, count(*) AS n FROM json_each(@a) AS f CROSS JOIN notes AS t ON t.entity_id = f.value GROUP BY f.value
     UNION ALL
     SELECT f.value, count(*) FROM json_each(@b) AS f CROSS JOIN notes AS t ON t.link_id = f.value GROUP BY f.value`,
  ).all({ a: entityIds, b: linkIds }) as { itemId: string; n: number }[];
  for (const row of noteRows) noteCounts[row.itemId] = row.n;

  const positions = prepared(
    db,
    'SELECT entity_id AS entityId, x, y FROM chart_nodes WHERE chart_id = ? AND x IS NOT NULL ORDER BY entity_id',
  ).all(chartId) as ChartData['positions'];
  return {
    chartId: chart.id,
    entities,
    links,
    evidence,
    positions,
    viewport: chart.viewport,
    linkStrengths,
    noteCounts,
    annotations: shownAnnotations(db, chart.id),
  };
}
