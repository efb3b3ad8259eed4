/**
 * The compact graph every analysis runs on: nodes numbered 0…n-1, arcs in CSR arrays.
 *
 * A case is a multigraph (several links, of different types, may join the same two entities); the
 * measures, like networkx's on a simple `Graph`, count each pair of neighbours once. So parallel
 * links merge into one edge that keeps every link id and the strength of the best-evidenced of
 * them. Links from an entity to itself are ignored (counted in `selfLoopsIgnored`).
 */
import type { GradeStrengthTable } from './grades';
import { DEFAULT_GRADE_STRENGTH, evidenceStrength, type Grade } from './grades';
import type { AnalysisInput } from './filters';

export interface GraphOptions {
  /**
   * Directed: a directed link u→v is an arc u→v and an undirected link (allied with, rival of) is
   * arcs both ways. Undirected (default): every link is an edge and direction is ignored.
   */
  directed?: boolean;
  /**
   * Weighted: each edge carries its evidence strength (grades.ts), used as a weight by eigenvector,
   * PageRank and weighted degree, and as a distance of 1/strength by shortest paths, betweenness and
   * closeness (strong evidence = short hop). Unweighted (default): every edge weighs 1.
   */
  weighted?: boolean;
  /**
   * Weigh links by this numeric link attribute instead of their evidence, as networkx's
   * `weight="<attribute>"` does: PageRank, eigenvector and weighted degree take the value as a
   * weight, and shortest paths, betweenness and closeness take it as the distance (a larger value
   * is a longer hop, not 1/value). A link without the attribute weighs 1, as in networkx; a value
   * that is not a positive number is refused. Implies `weighted`.
   */
  weightAttribute?: string;
  /** The grade → strength mapping (default `DEFAULT_GRADE_STRENGTH`). */
  strengthTable?: GradeStrengthTable;
}

/** One edge (undirected) or arc (directed) of the analysis graph. */
export interface AnalysisEdge {
  source: number;
  target: number;
  /** Evidence strength in (0, 1] from the grades, or the given weight. Kept when the graph is unweighted (measures then ignore it). */
  strength: number;
  /** The case links merged into this edge. */
  linkIds: string[];
}

export interface AnalysisGraph {
  readonly directed: boolean;
  readonly weighted: boolean;
  /** The link attribute the graph is weighted by (its value is the distance too), or null: evidence strength, distance 1/strength. */
  readonly weightAttribute: string | null;
  readonly nodeCount: number;
  /** Entity id of node i. */
  readonly nodeIds: readonly string[];
  /** Label of node i. */
  readonly labels: readonly string[];
  /** Node index of an entity id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Edges (undirected) or arcs (directed), each once. */
  readonly edges: readonly AnalysisEdge[];
  /** Successors of node v: outNode[outStart[v] … outStart[v+1]-1], with the arc's strength beside. Undirected: neighbours. */
  readonly outStart: Int32Array;
  readonly outNode: Int32Array;
  readonly outStrength: Float64Array;
  /** Index into `edges` of each arc. */
  readonly outEdge: Int32Array;
  /** Predecessors, the same way (the very same arrays when undirected). */
  readonly inStart: Int32Array;
  readonly inNode: Int32Array;
  readonly inStrength: Float64Array;
  readonly inEdge: Int32Array;
  readonly selfLoopsIgnored: number;
}

export interface EdgeListNode {
  id: string;
  label?: string;
}

export interface EdgeListEdge {
  source: string;
  target: string;
  /** Strength (a weight; distance is 1/strength). Default 1. */
  strength?: number;
  /** In a directed graph, false makes arcs both ways. Default true. */
  directed?: boolean;
  linkId?: string;
}

/** Builds the graph from plain nodes and edges (an imported graph, a fixture, a benchmark). */
export function graphFromEdges(nodes: readonly EdgeListNode[], edgeList: readonly EdgeListEdge[], options: GraphOptions = {}): AnalysisGraph {
  const directed = options.directed ?? false;
  const weightAttribute = options.weightAttribute ?? null;
  const weighted = weightAttribute !== null || (options.weighted ?? false);
  const nodeIds = nodes.map((n) => n.id);
  const labels = nodes.map((n) => n.label ?? n.id);
  const indexOf = new Map<string, number>();
  nodeIds.forEach((id, i) => {
    if (indexOf.has(id)) throw new RangeError(`Node "${id}" appears twice.`);
    indexOf.set(id, i);
  });

  const edges: AnalysisEdge[] = [];
  const edgeByKey = new Map<string, AnalysisEdge>();
  let selfLoopsIgnored = 0;
  const addArc = (s: number, t: number, strength: number, linkId: string | undefined) => {
    const key = directed || s < t ? `${s},${t}` : `${t},${s}`;
    const existing = edgeByKey.get(key);
    if (existing) {
      existing.strength = Math.max(existing.strength, strength);
      if (linkId !== undefined && !existing.linkIds.includes(linkId)) existing.linkIds.push(linkId);
      return;
    }
    const edge: AnalysisEdge = { source: s, target: t, strength, linkIds: linkId === undefined ? [] : [linkId] };
    edgeByKey.set(key, edge);
    edges.push(edge);
  };
  for (const e of edgeList) {
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined || t === undefined) throw new RangeError(`Edge ${e.source}–${e.target} names a node that is not in the graph.`);
    if (s === t) {
      selfLoopsIgnored++;
      continue;
    }
    const strength = e.strength ?? 1;
    if (!(strength > 0 && Number.isFinite(strength))) throw new RangeError(`Edge ${e.source}–${e.target} has strength ${strength}; it must be positive.`);
    addArc(s, t, strength, e.linkId);
    if (directed && e.directed === false) addArc(t, s, strength, e.linkId);
  }

  const n = nodeIds.length;
  // Arcs as [from, to, edge index]; each node's arcs keep edge order, as networkx's adjacency does.
  const csr = (arcs: [number, number, number][]) => {
    const start = new Int32Array(n + 1);
    for (const [s] of arcs) start[s + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const node = new Int32Array(arcs.length);
    const strength = new Float64Array(arcs.length);
    const edge = new Int32Array(arcs.length);
    for (const [s, t, e] of arcs) {
      const at = fill[s]!;
      node[at] = t;
      strength[at] = edges[e]!.strength;
      edge[at] = e;
      fill[s] = at + 1;
    }
    return { start, node, strength, edge };
  };
  const forward: [number, number, number][] = [];
  const backward: [number, number, number][] = [];
  edges.forEach((e, i) => {
    forward.push([e.source, e.target, i]);
    if (directed) backward.push([e.target, e.source, i]);
    else forward.push([e.target, e.source, i]);
  });
  const out = csr(forward);
  const inn = directed ? csr(backward) : out;
  return {
    directed,
    weighted,
    weightAttribute,
    nodeCount: n,
    nodeIds,
    labels,
    indexOf,
    edges,
    outStart: out.start,
    outNode: out.node,
    outStrength: out.strength,
    outEdge: out.edge,
    inStart: inn.start,
    inNode: inn.node,
    inStrength: inn.strength,
    inEdge: inn.edge,
    selfLoopsIgnored,
  };
}

/**
 * Builds the analysis graph of a case (apply filters first with `applyFilters`). Entities become
 * nodes in input order; links become edges weighted by the strength of their citations
 * (`evidenceStrength`: the best citation's grade). Links to entities not in the input are skipped.
 */
export function buildAnalysisGraph(input: AnalysisInput, options: GraphOptions = {}): AnalysisGraph {
  const table = options.strengthTable ?? DEFAULT_GRADE_STRENGTH;
  const attribute = options.weightAttribute;
  const grades = new Map<string, Grade[]>();
  for (const c of input.evidence ?? []) {
    if (c.target.kind !== 'link') continue;
    const list = grades.get(c.target.id);
    if (list) list.push(c);
    else grades.set(c.target.id, [c]);
  }
  const present = new Set(input.entities.map((e) => e.id));
  const edges: EdgeListEdge[] = input.links
    .filter((l) => present.has(l.sourceId) && present.has(l.targetId))
    .map((l) => ({
      source: l.sourceId,
      target: l.targetId,
      directed: l.directed,
      linkId: l.id,
      strength: attribute === undefined ? evidenceStrength(grades.get(l.id) ?? [], table) : attributeWeight(l, attribute),
    }));
  return graphFromEdges(
    input.entities.map((e) => ({ id: e.id, label: e.label })),
    edges,
    options,
  );
}

/** The same graph with direction ignored (arcs u→v and v→u merge into one edge of the stronger strength). */
export function asUndirected(graph: AnalysisGraph): AnalysisGraph {
  if (!graph.directed) return graph;
  return graphFromEdges(
    graph.nodeIds.map((id, i) => ({ id, label: graph.labels[i] ?? id })),
    graph.edges.flatMap((e) =>
      e.linkIds.length > 0
        ? e.linkIds.map((linkId) => ({ source: graph.nodeIds[e.source]!, target: graph.nodeIds[e.target]!, strength: e.strength, linkId }))
        : [{ source: graph.nodeIds[e.source]!, target: graph.nodeIds[e.target]!, strength: e.strength }],
    ),
    { directed: false, weighted: graph.weighted, ...(graph.weightAttribute !== null ? { weightAttribute: graph.weightAttribute } : {}) },
  );
}

/** An edge's length in path searches: 1/strength for evidence, the value itself for a weight attribute. */
export function edgeDistance(graph: Pick<AnalysisGraph, 'weightAttribute'>, strength: number): number {
  return graph.weightAttribute === null ? 1 / strength : strength;
}

/** A link's value of the weight attribute: 1 when it has none (networkx's default), refused unless a positive number. */
function attributeWeight(link: AnalysisInput['links'][number], attribute: string): number {
  const attributes = link.attributes ?? {};
  if (!Object.prototype.hasOwnProperty.call(attributes, attribute)) return 1;
  const raw = attributes[attribute];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!(Number.isFinite(value) && value > 0)) {
    throw new WeightAttributeError(`Link ${link.id} has ${attribute} = ${JSON.stringify(raw)}; weighing by "${attribute}" needs a positive number on every link that has it.`);
  }
  return value;
}

/** A weight attribute that cannot weigh the graph (a value that is not a positive number). */
export class WeightAttributeError extends RangeError {}

/** Numeric link attributes present in a case, most used first: what the Analysis tab and the CLI offer to weigh by. */
export function numericLinkAttributes(links: readonly AnalysisInput['links'][number][]): { name: string; links: number }[] {
  const counts = new Map<string, number>();
  const refused = new Set<string>();
  for (const link of links) {
    for (const [name, value] of Object.entries(link.attributes ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) counts.set(name, (counts.get(name) ?? 0) + 1);
      else refused.add(name);
    }
  }
  return [...counts]
    .filter(([name]) => !refused.has(name))
    .map(([name, count]) => ({ name, links: count }))
    .sort((a, b) => b.links - a.links || a.name.localeCompare(b.name));
}

/** Number of successors (out-degree; degree when undirected). */
export function outDegreeOf(graph: AnalysisGraph, v: number): number {
  return (graph.outStart[v + 1] ?? 0) - (graph.outStart[v] ?? 0);
}

/** Number of predecessors (in-degree; degree when undirected). */
export function inDegreeOf(graph: AnalysisGraph, v: number): number {
  return (graph.inStart[v + 1] ?? 0) - (graph.inStart[v] ?? 0);
}
