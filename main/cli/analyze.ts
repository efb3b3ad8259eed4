import { prepareGraph } from '../../app/analysis/analyze';
import { computeMeasure, labelsOf, MEASURES, rankNodes, type MeasureName } from '../../app/analysis/measures';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, ANALYSIS_USAGE, analysisOptions, checkWeightAttribute, networkHeader, readCaseForAnalysis } from './caseAnalysis';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: `  workbench analyze <case> --measure ${[...MEASURES].sort().join('|')}
      [--top N] [--raw] [--json]
${ANALYSIS_USAGE}
      Rank entities by a centrality measure, computed as networkx does (betweenness
      normalised, closeness with Wasserman–Faust scaling, eigenvector with unit norm,
      PageRank alpha 0.85); --raw gives unnormalised degree and betweenness. --json
      prints [{id, label, value}, ...], highest first. Read-only.
${ANALYSIS_HELP}`,
  run: analyze,
};

function analyze(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, {
    ...ANALYSIS_OPTIONS,
    measure: { type: 'string' },
    top: { type: 'string' },
    raw: { type: 'boolean' },
  });
  const path = onePositional(positionals, 'case file path');
  const measure = values.measure as string | undefined;
  if (measure === undefined) throw new UsageError(`--measure is required (${MEASURES.join(', ')})`);
  if (!(MEASURES as readonly string[]).includes(measure)) throw new UsageError(`unknown measure "${measure}" (${MEASURES.join(', ')})`);
  let top: number | null = null;
  const topText = values.top as string | undefined;
  if (topText !== undefined) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a whole number ≥ 1, not "${topText}"`);
  }
  const { filters, graph: graphOptions } = analysisOptions(values);
  const data = readCaseForAnalysis(path);
  checkWeightAttribute(data.links, graphOptions);
  const { graph, filters: report } = prepareGraph(data, filters, graphOptions);
  const result = computeMeasure(graph, { measure: measure as MeasureName, ...(values.raw ? { normalized: false } : {}) }, {}, report);
  const ranked = rankNodes(result, labelsOf(graph));

  if (values.json) {
    const rows = (top === null ? ranked : ranked.slice(0, top)).map(({ id, label, value }) => ({ id, label, value }));
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  const shown = ranked.slice(0, top ?? 20);
  const width = Math.max(6, ...shown.map((r) => r.label.length));
  const lines = [
    result.algorithm,
    ...networkHeader(`"${data.name}"`, result.nodeCount, result.edgeCount, graphOptions, report),
    `Parameters: ${Object.entries(result.parameters).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`,
    `Same as: ${result.networkxEquivalent}`,
    '',
    `${'rank'.padStart(4)}  ${'entity'.padEnd(width)}  value`,
    ...shown.map((r) => `${String(r.rank).padStart(4)}  ${r.label.padEnd(width)}  ${formatValue(r.value)}`),
  ];
  if (shown.length < ranked.length) lines.push(`… ${ranked.length - shown.length} more (--top N to see more, --json for all)`);
  io.out(lines.join('\n'));
  return 0;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(6);
}
