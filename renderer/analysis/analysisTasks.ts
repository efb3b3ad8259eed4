/**
 * The analysis questions the Analysis panel asks, as plain data that can cross to a Web Worker,
 * and `runAnalysisTask`, which answers one with the pure functions of app/analysis. The worker
 * (analysisWorker.ts) is a thin shell around it; unit tests call it directly.
 */
import {
  AnalysisCancelledError,
  allShortestPaths,
  analyzeCaseAsync,
  connectingNetwork,
  gradeSensitivityAsync,
  labelsOf,
  louvainCommunities,
  connectedComponents,
  typeGroups,
  neighbourhood,
  prepareGraph,
  rankNodes,
  shortestPath,
  type AnalysisFilters,
  type AnalysisInput,
  type AsyncRunControl,
  type CommunityResult,
  type FilterReport,
  type GraphOptions,
  type MeasureResult,
  type MeasureSpec,
  type RankedNode,
  type SensitivityResult,
} from '../../app/analysis';

interface OnNetwork {
  input: AnalysisInput;
  filters: AnalysisFilters;
  graph: GraphOptions;
}

export type AnalysisTask =
  | ({ kind: 'measure'; measure: MeasureSpec } & OnNetwork)
  | ({ kind: 'sensitivity'; measure: MeasureSpec; minGrade: string } & OnNetwork)
  | ({ kind: 'communities'; seed: number; method?: PartitionMethod } & OnNetwork)
  | ({ kind: 'path'; from: string; to: string; all: boolean } & OnNetwork)
  | ({ kind: 'connecting'; entityIds: string[] } & OnNetwork)
  | ({ kind: 'neighbourhood'; seeds: string[]; hops: number } & OnNetwork);

/** Louvain communities, connected components (direction ignored), strongly connected components, or entity types. */
export type PartitionMethod = 'louvain' | 'components' | 'strong' | 'type';

/** Entities and links to highlight on the chart (the rest dims), with what they answer. */
export interface Highlight {
  title: string;
  /** One sentence: hops, length, how many paths, what was left out. */
  detail: string;
  entityIds: string[];
  linkIds: string[];
  /** The path in order, when the answer is one path (labels, for the panel). */
  route: string[];
  filters: FilterReport;
}

export type AnalysisAnswer =
  | { kind: 'measure'; result: MeasureResult; ranking: RankedNode[] }
  | { kind: 'sensitivity'; result: SensitivityResult }
  | { kind: 'communities'; result: CommunityResult }
  | { kind: 'highlight'; highlight: Highlight };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function formatLength(length: number): string {
  return Number.isInteger(length) ? String(length) : length.toFixed(3);
}

/** Answers one task; throws `AnalysisCancelledError` when `control.signal` is aborted. */
export async function runAnalysisTask(task: AnalysisTask, control: AsyncRunControl = {}): Promise<AnalysisAnswer> {
  switch (task.kind) {
    case 'measure': {
      const result = await analyzeCaseAsync(task.input, { filters: task.filters, graph: task.graph, measure: task.measure }, control);
      const labels = new Map(task.input.entities.map((e) => [e.id, e.label]));
      return { kind: 'measure', result, ranking: rankNodes(result, labels) };
    }
    case 'sensitivity': {
      const { minGrade: _ignored, ...filters } = task.filters;
      const result = await gradeSensitivityAsync(task.input, { filters, graph: task.graph, measure: task.measure, minGrade: task.minGrade }, control);
      return { kind: 'sensitivity', result };
    }
    case 'communities': {
      const { graph, filters } = prepareGraph(task.input, task.filters, task.graph);
      if (control.signal?.aborted) throw new AnalysisCancelledError();
      const method = task.method ?? 'louvain';
      const result =
        method === 'louvain'
          ? louvainCommunities(graph, { seed: task.seed }, filters)
          : method === 'type'
            ? typeGroups(graph, new Map(task.input.entities.map((e) => [e.id, e.type])), filters)
            : connectedComponents(graph, method === 'strong' ? 'strong' : 'weak', filters);
      return { kind: 'communities', result };
    }
    case 'path': {
      const { graph, filters } = prepareGraph(task.input, task.filters, task.graph);
      const labels = new Map(task.input.entities.map((e) => [e.id, e.label]));
      const name = (id: string) => labels.get(id) ?? id;
      for (const id of [task.from, task.to]) {
        if (!graph.indexOf.has(id)) throw new RangeError(`${name(id) === id ? 'That entity' : name(id)} is hidden by the filters in force.`);
      }
      const by = graph.weightAttribute !== null ? `by the link attribute “${graph.weightAttribute}” (its value is the length)` : graph.weighted ? 'by evidence (distance 1/strength)' : 'by hops';
      const between = `${name(task.from)} → ${name(task.to)}`;
      if (task.all) {
        const found = allShortestPaths(graph, task.from, task.to);
        if (found.count === 0) return { kind: 'highlight', highlight: noPath('All shortest paths', between, filters) };
        const first = found.paths[0]!;
        return {
          kind: 'highlight',
          highlight: {
            title: 'All shortest paths',
            detail: `${plural(found.count, 'shortest path')} ${between}, ${plural(first.hops, 'hop')} each, ${by}${found.truncated ? ` (first ${found.paths.length} shown)` : ''}.`,
            entityIds: found.union.entityIds,
            linkIds: found.union.linkIds,
            route: [],
            filters,
          },
        };
      }
      const path = shortestPath(graph, task.from, task.to);
      if (!path) return { kind: 'highlight', highlight: noPath('Shortest path', between, filters) };
      return {
        kind: 'highlight',
        highlight: {
          title: 'Shortest path',
          detail: `${plural(path.hops, 'hop')}${graph.weighted ? `, length ${formatLength(path.length)}` : ''}, ${by}.`,
          entityIds: path.entityIds,
          linkIds: path.linkIds,
          route: path.entityIds.map(name),
          filters,
        },
      };
    }
    case 'connecting': {
      const { graph, filters } = prepareGraph(task.input, task.filters, task.graph);
      const labels = labelsOf(graph);
      const missing = task.entityIds.filter((id) => !graph.indexOf.has(id));
      const net = connectingNetwork(
        graph,
        task.entityIds.filter((id) => graph.indexOf.has(id)),
      );
      const added = net.entityIds.length - (task.entityIds.length - missing.length - net.unreachable.length);
      const notes = [
        `${plural(net.entityIds.length, 'entity', 'entities')} and ${plural(net.linkIds.length, 'link')} join ${plural(task.entityIds.length - missing.length, 'selected entity', 'selected entities')} (${plural(Math.max(0, added), 'intermediary', 'intermediaries')}).`,
      ];
      if (net.unreachable.length > 0) notes.push(`Not reachable: ${net.unreachable.map((id) => labels.get(id) ?? id).join(', ')}.`);
      if (missing.length > 0) notes.push(`${plural(missing.length, 'selected entity is', 'selected entities are')} hidden by the filters.`);
      return {
        kind: 'highlight',
        highlight: { title: 'Connecting network', detail: notes.join(' '), entityIds: net.entityIds, linkIds: net.linkIds, route: [], filters },
      };
    }
    case 'neighbourhood': {
      const { graph, filters } = prepareGraph(task.input, task.filters, task.graph);
      const seeds = task.seeds.filter((id) => graph.indexOf.has(id));
      if (seeds.length === 0) throw new RangeError('The selected entities are hidden by the filters in force.');
      const near = neighbourhood(graph, seeds, task.hops);
      return {
        kind: 'highlight',
        highlight: {
          title: `Neighbourhood (${plural(task.hops, 'hop')})`,
          detail: `${plural(near.entityIds.length - seeds.length, 'entity', 'entities')} within ${plural(task.hops, 'hop')} of ${plural(seeds.length, 'selected entity', 'selected entities')}.`,
          entityIds: near.entityIds,
          linkIds: near.linkIds,
          route: [],
          filters,
        },
      };
    }
  }
}

function noPath(title: string, between: string, filters: FilterReport): Highlight {
  return { title, detail: `No path ${between} in the network as filtered.`, entityIds: [], linkIds: [], route: [], filters };
}

/** Messages between the page and the analysis worker. */
export type AnalysisWorkerRequest = { type: 'run'; id: number; task: AnalysisTask } | { type: 'cancel'; id: number };
export type AnalysisWorkerReply =
  | { type: 'progress'; id: number; done: number; total: number; unit: string }
  | { type: 'done'; id: number; answer: AnalysisAnswer }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };
