/**
 * Single-source shortest paths with path counts and predecessor lists: the engine under
 * betweenness (Brandes 2001), closeness and the path queries. Breadth-first when unweighted,
 * Dijkstra with distance = 1/strength when weighted. Buffers are allocated once per graph and
 * reset per source only where the previous search reached.
 */
import type { AnalysisGraph } from './graph';

/** 'out' follows arcs forward (distances from the source); 'in' follows them backward (distances to it). */
export type Direction = 'out' | 'in';

export interface SearchWorkspace {
  readonly direction: Direction;
  readonly weighted: boolean;
  /** Distance from the source (Infinity where not reached). */
  readonly dist: Float64Array;
  /** Number of shortest paths from the source. */
  readonly sigma: Float64Array;
  /** Nodes in the order they were settled; the first `reached` entries are valid. */
  readonly order: Int32Array;
  reached: number;
  /** Predecessors of w on shortest paths: pred[predStart[w] … predStart[w] + predCount[w] - 1]. */
  readonly predStart: Int32Array;
  readonly predCount: Int32Array;
  readonly pred: Int32Array;
  readonly heapDist: Float64Array;
  readonly heapNode: Int32Array;
  /** 1 once Dijkstra has popped a node at its final distance. */
  readonly settled: Uint8Array;
}

/** Buffers for repeated searches over one graph. */
export function createSearchWorkspace(graph: AnalysisGraph, direction: Direction = 'out', weighted: boolean = graph.weighted): SearchWorkspace {
  const n = graph.nodeCount;
  // A node's predecessors along the search direction are its arcs the other way round.
  const predStart = direction === 'out' ? graph.inStart : graph.outStart;
  const arcs = graph.outNode.length;
  return {
    direction,
    weighted,
    dist: new Float64Array(n).fill(Infinity),
    sigma: new Float64Array(n),
    order: new Int32Array(n),
    reached: 0,
    predStart,
    predCount: new Int32Array(n),
    pred: new Int32Array(Math.max(arcs, 1)),
    heapDist: new Float64Array(arcs + 1),
    heapNode: new Int32Array(arcs + 1),
    settled: new Uint8Array(n),
  };
}

/** Runs one search from `source`, filling the workspace. Returns the number of nodes reached. */
export function searchFrom(graph: AnalysisGraph, ws: SearchWorkspace, source: number): number {
  const { dist, sigma, order, predCount, settled } = ws;
  for (let i = 0; i < ws.reached; i++) {
    const v = order[i]!;
    dist[v] = Infinity;
    sigma[v] = 0;
    predCount[v] = 0;
    settled[v] = 0;
  }
  ws.reached = ws.weighted ? dijkstra(graph, ws, source) : bfs(graph, ws, source);
  return ws.reached;
}

function bfs(graph: AnalysisGraph, ws: SearchWorkspace, source: number): number {
  const { dist, sigma, order, predStart, predCount, pred } = ws;
  const start = ws.direction === 'out' ? graph.outStart : graph.inStart;
  const next = ws.direction === 'out' ? graph.outNode : graph.inNode;
  dist[source] = 0;
  sigma[source] = 1;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    for (let a = start[v]!, end = start[v + 1]!; a < end; a++) {
      const w = next[a]!;
      const dw = dist[w]!;
      if (dw === Infinity) {
        dist[w] = dv;
        order[tail++] = w;
      } else if (dw !== dv) continue;
      sigma[w] = sigma[w]! + sv;
      pred[predStart[w]! + predCount[w]!] = v;
      predCount[w] = predCount[w]! + 1;
    }
  }
  return tail;
}

function dijkstra(graph: AnalysisGraph, ws: SearchWorkspace, source: number): number {
  const { dist, sigma, order, predStart, predCount, pred, heapDist, heapNode, settled } = ws;
  const start = ws.direction === 'out' ? graph.outStart : graph.inStart;
  const next = ws.direction === 'out' ? graph.outNode : graph.inNode;
  const strength = ws.direction === 'out' ? graph.outStrength : graph.inStrength;
  // Evidence strength is a closeness (distance 1/strength); a weight attribute is the distance itself, as in networkx.
  const byValue = graph.weightAttribute !== null;
  let reached = 0;
  let size = 0;
  const push = (d: number, v: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapDist[parent]! <= d) break;
      heapDist[i] = heapDist[parent]!;
      heapNode[i] = heapNode[parent]!;
      i = parent;
    }
    heapDist[i] = d;
    heapNode[i] = v;
  };
  const pop = () => {
    const top = heapNode[0]!;
    const d = heapDist[--size]!;
    const v = heapNode[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapDist[child + 1]! < heapDist[child]!) child++;
      if (heapDist[child]! >= d) break;
      heapDist[i] = heapDist[child]!;
      heapNode[i] = heapNode[child]!;
      i = child;
    }
    heapDist[i] = d;
    heapNode[i] = v;
    return top;
  };
  // With positive distances a node's `sigma` is final when it is popped: every predecessor was popped before it.
  dist[source] = 0;
  sigma[source] = 1;
  push(0, source);
  while (size > 0) {
    const d = heapDist[0]!;
    const v = pop();
    if (settled[v] === 1 || d > dist[v]!) continue;
    settled[v] = 1;
    order[reached++] = v;
    const sv = sigma[v]!;
    for (let a = start[v]!, end = start[v + 1]!; a < end; a++) {
      const w = next[a]!;
      if (settled[w] === 1) continue;
      const dw = d + (byValue ? strength[a]! : 1 / strength[a]!);
      const old = dist[w]!;
      if (dw < old) {
        dist[w] = dw;
        sigma[w] = sv;
        pred[predStart[w]!] = v;
        predCount[w] = 1;
        push(dw, w);
      } else if (dw === old) {
        sigma[w] = sigma[w]! + sv;
        pred[predStart[w]! + predCount[w]!] = v;
        predCount[w] = predCount[w]! + 1;
      }
    }
  }
  return reached;
}
