import { prepared, type Db } from './types';

/**
 * Who is linked to whom, fast on a case of millions of links. A link is read from either end
 * through the covering indexes of migration 0070 (links_source_target, links_target_source), so a
 * hop never touches the links table itself.
 *
 * The plans are pinned (INDEXED BY, CROSS JOIN order, out- and in-links as two halves of a UNION)
 * because the natural query, `links WHERE source_id = x OR target_id = x` joined to itself, lets
 * the planner pick a plan that scans every link for each neighbour: on the million-entity case
 * that is seconds where the pinned plan takes a fraction of a millisecond (npm run bench,
 * store-scale). db/neighbourhood.test.ts checks that both give the same answers and that the
 * pinned plans search the indexes and scan nothing.
 */

/*
 * The statements return an id once per link that reaches it (UNION ALL): the caller keeps each
 * once in a JavaScript Set, which costs less than SQLite's temporary b-tree of strings for a
 * neighbourhood of thousands (the p99 of the store-scale bench).
 */

/** Entities one hop from any of `frontier` (a JSON array of ids), either direction. */
const HOP_SQL = `
  SELECT l.target_id AS id FROM json_each(@a) AS f CROSS JOIN links AS l INDEXED BY links_source_target ON l.source_id = f.value
  UNION ALL
  SELECT l.source_id AS id FROM json_each(@a) AS f CROSS JOIN links AS l INDEXED BY links_target_source ON l.target_id = f.value`;

/** One entity's neighbours: the common case, without the JSON round trip. */
const ONE_HOP_SQL = `
  SELECT target_id AS id FROM links INDEXED BY links_source_target WHERE source_id = @a
  UNION ALL
  SELECT source_id AS id FROM links INDEXED BY links_target_source WHERE target_id = @a`;

/** One entity's neighbourhood out to two hops in one statement (its own id included; callers drop it). */
const TWO_HOP_SQL = `
  WITH one(id) AS MATERIALIZED (SELECT DISTINCT id FROM (${ONE_HOP_SQL}))
  SELECT id FROM one
  UNION ALL
  SELECT l.target_id FROM one CROSS JOIN links AS l INDEXED BY links_source_target ON l.source_id = one.id
  UNION ALL
  SELECT l.source_id FROM one CROSS JOIN links AS l INDEXED BY links_target_source ON l.target_id = one.id`;

/** The pinned statements, for the plan checks in tests and the benchmark. */
export const PINNED_NEIGHBOURHOOD_SQL = { hop: HOP_SQL, oneHop: ONE_HOP_SQL, twoHop: TWO_HOP_SQL } as const;

/**
 * Entities within `hops` links of any seed, in either direction, the seeds themselves left out;
 * in no particular order.
 */
export function neighbourhood(db: Db, seeds: readonly string[], hops: number): string[] {
  if (seeds.length === 0 || hops < 1) return [];
  const seen = new Set(seeds);
  const found: string[] = [];
  const take = (ids: readonly string[]) => {
    const next: string[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
      next.push(id);
    }
    return next;
  };
  let frontier: readonly string[] = seeds;
  let done = 0;
  if (seeds.length === 1) {
    const only = seeds[0] as string;
    const first = hops >= 2 ? TWO_HOP_SQL : ONE_HOP_SQL;
    frontier = take(prepared(db, first).pluck().all({ a: only }) as string[]);
    done = Math.min(hops, 2);
    // Past two hops the frontier is what is new at the second hop: those more than one hop away.
    if (hops > 2) frontier = frontier.filter((id) => !oneHopSet(db, only).has(id));
  }
  const hop = prepared(db, HOP_SQL).pluck();
  for (; done < hops && frontier.length > 0; done++) frontier = take(hop.all({ a: JSON.stringify(frontier) }) as string[]);
  return found;
}

function oneHopSet(db: Db, id: string): Set<string> {
  return new Set(prepared(db, ONE_HOP_SQL).pluck().all({ a: id }) as string[]);
}

/** How many links each entity has in the case (either end; a self-loop counts twice). */
export function degrees(db: Db, ids: readonly string[]): Map<string, number> {
  const rows = prepared(
    db,
    `SELECT f.value AS id,
            (SELECT count(*) FROM links INDEXED BY links_source_target WHERE source_id = f.value)
          + (SELECT count(*) FROM links INDEXED BY links_target_source WHERE target_id = f.value) AS degree
     FROM json_each(?) AS f`,
  ).all(JSON.stringify(ids)) as { id: string; degree: number }[];
  return new Map(rows.map((r) => [r.id, r.degree]));
}

/** The `n` best-connected of `ids` (ties by id, so the choice is the same every time). */
export function topByDegree(db: Db, ids: readonly string[], n: number): string[] {
  if (ids.length <= n) return [...ids];
  const degree = degrees(db, ids);
  return [...ids].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, n);
}

/**
 * The same neighbourhood written the obvious way and left to the planner: the reference the
 * pinned plans are tested against (and timed against in the benchmark). Not for the app.
 */
export function naturalNeighbourhood(db: Db, seeds: readonly string[], hops: number): string[] {
  const seen = new Set(seeds);
  const found: string[] = [];
  let frontier = [...seeds];
  const hop = db
    .prepare(
      `SELECT DISTINCT CASE WHEN f.value = l.source_id THEN l.target_id ELSE l.source_id END AS id
       FROM json_each(?) AS f JOIN links AS l ON l.source_id = f.value OR l.target_id = f.value`,
    )
    .pluck();
  for (let done = 0; done < hops && frontier.length > 0; done++) {
    const next: string[] = [];
    for (const id of hop.all(JSON.stringify(frontier)) as string[]) {
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
      next.push(id);
    }
    frontier = next;
  }
  return found;
}

/** The natural two-hop join in one statement (the seed itself may be among its rows): the benchmark's reference. */
export const NATURAL_TWO_HOP_SQL = `
  WITH n(id) AS (SELECT CASE WHEN a.source_id = @a THEN a.target_id ELSE a.source_id END FROM links AS a WHERE a.source_id = @a OR a.target_id = @a)
  SELECT id FROM n
  UNION
  SELECT CASE WHEN b.source_id = n.id THEN b.target_id ELSE b.source_id END FROM n JOIN links AS b ON b.source_id = n.id OR b.target_id = n.id`;
