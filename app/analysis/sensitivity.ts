/**
 * Grade sensitivity: does the answer rest on weak evidence? The same measure is computed twice,
 * once with all the evidence and once with only the links that have a citation at a minimum grade
 * (weights then from those citations only), and every entity's rank is compared.
 */
import { runSteps, runStepsAsync, type AsyncRunControl, type RunControl, type Steps } from './control';
import type { AnalysisFilters, AnalysisInput } from './filters';
import type { GraphOptions } from './graph';
import type { Grade } from './grades';
import { measureResult, measureSteps, rankNodes, labelsOf, type MeasureResult, type MeasureSpec } from './measures';
import { prepareGraph } from './analyze';

export interface SensitivityRequest {
  /** Filters applied to both runs (a `minGrade` here is replaced by `minGrade` below for the second run). */
  filters?: Omit<AnalysisFilters, 'minGrade'>;
  graph?: GraphOptions;
  measure: MeasureSpec;
  /** The grade the second run requires, e.g. "B2". */
  minGrade: Grade | string;
}

export interface SensitivityRow {
  id: string;
  label: string;
  valueAll: number;
  valueStrong: number;
  rankAll: number;
  rankStrong: number;
  /** rankAll − rankStrong: positive when the entity rises once weak evidence is left out. */
  rankChange: number;
}

export interface SensitivityResult {
  minGrade: string;
  all: MeasureResult;
  strong: MeasureResult;
  /** Every entity, in the order of the all-evidence ranking. */
  rows: SensitivityRow[];
  /** Links that only weaker evidence supports (left out of the second run). */
  linksDropped: number;
  /** Spearman's rank correlation between the two rankings (1: weak evidence changes nothing). */
  spearman: number;
}

export function* gradeSensitivitySteps(input: AnalysisInput, request: SensitivityRequest): Steps<SensitivityResult> {
  const allGraph = prepareGraph(input, request.filters ?? {}, request.graph);
  const strongGraph = prepareGraph(input, { ...request.filters, minGrade: request.minGrade }, request.graph);
  const all = measureResult(allGraph.graph, request.measure, yield* measureSteps(allGraph.graph, request.measure), allGraph.filters);
  const strong = measureResult(strongGraph.graph, request.measure, yield* measureSteps(strongGraph.graph, request.measure), strongGraph.filters);
  const labels = labelsOf(allGraph.graph);
  const rankedAll = rankNodes(all, labels);
  const strongRank = new Map(rankNodes(strong, labels).map((r) => [r.id, r]));
  const rows = rankedAll.map((r): SensitivityRow => {
    const s = strongRank.get(r.id);
    const rankStrong = s?.rank ?? rankedAll.length;
    return { id: r.id, label: r.label, valueAll: r.value, valueStrong: s?.value ?? 0, rankAll: r.rank, rankStrong, rankChange: r.rank - rankStrong };
  });
  return {
    minGrade: strongGraph.filters.minGrade ?? '',
    all,
    strong,
    rows,
    linksDropped: allGraph.filters.links.kept - strongGraph.filters.links.kept,
    spearman: spearman(rows),
  };
}

/** Pearson correlation of the two rank columns (ties share a competition rank). */
function spearman(rows: readonly SensitivityRow[]): number {
  const n = rows.length;
  if (n < 2) return 1;
  const mean = (f: (r: SensitivityRow) => number) => rows.reduce((a, r) => a + f(r), 0) / n;
  const ma = mean((r) => r.rankAll);
  const mb = mean((r) => r.rankStrong);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (const r of rows) {
    cov += (r.rankAll - ma) * (r.rankStrong - mb);
    va += (r.rankAll - ma) ** 2;
    vb += (r.rankStrong - mb) ** 2;
  }
  return va === 0 || vb === 0 ? (va === vb ? 1 : 0) : cov / Math.sqrt(va * vb);
}

export function gradeSensitivity(input: AnalysisInput, request: SensitivityRequest, control: RunControl = {}): SensitivityResult {
  return runSteps(gradeSensitivitySteps(input, request), control);
}

export function gradeSensitivityAsync(input: AnalysisInput, request: SensitivityRequest, control: AsyncRunControl = {}): Promise<SensitivityResult> {
  return runStepsAsync(gradeSensitivitySteps(input, request), control);
}
