/**
 * One entry point for every measure, and the result record that makes an answer reproducible:
 * the algorithm, its parameters, the graph it ran on, the filters in force and the equivalent
 * networkx call.
 */
import {
  betweennessSteps,
  closenessSteps,
  degreeCentrality,
  eigenvectorSteps,
  pagerankSteps,
  type DegreeMode,
} from './centrality';
import { runSteps, runStepsAsync, type AsyncRunControl, type RunControl, type Steps } from './control';
import type { FilterReport } from './filters';
import type { AnalysisGraph } from './graph';
import { sampleIndices, seededRandom } from './random';

export const MEASURES = ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank'] as const;
export type MeasureName = (typeof MEASURES)[number];

export interface MeasureSpec {
  measure: MeasureName;
  /** Degree and betweenness: default true (networkx's default). Ignored by the others, whose scale is fixed. */
  normalized?: boolean;
  /** Degree on a directed graph: in, out or total (default). */
  degreeMode?: DegreeMode;
  /** Closeness: the Wasserman–Faust scaling for graphs that are not connected (default true, as networkx). */
  wfImproved?: boolean;
  /** PageRank damping (default 0.85). */
  alpha?: number;
  /** Eigenvector and PageRank: iteration cap (default 100) and tolerance (default 1e-6), as networkx. */
  maxIter?: number;
  tol?: number;
  /** Betweenness: sample these source entity ids only (networkx `k` with these sources), scaled as networkx ≥ 3.5 does. */
  sampleSources?: readonly string[];
  /**
   * Betweenness: approximate from `samples` source entities drawn with `seed` (default 1), each value
   * given with its estimated standard error. With as many samples as entities it is exact.
   * Exact betweenness is O(n·m): on 20,000 entities minutes, where 500 sources take seconds.
   */
  approximate?: { samples: number; seed?: number };
}

/** What a measure computes: a value per node and, for a sampled estimate, its standard error. */
export interface MeasureValues {
  values: Float64Array;
  standardError?: Float64Array;
}

/** How good an approximate result is, in numbers and in words. */
export interface Approximation {
  sampledSources: number;
  /** Entities in the graph (the sources there were to draw from). */
  of: number;
  seed: number;
  /** Median, over the 10 highest values, of standard error ÷ value. */
  medianRelativeErrorTop10: number;
  statement: string;
}

export type ParameterValue = string | number | boolean | null;

export interface MeasureResult {
  measure: MeasureName;
  /** The algorithm and its source, in words. */
  algorithm: string;
  /** Every parameter that shaped the numbers, defaults included. */
  parameters: Record<string, ParameterValue>;
  /** The networkx call that gives the same numbers on the same graph. */
  networkxEquivalent: string;
  /** The filters that made the graph, or null when the caller built the graph itself. */
  filters: FilterReport | null;
  nodeCount: number;
  edgeCount: number;
  /** Value per entity id. */
  values: Record<string, number>;
  /** Approximate results only: the estimated standard error of each value, per entity id. */
  standardError?: Record<string, number>;
  approximation?: Approximation;
}

const ALGORITHMS: Record<MeasureName, string> = {
  degree: 'Degree centrality (number of neighbours, or sum of edge strengths when weighted)',
  betweenness: 'Betweenness centrality, Brandes (2001); Dijkstra when weighted',
  closeness: 'Closeness centrality; Wasserman–Faust scaling for disconnected graphs',
  eigenvector: 'Eigenvector centrality, power iteration on A + I (networkx)',
  pagerank: 'PageRank, power iteration with uniform teleport and dangling redistribution (networkx)',
};

/** The steps of the computation, for a caller that drives them itself (e.g. a Web Worker loop). */
export function measureSteps(graph: AnalysisGraph, spec: MeasureSpec): Steps<MeasureValues> {
  switch (spec.measure) {
    case 'degree':
      return (function* (): Steps<MeasureValues> {
        const values = degreeCentrality(graph, { mode: spec.degreeMode ?? 'total', normalized: spec.normalized ?? true });
        yield { done: 1, total: 1, unit: 'passes' };
        return { values };
      })();
    case 'betweenness':
      return betweennessMeasure(graph, spec);
    case 'closeness':
      return valuesOnly(closenessSteps(graph, { wfImproved: spec.wfImproved ?? true }));
    case 'eigenvector':
      return valuesOnly(eigenvectorSteps(graph, { maxIter: spec.maxIter ?? 100, tol: spec.tol ?? 1e-6 }));
    case 'pagerank':
      return valuesOnly(pagerankSteps(graph, { alpha: spec.alpha ?? 0.85, maxIter: spec.maxIter ?? 100, tol: spec.tol ?? 1e-6 }));
  }
}

function* valuesOnly(steps: Steps<Float64Array>): Steps<MeasureValues> {
  return { values: yield* steps };
}

/** The sources an approximate run draws (null: every entity, exact), seeded so a rerun repeats it. */
export function approximateSources(graph: AnalysisGraph, approximate: NonNullable<MeasureSpec['approximate']>): number[] | null {
  const { samples } = approximate;
  if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`Approximate betweenness needs at least 2 sampled sources, not ${samples}.`);
  if (samples >= graph.nodeCount) return null;
  return sampleIndices(graph.nodeCount, samples, seededRandom(approximate.seed ?? 1));
}

function* betweennessMeasure(graph: AnalysisGraph, spec: MeasureSpec): Steps<MeasureValues> {
  const normalized = spec.normalized ?? true;
  if (spec.approximate && !spec.sampleSources) {
    const sources = approximateSources(graph, spec.approximate);
    const standardError = new Float64Array(graph.nodeCount);
    const values = yield* betweennessSteps(graph, { normalized, standardError, ...(sources ? { sources } : {}) });
    return { values, standardError };
  }
  const sources = spec.sampleSources?.map((id) => {
    const i = graph.indexOf.get(id);
    if (i === undefined) throw new RangeError(`Sample source "${id}" is not in the graph.`);
    return i;
  });
  return { values: yield* betweennessSteps(graph, { normalized, ...(sources ? { sources } : {}) }) };
}

/** The words and numbers that say how close an approximate result is. */
function approximationOf(graph: AnalysisGraph, spec: MeasureSpec, computed: MeasureValues): Approximation | null {
  if (!spec.approximate || spec.sampleSources || !computed.standardError) return null;
  const n = graph.nodeCount;
  // As many samples as entities ran the exact computation: nothing to qualify.
  if (spec.approximate.samples >= n) return null;
  const k = spec.approximate.samples;
  const seed = spec.approximate.seed ?? 1;
  const top = [...computed.values.keys()].sort((a, b) => computed.values[b]! - computed.values[a]!).slice(0, 10);
  const relative = top
    .filter((v) => computed.values[v]! > 0)
    .map((v) => computed.standardError![v]! / computed.values[v]!)
    .sort((a, b) => a - b);
  const median = relative.length === 0 ? 0 : relative[Math.floor((relative.length - 1) / 2)]!;
  const statement =
    `Approximate: ${k.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} entities sampled as sources (seed ${seed}). ` +
        `Each value has a standard error estimated from the spread of the sampled sources' contributions (the ± column); ` +
        `for the 10 highest, the median standard error is ${(median * 100).toFixed(1)}% of the value. ` +
    `Rankings closer than about two standard errors apart may swap in an exact run.`;
  return { sampledSources: k, of: n, seed, medianRelativeErrorTop10: median, statement };
}

function parametersOf(graph: AnalysisGraph, spec: MeasureSpec): { parameters: Record<string, ParameterValue>; networkx: string } {
  const attribute = graph.weightAttribute;
  const common = { directed: graph.directed, weighted: graph.weighted, ...(attribute !== null ? { weightAttribute: attribute } : {}) };
  const G = graph.directed ? 'D' : 'G';
  // Evidence: the "strength" edge attribute is the weight and "distance" = 1/strength; a link attribute is both, as networkx takes weight=.
  const weightName = JSON.stringify(attribute ?? 'strength');
  const distanceName = JSON.stringify(attribute ?? 'distance');
  const distanceRule = attribute !== null ? attribute : '1/strength';
  switch (spec.measure) {
    case 'degree': {
      const mode = graph.directed ? (spec.degreeMode ?? 'total') : 'total';
      const normalized = spec.normalized ?? true;
      const fn = mode === 'in' ? 'in_degree' : mode === 'out' ? 'out_degree' : 'degree';
      const networkx = graph.weighted
        ? `dict(${G}.${fn}(weight=${weightName}))${normalized ? ' / (n - 1)' : ''}`
        : normalized
          ? `nx.${fn}_centrality(${G})`
          : `dict(${G}.${fn}())`;
      return { parameters: { ...common, mode, normalized }, networkx };
    }
    case 'betweenness': {
      const normalized = spec.normalized ?? true;
      const approximate = spec.approximate && !spec.sampleSources && spec.approximate.samples < graph.nodeCount ? spec.approximate : null;
      const k = spec.sampleSources?.length ?? approximate?.samples ?? null;
      const seed = approximate ? (approximate.seed ?? 1) : null;
      const weight = graph.weighted ? `, weight=${distanceName}` : '';
      return {
        parameters: { ...common, normalized, endpoints: false, sampledSources: k, ...(seed !== null ? { seed } : {}), distance: graph.weighted ? distanceRule : 'hops' },
        // networkx draws its own k sources from its seed: the same estimate, other sources.
        networkx: `nx.betweenness_centrality(${G}, normalized=${normalized ? 'True' : 'False'}${weight}${k === null ? '' : `, k=${k}`}${seed === null ? '' : `, seed=${seed}`})`,
      };
    }
    case 'closeness': {
      const wf = spec.wfImproved ?? true;
      return {
        parameters: { ...common, wfImproved: wf, distance: graph.weighted ? distanceRule : 'hops', incoming: graph.directed },
        networkx: `nx.closeness_centrality(${G}${graph.weighted ? `, distance=${distanceName}` : ''}, wf_improved=${wf ? 'True' : 'False'})`,
      };
    }
    case 'eigenvector': {
      const maxIter = spec.maxIter ?? 100;
      const tol = spec.tol ?? 1e-6;
      return {
        parameters: { ...common, norm: 'unit Euclidean', maxIter, tol, direction: graph.directed ? 'in-edges' : 'undirected' },
        networkx: `nx.eigenvector_centrality(${G}, max_iter=${maxIter}, tol=${tol}${graph.weighted ? `, weight=${weightName}` : ''})`,
      };
    }
    case 'pagerank': {
      const alpha = spec.alpha ?? 0.85;
      const maxIter = spec.maxIter ?? 100;
      const tol = spec.tol ?? 1e-6;
      return {
        parameters: { ...common, alpha, maxIter, tol, dangling: 'uniform', personalization: 'uniform' },
        networkx: `nx.pagerank(${G}, alpha=${alpha}, max_iter=${maxIter}, tol=${tol}, weight=${graph.weighted ? weightName : 'None'})`,
      };
    }
  }
}

/** Wraps computed values (in node order) as a result record. */
export function measureResult(graph: AnalysisGraph, spec: MeasureSpec, computed: MeasureValues, filters: FilterReport | null): MeasureResult {
  const { parameters, networkx } = parametersOf(graph, spec);
  const { values, standardError } = computed;
  const byId: Record<string, number> = {};
  graph.nodeIds.forEach((id, i) => {
    byId[id] = values[i] ?? 0;
  });
  const approximation = approximationOf(graph, spec, computed);
  const errors: Record<string, number> = {};
  if (approximation && standardError) graph.nodeIds.forEach((id, i) => (errors[id] = standardError[i] ?? 0));
  return {
    ...(approximation ? { approximation, standardError: errors } : {}),
    measure: spec.measure,
    algorithm: ALGORITHMS[spec.measure],
    parameters,
    networkxEquivalent: networkx,
    filters,
    nodeCount: graph.nodeCount,
    edgeCount: graph.edges.length,
    values: byId,
  };
}

/** Computes a measure on this thread (checks `control.signal` after every step). */
export function computeMeasure(graph: AnalysisGraph, spec: MeasureSpec, control: RunControl = {}, filters: FilterReport | null = null): MeasureResult {
  return measureResult(graph, spec, runSteps(measureSteps(graph, spec), control), filters);
}

/** Computes a measure in slices, giving the host a turn between them (for a Web Worker that must hear "cancel"). */
export async function computeMeasureAsync(
  graph: AnalysisGraph,
  spec: MeasureSpec,
  control: AsyncRunControl = {},
  filters: FilterReport | null = null,
): Promise<MeasureResult> {
  return measureResult(graph, spec, await runStepsAsync(measureSteps(graph, spec), control), filters);
}

export interface RankedNode {
  id: string;
  label: string;
  value: number;
  /** 1 for the highest; ties share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * The nodes highest first (ties by label, then id, so the order is stable), with competition
 * ranks. Values within 1e-12 (relative) of each other tie, so rounding noise does not order them.
 */
export function rankNodes(result: Pick<MeasureResult, 'values'>, labels: ReadonlyMap<string, string> | ((id: string) => string)): RankedNode[] {
  const labelOf = typeof labels === 'function' ? labels : (id: string) => labels.get(id) ?? id;
  const rows = Object.entries(result.values).map(([id, value]) => ({ id, label: labelOf(id), value, rank: 0 }));
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  rows.sort((a, b) => (same(a.value, b.value) ? a.label.localeCompare(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : b.value - a.value));
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.rank = previous && same(previous.value, row.value) ? previous.rank : i + 1;
  });
  return rows;
}

/** Labels of a graph's nodes by id, for `rankNodes`. */
export function labelsOf(graph: AnalysisGraph): Map<string, string> {
  return new Map(graph.nodeIds.map((id, i) => [id, graph.labels[i] ?? id]));
}
