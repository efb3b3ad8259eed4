/**
 * The case-level entry points: filter the case, build the graph, run the measure, and return a
 * result that records all three.
 */
import { runSteps, runStepsAsync, type AsyncRunControl, type RunControl, type Steps } from './control';
import { applyFilters, type AnalysisFilters, type AnalysisInput, type FilterReport } from './filters';
import { buildAnalysisGraph, type AnalysisGraph, type GraphOptions } from './graph';
import { measureResult, measureSteps, type MeasureResult, type MeasureSpec } from './measures';

export interface PreparedGraph {
  graph: AnalysisGraph;
  filters: FilterReport;
}

/** Filters the case and builds its analysis graph. */
export function prepareGraph(input: AnalysisInput, filters: AnalysisFilters = {}, options: GraphOptions = {}): PreparedGraph {
  const filtered = applyFilters(input, filters);
  return { graph: buildAnalysisGraph(filtered.input, options), filters: filtered.report };
}

export interface AnalysisRequest {
  filters?: AnalysisFilters;
  graph?: GraphOptions;
  measure: MeasureSpec;
}

/** The steps of a whole case analysis, for a caller that drives them itself. */
export function* analyzeCaseSteps(input: AnalysisInput, request: AnalysisRequest): Steps<MeasureResult> {
  const { graph, filters } = prepareGraph(input, request.filters, request.graph);
  const values = yield* measureSteps(graph, request.measure);
  return measureResult(graph, request.measure, values, filters);
}

/** Filters, builds and measures on this thread. */
export function analyzeCase(input: AnalysisInput, request: AnalysisRequest, control: RunControl = {}): MeasureResult {
  return runSteps(analyzeCaseSteps(input, request), control);
}

/** The same in slices, giving the host a turn between them (a Web Worker that must hear "cancel"). */
export function analyzeCaseAsync(input: AnalysisInput, request: AnalysisRequest, control: AsyncRunControl = {}): Promise<MeasureResult> {
  return runStepsAsync(analyzeCaseSteps(input, request), control);
}
