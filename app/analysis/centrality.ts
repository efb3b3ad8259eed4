/**
 * Centrality measures, each following networkx 3.x exactly (same definitions, same scaling, same
 * iteration and stopping rule for the power methods), so a value here equals the value networkx
 * prints for the same graph. Long ones are generators of steps (control.ts).
 */
import { ConvergenceError, type Steps } from './control';
import { inDegreeOf, outDegreeOf, type AnalysisGraph } from './graph';
import { createSearchWorkspace, searchFrom } from './search';

export type DegreeMode = 'in' | 'out' | 'total';

/**
 * Degree: `networkx.degree_centrality` (and in_/out_degree_centrality) when normalised, i.e.
 * degree / (n − 1); the plain count when raw. Weighted: the sum of edge strengths (networkx
 * `G.degree(weight=…)`), divided by n − 1 when normalised. Undirected: `total` is the degree.
 */
export function degreeCentrality(graph: AnalysisGraph, options: { mode?: DegreeMode; normalized?: boolean } = {}): Float64Array {
  const mode = options.mode ?? 'total';
  const normalized = options.normalized ?? true;
  const n = graph.nodeCount;
  const values = new Float64Array(n);
  const add = (start: Int32Array, strength: Float64Array) => {
    for (let v = 0; v < n; v++) {
      if (!graph.weighted) {
        values[v] = values[v]! + (start[v + 1]! - start[v]!);
        continue;
      }
      let sum = 0;
      for (let a = start[v]!; a < start[v + 1]!; a++) sum += strength[a]!;
      values[v] = values[v]! + sum;
    }
  };
  if (!graph.directed || mode !== 'in') add(graph.outStart, graph.outStrength);
  if (graph.directed && mode !== 'out') add(graph.inStart, graph.inStrength);
  if (normalized) {
    // networkx: with one node (or none) every degree centrality is 1.
    if (n <= 1) values.fill(1);
    else for (let v = 0; v < n; v++) values[v] = values[v]! / (n - 1);
  }
  return values;
}

export interface BetweennessOptions {
  /** Default true: divide by (n−1)(n−2), networkx's default. Raw halves undirected sums (each pair once). */
  normalized?: boolean;
  /**
   * Sample: only these source nodes (networkx's `k`, with the sources it drew), at least 2 and
   * distinct. Scaled as networkx ≥ 3.5 does (its fix of March 2025): a sampled node can be a
   * path's source for only k − 1 of the sources, so its sum is scaled by 1/((k−1)(n−2)) and every
   * other node's by 1/(k(n−2)) (normalised). networkx ≤ 3.4 scaled all by n/(k(n−1)(n−2)).
   * Absent: every node is a source (exact).
   */
  sources?: readonly number[];
  /**
   * When sources are sampled: filled with each node's standard error, estimated from the spread of
   * the sampled sources' contributions (their sample variance, with the finite-population
   * correction for drawing k of the n − 1 possible sources without replacement), on the same
   * scale as the values. Left at 0 when every node is a source (the values are exact).
   */
  standardError?: Float64Array;
}

/**
 * Betweenness (Brandes 2001): `networkx.betweenness_centrality`, with weight = 1/strength when the
 * graph is weighted. One step per source node.
 */
export function* betweennessSteps(graph: AnalysisGraph, options: BetweennessOptions = {}): Steps<Float64Array> {
  const n = graph.nodeCount;
  const normalized = options.normalized ?? true;
  const sources = options.sources ?? null;
  if (sources) {
    if (sources.length < 2) throw new RangeError('Sampled betweenness needs at least 2 source nodes.');
    if (new Set(sources).size !== sources.length) throw new RangeError('Sampled betweenness needs distinct source nodes.');
  }
  const total = sources ? sources.length : n;
  const values = new Float64Array(n);
  const delta = new Float64Array(n);
  // Σ δ_s(v)² over the sampled sources, for the standard error; only when asked and sampled.
  const squares = sources && options.standardError ? new Float64Array(n) : null;
  const ws = createSearchWorkspace(graph, 'out');
  const { order, sigma, pred, predStart, predCount } = ws;
  for (let i = 0; i < total; i++) {
    const s = sources ? sources[i]! : i;
    const reached = searchFrom(graph, ws, s);
    for (let j = 0; j < reached; j++) delta[order[j]!] = 0;
    for (let j = reached - 1; j >= 0; j--) {
      const w = order[j]!;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      for (let p = predStart[w]!, end = p + predCount[w]!; p < end; p++) {
        const v = pred[p]!;
        delta[v] = delta[v]! + sigma[v]! * coeff;
      }
      if (w !== s) {
        values[w] = values[w]! + delta[w]!;
        if (squares) squares[w] = squares[w]! + delta[w]! * delta[w]!;
      }
    }
    yield { done: i + 1, total, unit: 'source nodes' };
  }
  // networkx _rescale (endpoints excluded): N = n − 1 possible targets other than v.
  const N = n - 1;
  if (N < 2) return values;
  const pairs = graph.directed ? 1 : 2; // an undirected pair is counted from both ends
  if (!sources) {
    const scale = normalized ? 1 / (N * (N - 1)) : 1 / pairs;
    for (let v = 0; v < n; v++) values[v] = values[v]! * scale;
    return values;
  }
  const k = sources.length;
  const scaleSource = normalized ? 1 / ((k - 1) * (N - 1)) : N / ((k - 1) * pairs);
  const scaleOther = normalized ? 1 / (k * (N - 1)) : N / (k * pairs);
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  for (let v = 0; v < n; v++) {
    const scale = isSource[v] === 1 ? scaleSource : scaleOther;
    if (squares && options.standardError) {
      // v's contributions came from k_v of its N possible sources (a sampled node is not its own).
      const kv = isSource[v] === 1 ? k - 1 : k;
      const mean = values[v]! / kv;
      const variance = kv > 1 ? Math.max(0, (squares[v]! - kv * mean * mean) / (kv - 1)) : 0;
      const finite = Math.max(0, 1 - kv / N);
      options.standardError[v] = scale * Math.sqrt(kv * variance * finite);
    }
    values[v] = values[v]! * scale;
  }
  return values;
}

export interface ClosenessOptions {
  /**
   * Wasserman–Faust improvement (networkx `wf_improved`, default true): scale each node's value by
   * the share of the other nodes it reaches, so a node in a small component does not score as if
   * it were central to the whole graph.
   */
  wfImproved?: boolean;
}

/**
 * Closeness: `networkx.closeness_centrality` — (r−1)/Σd over the r nodes that reach the node
 * (incoming distance when directed), times (r−1)/(n−1) under `wfImproved`. Weighted: distance =
 * 1/strength. One step per node.
 */
export function* closenessSteps(graph: AnalysisGraph, options: ClosenessOptions = {}): Steps<Float64Array> {
  const n = graph.nodeCount;
  const wf = options.wfImproved ?? true;
  const values = new Float64Array(n);
  // networkx reverses a directed graph: the distance that counts is from the others to the node.
  const ws = createSearchWorkspace(graph, graph.directed ? 'in' : 'out');
  for (let v = 0; v < n; v++) {
    const reached = searchFrom(graph, ws, v);
    let total = 0;
    for (let j = 0; j < reached; j++) total += ws.dist[ws.order[j]!]!;
    let c = 0;
    if (total > 0 && n > 1) {
      c = (reached - 1) / total;
      if (wf) c *= (reached - 1) / (n - 1);
    }
    values[v] = c;
    yield { done: v + 1, total: n, unit: 'nodes' };
  }
  return values;
}

export interface PowerIterationOptions {
  /** networkx default 100. */
  maxIter?: number;
  /** networkx default 1e-6; stops when the L1 change is below n × tol. */
  tol?: number;
}

/**
 * Eigenvector centrality: `networkx.eigenvector_centrality` — power iteration on A + I from the
 * uniform vector, unit Euclidean norm; directed graphs use in-edges (the left eigenvector: a node
 * is central when central nodes point to it). Weighted: edge weight = strength. One step per iteration.
 * Throws `ConvergenceError` after `maxIter` iterations, as networkx raises.
 */
export function* eigenvectorSteps(graph: AnalysisGraph, options: PowerIterationOptions = {}): Steps<Float64Array> {
  const n = graph.nodeCount;
  if (n === 0) return new Float64Array(0);
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-6;
  const { outStart, outNode, outStrength, weighted } = graph;
  let x = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < maxIter; iter++) {
    const last = x;
    x = last.slice();
    for (let v = 0; v < n; v++) {
      const xv = last[v]!;
      for (let a = outStart[v]!, end = outStart[v + 1]!; a < end; a++) {
        const w = outNode[a]!;
        x[w] = x[w]! + (weighted ? xv * outStrength[a]! : xv);
      }
    }
    let sq = 0;
    for (let v = 0; v < n; v++) sq += x[v]! * x[v]!;
    const norm = Math.sqrt(sq) || 1;
    let err = 0;
    for (let v = 0; v < n; v++) {
      x[v] = x[v]! / norm;
      err += Math.abs(x[v]! - last[v]!);
    }
    yield { done: iter + 1, total: maxIter, unit: 'iterations' };
    if (err < n * tol) return x;
  }
  throw new ConvergenceError('Eigenvector centrality', maxIter);
}

export interface PageRankOptions extends PowerIterationOptions {
  /** Damping, networkx default 0.85. */
  alpha?: number;
}

/**
 * PageRank: `networkx.pagerank` — power iteration from the uniform vector with uniform teleport;
 * a dangling node (no out-arcs) spreads its rank evenly over every node (networkx's default
 * `dangling=None`). Undirected edges count both ways. Weighted: arcs weigh their strength,
 * normalised per node. One step per iteration; throws `ConvergenceError` as networkx raises.
 */
export function* pagerankSteps(graph: AnalysisGraph, options: PageRankOptions = {}): Steps<Float64Array> {
  const n = graph.nodeCount;
  if (n === 0) return new Float64Array(0);
  const alpha = options.alpha ?? 0.85;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-6;
  const { outStart, outNode, outStrength, weighted } = graph;
  // Row-stochastic weights per arc.
  const share = new Float64Array(outNode.length);
  const dangling: number[] = [];
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let a = outStart[v]!; a < outStart[v + 1]!; a++) sum += weighted ? outStrength[a]! : 1;
    if (sum === 0) dangling.push(v);
    for (let a = outStart[v]!; a < outStart[v + 1]!; a++) share[a] = (weighted ? outStrength[a]! : 1) / sum;
  }
  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  for (let iter = 0; iter < maxIter; iter++) {
    const last = x;
    x = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      const xv = last[v]!;
      for (let a = outStart[v]!, end = outStart[v + 1]!; a < end; a++) {
        const w = outNode[a]!;
        x[w] = x[w]! + xv * share[a]!;
      }
    }
    let danglingSum = 0;
    for (const v of dangling) danglingSum += last[v]!;
    let err = 0;
    for (let v = 0; v < n; v++) {
      x[v] = alpha * (x[v]! + danglingSum * p) + (1 - alpha) * p;
      err += Math.abs(x[v]! - last[v]!);
    }
    yield { done: iter + 1, total: maxIter, unit: 'iterations' };
    if (err < n * tol) return x;
  }
  throw new ConvergenceError('PageRank', maxIter);
}

/** In- and out-degree in one call, for tables that show both. */
export function degreeCounts(graph: AnalysisGraph): { in: Int32Array; out: Int32Array } {
  const n = graph.nodeCount;
  const inn = new Int32Array(n);
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    inn[v] = inDegreeOf(graph, v);
    out[v] = outDegreeOf(graph, v);
  }
  return { in: inn, out };
}
