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
}

const ALGORITHMS: Record<MeasureName, string> = {
  degree: 'Degree centrality (number of neighbours, or sum of edge strengths when weighted)',
  betweenness: 'Betweenness centrality, Brandes (2001); Dijkstra when weighted',
  closeness: 'Closeness centrality; Wasserman–Faust scaling for disconnected graphs',
  eigenvector: 'Eigenvector centrality, power iteration on A + I (networkx)',
  pagerank: 'PageRank, power iteration with uniform teleport and dangling redistribution (networkx)',
};

/** The steps of the computation, for a caller that drives them itself (e.g. a Web Worker loop). */
export function measureSteps(graph: AnalysisGraph, spec: MeasureSpec): Steps<Float64Array> {
  switch (spec.measure) {
    case 'degree':
      return (function* (): Steps<Float64Array> {
        const values = degreeCentrality(graph, { mode: spec.degreeMode ?? 'total', normalized: spec.normalized ?? true });
        yield { done: 1, total: 1, unit: 'passes' };
        return values;
      })();
    case 'betweenness': {
      const sources = spec.sampleSources?.map((id) => {
        const i = graph.indexOf.get(id);
        if (i === undefined) throw new RangeError(`Sample source "${id}" is not in the graph.`);
        return i;
      });
      return betweennessSteps(graph, { normalized: spec.normalized ?? true, ...(sources ? { sources } : {}) });
    }
    case 'closeness':
      return closenessSteps(graph, { wfImproved: spec.wfImproved ?? true });
    case 'eigenvector':
      return eigenvectorSteps(graph, { maxIter: spec.maxIter ?? 100, tol: spec.tol ?? 1e-6 });
    case 'pagerank':
      return pagerankSteps(graph, { alpha: spec.alpha ?? 0.85, maxIter: spec.maxIter ?? 100, tol: spec.tol ?? 1e-6 });
  }
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
      const k = spec.sampleSources?.length ?? null;
      const weight = graph.weighted ? `, weight=${distanceName}` : '';
      return {
        parameters: { ...common, normalized, endpoints: false, sampledSources: k, distance: graph.weighted ? distanceRule : 'hops' },
        networkx: `nx.betweenness_centrality(${G}, normalized=${normalized ? 'True' : 'False'}${weight}${k === null ? '' : `, k=${k}`})`,
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
export function measureResult(graph: AnalysisGraph, spec: MeasureSpec, values: Float64Array, filters: FilterReport | null): MeasureResult {
  const { parameters, networkx } = parametersOf(graph, spec);
  const byId: Record<string, number> = {};
  graph.nodeIds.forEach((id, i) => {
    byId[id] = values[i] ?? 0;
  });
  return {
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
