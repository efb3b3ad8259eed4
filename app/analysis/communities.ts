/**
 * Communities: Louvain from graphology-communities-louvain (a maintained implementation), seeded
 * so the same case gives the same communities every time, and modularity computed here on our own
 * graph so it can be checked against networkx.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { FilterReport } from './filters';
import type { AnalysisGraph } from './graph';
import { seededRandom } from './random';

export interface CommunityOptions {
  /** Modularity resolution γ (default 1): above 1 finds smaller communities, below 1 larger ones. */
  resolution?: number;
  /** Seed of the random order in which Louvain visits nodes (default 1). */
  seed?: number;
  /** Use evidence strength as edge weight; default: the graph's own `weighted`. */
  weighted?: boolean;
}

export interface Community {
  /** 0 for the largest community, 1 for the next… (ties: the one holding the earlier node). */
  index: number;
  entityIds: string[];
  /** What the group is, when the partition names its groups (the entity type of a grouping by type). */
  name?: string;
}

/** Louvain's parameters; a partition found another way (connected components) says its `method` instead. */
export interface CommunityParameters {
  directed: boolean;
  weighted: boolean;
  resolution?: number;
  seed?: number;
  method?: string;
}

export interface CommunityResult {
  algorithm: string;
  parameters: CommunityParameters;
  filters: FilterReport | null;
  nodeCount: number;
  edgeCount: number;
  /** Community index per entity id. */
  membership: Record<string, number>;
  /** Largest first. */
  communities: Community[];
  /** Modularity of this partition (networkx `community.modularity` with the same weight and resolution). */
  modularity: number;
}

/**
 * Modularity of a partition (node index → community label), as `networkx.community.modularity`:
 * undirected Q = Σ_c [ L_c/m − γ (d_c / 2m)² ]; directed Q = Σ_c [ L_c/m − γ d⁺_c d⁻_c / m² ],
 * with m the total edge weight, L_c the weight inside c and d_c the (weighted) degree sum of c.
 * A graph without edges has modularity 0 here (networkx divides by zero).
 */
export function modularity(graph: AnalysisGraph, labelOf: ArrayLike<number>, options: { resolution?: number; weighted?: boolean } = {}): number {
  const gamma = options.resolution ?? 1;
  const weighted = options.weighted ?? graph.weighted;
  const w = (s: number) => (weighted ? s : 1);
  let m = 0;
  const inside = new Map<number, number>();
  const outSum = new Map<number, number>();
  const inSum = new Map<number, number>();
  const add = (map: Map<number, number>, key: number, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const e of graph.edges) {
    const weight = w(e.strength);
    m += weight;
    const cs = labelOf[e.source]!;
    const ct = labelOf[e.target]!;
    if (cs === ct) add(inside, cs, weight);
    add(outSum, cs, weight);
    add(inSum, ct, weight);
  }
  if (m === 0) return 0;
  let q = 0;
  const labels = new Set<number>([...outSum.keys(), ...inSum.keys()]);
  for (const c of labels) {
    const lc = inside.get(c) ?? 0;
    const out = outSum.get(c) ?? 0;
    const inn = inSum.get(c) ?? 0;
    q += graph.directed ? lc / m - (gamma * out * inn) / (m * m) : lc / m - gamma * ((out + inn) / (2 * m)) ** 2;
  }
  return q;
}

/** Louvain communities of the graph (directed modularity when the graph is directed). */
export function louvainCommunities(graph: AnalysisGraph, options: CommunityOptions = {}, filters: FilterReport | null = null): CommunityResult {
  const resolution = options.resolution ?? 1;
  const seed = options.seed ?? 1;
  const weighted = options.weighted ?? graph.weighted;
  const n = graph.nodeCount;
  const label = new Int32Array(n);
  if (graph.edges.length === 0) {
    for (let v = 0; v < n; v++) label[v] = v;
  } else {
    const g = new Graph({ type: graph.directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
    for (let v = 0; v < n; v++) g.addNode(String(v));
    for (const e of graph.edges) g.addEdge(String(e.source), String(e.target), { weight: e.strength });
    const mapping = louvain(g, { getEdgeWeight: weighted ? 'weight' : null, resolution, rng: seededRandom(seed) });
    for (let v = 0; v < n; v++) label[v] = mapping[String(v)] ?? -1 - v;
  }
  return partitionResult(graph, label, {
    algorithm: 'Louvain (Blondel et al. 2008), graphology-communities-louvain',
    parameters: { directed: graph.directed, weighted, resolution, seed },
    filters,
  });
}

/**
 * A partition (node index → any label) as a community record: renumbered largest first, ties by
 * the earliest node in it, with the partition's modularity (same weight and resolution).
 */
export function partitionResult(
  graph: AnalysisGraph,
  label: ArrayLike<number>,
  meta: { algorithm: string; parameters: CommunityParameters; filters: FilterReport | null },
): CommunityResult {
  const n = graph.nodeCount;
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const list = members.get(label[v]!);
    if (list) list.push(v);
    else members.set(label[v]!, [v]);
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const membership: Record<string, number> = {};
  const canonical = new Int32Array(n);
  const communities: Community[] = groups.map((nodes, index) => {
    for (const v of nodes) {
      canonical[v] = index;
      membership[graph.nodeIds[v]!] = index;
    }
    return { index, entityIds: nodes.map((v) => graph.nodeIds[v]!) };
  });
  return {
    ...meta,
    nodeCount: n,
    edgeCount: graph.edges.length,
    membership,
    communities,
    modularity: modularity(graph, canonical, { resolution: meta.parameters.resolution ?? 1, weighted: meta.parameters.weighted }),
  };
}
