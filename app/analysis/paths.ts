/**
 * Path questions an analyst asks of a chart: how are these two connected (one shortest path, or
 * all of them), what connects these several, and what lies within k steps of these.
 *
 * Weighted searches take the distance of an edge as 1/strength, so a path over well-evidenced
 * links is "shorter" than one over weak links with fewer hops.
 */
import { asUndirected, edgeDistance, type AnalysisGraph } from './graph';
import { createSearchWorkspace, searchFrom } from './search';

export interface PathOptions {
  /** Use evidence strength (distance 1/strength); default: the graph's own `weighted`. */
  weighted?: boolean;
}

export interface PathStep {
  /** The entity reached. */
  entityId: string;
  /** The links crossed to reach it from the previous step (several when parallel links merged); empty for the first step. */
  linkIds: string[];
}

export interface PathResult {
  /** Entity ids from `from` to `to`. */
  entityIds: string[];
  /** Each entity with the links crossed to reach it. */
  steps: PathStep[];
  /** Every link on the path. */
  linkIds: string[];
  hops: number;
  /** Hops, or the sum of 1/strength when weighted. */
  length: number;
  weighted: boolean;
}

/** The ids of a set of entities and links to highlight (the rest dims). */
export interface Subgraph {
  entityIds: string[];
  linkIds: string[];
}

function nodeIndex(graph: AnalysisGraph, id: string): number {
  const i = graph.indexOf.get(id);
  if (i === undefined) throw new RangeError(`"${id}" is not in the analysed graph (it may be filtered out).`);
  return i;
}

/** The merged edge for the arc a→b (successor direction). */
function arcEdge(graph: AnalysisGraph, a: number, b: number): number {
  for (let x = graph.outStart[a]!; x < graph.outStart[a + 1]!; x++) if (graph.outNode[x] === b) return graph.outEdge[x]!;
  throw new Error(`no arc ${a}→${b}`);
}

function pathFromNodes(graph: AnalysisGraph, nodes: readonly number[], weighted: boolean): PathResult {
  const steps: PathStep[] = [];
  const linkIds: string[] = [];
  let length = 0;
  nodes.forEach((v, i) => {
    const entityId = graph.nodeIds[v]!;
    if (i === 0) {
      steps.push({ entityId, linkIds: [] });
      return;
    }
    const edge = graph.edges[arcEdge(graph, nodes[i - 1]!, v)]!;
    steps.push({ entityId, linkIds: [...edge.linkIds] });
    linkIds.push(...edge.linkIds);
    length += weighted ? edgeDistance(graph, edge.strength) : 1;
  });
  return { entityIds: steps.map((s) => s.entityId), steps, linkIds, hops: nodes.length - 1, length, weighted };
}

/**
 * One shortest path from `from` to `to` (following arcs forward when the graph is directed), or
 * null when there is none. Among equal paths, the first one found in edge order.
 */
export function shortestPath(graph: AnalysisGraph, from: string, to: string, options: PathOptions = {}): PathResult | null {
  const weighted = options.weighted ?? graph.weighted;
  const s = nodeIndex(graph, from);
  const t = nodeIndex(graph, to);
  const ws = createSearchWorkspace(graph, 'out', weighted);
  searchFrom(graph, ws, s);
  if (ws.dist[t] === Infinity) return null;
  const nodes = [t];
  let v = t;
  while (v !== s) {
    v = ws.pred[ws.predStart[v]!]!;
    nodes.push(v);
  }
  return pathFromNodes(graph, nodes.reverse(), weighted);
}

/**
 * Every shortest path from `from` to `to`, up to `limit` (default 1,000; `truncated` says when
 * there are more), and `count`, the number of shortest paths (exact, from the path counts).
 */
export function allShortestPaths(
  graph: AnalysisGraph,
  from: string,
  to: string,
  options: PathOptions & { limit?: number } = {},
): { paths: PathResult[]; count: number; truncated: boolean; union: Subgraph } {
  const weighted = options.weighted ?? graph.weighted;
  const limit = options.limit ?? 1000;
  const s = nodeIndex(graph, from);
  const t = nodeIndex(graph, to);
  const ws = createSearchWorkspace(graph, 'out', weighted);
  searchFrom(graph, ws, s);
  if (ws.dist[t] === Infinity) return { paths: [], count: 0, truncated: false, union: { entityIds: [], linkIds: [] } };
  const paths: PathResult[] = [];
  // Depth-first back along the predecessor lists, target to source.
  const stack: number[] = [t];
  const walk = (v: number): void => {
    if (paths.length >= limit) return;
    if (v === s) {
      paths.push(pathFromNodes(graph, [...stack].reverse(), weighted));
      return;
    }
    for (let p = ws.predStart[v]!, end = p + ws.predCount[v]!; p < end; p++) {
      const u = ws.pred[p]!;
      stack.push(u);
      walk(u);
      stack.pop();
    }
  };
  walk(t);
  const count = ws.sigma[t]!;
  return { paths, count, truncated: paths.length < count, union: unionOf(paths) };
}

function unionOf(paths: readonly PathResult[]): Subgraph {
  return {
    entityIds: [...new Set(paths.flatMap((p) => p.entityIds))],
    linkIds: [...new Set(paths.flatMap((p) => p.linkIds))],
  };
}

export type ConnectingMethod = 'steiner' | 'pairwise';

export interface ConnectingNetwork extends Subgraph {
  method: ConnectingMethod;
  /** Total length of the edges in the network (hops, or Σ 1/strength when weighted). */
  length: number;
  /** Entities given that no path reaches from the first connected one; the network leaves them out. */
  unreachable: string[];
}

/**
 * The network that connects three or more entities, direction ignored.
 *
 * - `steiner` (default): the shortest-path heuristic of Takahashi & Matsuyama (1980) for the
 *   Steiner tree — start from the first entity, repeatedly join the entity nearest to the tree by
 *   a shortest path. At most twice as long as the optimal tree; it adds no more intermediaries
 *   than needed to join everyone.
 * - `pairwise`: the union of one shortest path for every pair — shows every direct route between
 *   the pairs, so it is larger, and can contain cycles.
 */
export function connectingNetwork(
  graph: AnalysisGraph,
  entityIds: readonly string[],
  options: PathOptions & { method?: ConnectingMethod } = {},
): ConnectingNetwork {
  const method = options.method ?? 'steiner';
  const weighted = options.weighted ?? graph.weighted;
  const g = asUndirected(graph);
  const terminals = [...new Set(entityIds.map((id) => nodeIndex(g, id)))];
  if (terminals.length === 0) return { method, entityIds: [], linkIds: [], length: 0, unreachable: [] };

  const edgesUsed = new Set<number>();
  const nodesUsed = new Set<number>([terminals[0]!]);
  const unreachable: string[] = [];
  const addPath = (nodes: readonly number[]) => {
    for (let i = 0; i < nodes.length; i++) {
      nodesUsed.add(nodes[i]!);
      if (i > 0) edgesUsed.add(arcEdge(g, nodes[i - 1]!, nodes[i]!));
    }
  };

  if (method === 'pairwise') {
    const ws = createSearchWorkspace(g, 'out', weighted);
    const reachable = new Set<number>([terminals[0]!]);
    for (let i = 0; i < terminals.length; i++) {
      const s = terminals[i]!;
      searchFrom(g, ws, s);
      for (let j = i + 1; j < terminals.length; j++) {
        const t = terminals[j]!;
        if (ws.dist[t] === Infinity) continue;
        if (i === 0) reachable.add(t);
        const nodes = [t];
        let v = t;
        while (v !== s) {
          v = ws.pred[ws.predStart[v]!]!;
          nodes.push(v);
        }
        addPath(nodes);
      }
    }
    for (const t of terminals) if (!reachable.has(t)) unreachable.push(g.nodeIds[t]!);
  } else {
    const inTree = new Uint8Array(g.nodeCount);
    inTree[terminals[0]!] = 1;
    const remaining = new Set(terminals.slice(1));
    while (remaining.size > 0) {
      const found = nearestFromSet(g, inTree, remaining, weighted);
      if (!found) break;
      addPath(found.nodes);
      for (const v of found.nodes) inTree[v] = 1;
      remaining.delete(found.terminal);
      // A path can pass through other terminals: they are joined too.
      for (const v of found.nodes) remaining.delete(v);
    }
    for (const t of remaining) unreachable.push(g.nodeIds[t]!);
  }
  const linkIds = [...new Set([...edgesUsed].flatMap((e) => g.edges[e]!.linkIds))];
  let length = 0;
  for (const e of edgesUsed) length += weighted ? edgeDistance(g, g.edges[e]!.strength) : 1;
  const unreachableSet = new Set(unreachable);
  return {
    method,
    entityIds: [...nodesUsed].map((v) => g.nodeIds[v]!).filter((id) => !unreachableSet.has(id)),
    linkIds,
    length,
    unreachable,
  };
}

/** A search from every tree node at once; the path (tree node … terminal) to the nearest remaining terminal. */
function nearestFromSet(
  g: AnalysisGraph,
  inTree: Uint8Array,
  targets: ReadonlySet<number>,
  weighted: boolean,
): { terminal: number; nodes: number[] } | null {
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // A simple binary heap of [distance, node]; the graphs here are what an analyst has on a chart.
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]![0] <= d) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && heap[c + 1]![0] < heap[c]![0]) c++;
        if (heap[c]![0] >= heap[i]![0]) break;
        [heap[c], heap[i]] = [heap[i]!, heap[c]!];
        i = c;
      }
    }
    return top;
  };
  for (let v = 0; v < n; v++) {
    if (inTree[v] === 1) {
      dist[v] = 0;
      push(0, v);
    }
  }
  while (heap.length > 0) {
    const [d, v] = pop();
    if (done[v] === 1 || d > dist[v]!) continue;
    done[v] = 1;
    if (targets.has(v)) {
      const nodes = [v];
      let u = v;
      while (parent[u] !== -1) {
        u = parent[u]!;
        nodes.push(u);
      }
      return { terminal: v, nodes: nodes.reverse() };
    }
    for (let a = g.outStart[v]!; a < g.outStart[v + 1]!; a++) {
      const w = g.outNode[a]!;
      const dw = d + (weighted ? edgeDistance(g, g.outStrength[a]!) : 1);
      if (dw < dist[w]!) {
        dist[w] = dw;
        parent[w] = v;
        push(dw, w);
      }
    }
  }
  return null;
}

export type NeighbourhoodDirection = 'out' | 'in' | 'both';

export interface Neighbourhood extends Subgraph {
  /** Hops from the nearest seed, per entity id (0 for the seeds). */
  hops: Record<string, number>;
}

/**
 * Everything within `k` hops of the seed entities, and the links among those entities (the
 * induced subgraph). On a directed graph, `direction` follows arcs forward, backward or both (default).
 */
export function neighbourhood(
  graph: AnalysisGraph,
  seeds: readonly string[],
  k: number,
  options: { direction?: NeighbourhoodDirection } = {},
): Neighbourhood {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number of hops ≥ 0, not ${k}.`);
  const direction = graph.directed ? (options.direction ?? 'both') : 'out';
  const hop = new Int32Array(graph.nodeCount).fill(-1);
  let frontier = [...new Set(seeds.map((id) => nodeIndex(graph, id)))];
  for (const v of frontier) hop[v] = 0;
  const reached = [...frontier];
  for (let h = 1; h <= k && frontier.length > 0; h++) {
    const next: number[] = [];
    const visit = (start: Int32Array, node: Int32Array, v: number) => {
      for (let a = start[v]!; a < start[v + 1]!; a++) {
        const w = node[a]!;
        if (hop[w] !== -1) continue;
        hop[w] = h;
        next.push(w);
      }
    };
    for (const v of frontier) {
      if (direction !== 'in') visit(graph.outStart, graph.outNode, v);
      if (direction !== 'out') visit(graph.inStart, graph.inNode, v);
    }
    reached.push(...next);
    frontier = next;
  }
  const hops: Record<string, number> = {};
  for (const v of reached) hops[graph.nodeIds[v]!] = hop[v]!;
  const linkIds = new Set<string>();
  for (const e of graph.edges) {
    if (hop[e.source] !== -1 && hop[e.target] !== -1) for (const id of e.linkIds) linkIds.add(id);
  }
  return { entityIds: reached.map((v) => graph.nodeIds[v]!), linkIds: [...linkIds], hops };
}
