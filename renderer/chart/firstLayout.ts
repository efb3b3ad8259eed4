/**
 * The first layout of a chart with unplaced entities, for the chart controller: a provisional
 * placement drawn at once, then the layout computed in a Web Worker (firstLayoutWorker.ts) so the
 * window stays responsive however large the chart.
 */
import type { Core } from 'cytoscape';
import type { ChartElement } from '../../app/chartElements';
import { provisionalPositions, type FirstLayoutInput, type Point } from '../../app/layout/firstLayout';
import { layoutRequest } from '../analysis/layoutRunner';
import { createWorkerClient, JobCancelledError, type WorkerLike } from '../analysis/workerClient';
import { computeFirstLayout, FCOSE_FIRST_LAYOUT_MAX, type FirstLayoutAnswer, type FirstLayoutRequest } from './firstLayoutTasks';

/** Strings in code-unit order (as `<` compares them, and as byId orders elements). */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Nodes and links as index pairs, for the force layout. Sorted as plain strings: a Cytoscape
 * collection sorted with a comparator that reads each element's id took ~150 ms of the UI thread
 * at 20,000 entities and 50,000 links, once for the provisional placement and once for the
 * layout's request.
 */
function indexedInput(ids: string[], links: { id: string; source: string; target: string }[]): FirstLayoutInput {
  // In id order, as layoutRequest does, so the same chart gets the same placement however it loaded.
  ids.sort(compareIds);
  const index = new Map(ids.map((id, i) => [id, i] as const));
  links.sort((a, b) => compareIds(a.id, b.id));
  const edges: [number, number][] = [];
  for (const link of links) {
    const a = index.get(link.source);
    const b = index.get(link.target);
    if (a !== undefined && b !== undefined) edges.push([a, b]);
  }
  return { ids, edges };
}

/** The chart's nodes and edges as drawn, for the force layout. */
export function forceLayoutInput(cy: Core): FirstLayoutInput {
  return indexedInput(
    cy.nodes().map((node) => node.id()),
    cy.edges().map((edge) => ({ id: edge.id(), source: edge.data('source') as string, target: edge.data('target') as string })),
  );
}

/**
 * The same input from the elements the chart is about to draw (the nodes and links Cytoscape
 * holds once they are applied), so the layout can start before Cytoscape is built.
 */
export function elementsLayoutInput(elements: readonly ChartElement[]): FirstLayoutInput {
  const ids: string[] = [];
  const links: { id: string; source: string; target: string }[] = [];
  for (const element of elements) {
    if (element.group === 'nodes') ids.push(element.data.id);
    else links.push({ id: element.data.id, source: element.data.source, target: element.data.target });
  }
  return indexedInput(ids, links);
}

/** Where the nodes are drawn until the first layout comes back: the structure at a glance, no two on one spot. */
export function provisionalPlacement(cy: Core, input: FirstLayoutInput = forceLayoutInput(cy)): Map<string, Point> {
  const points = provisionalPositions(input);
  return new Map(input.ids.map((id, i) => [id, points[i]!] as const));
}

/** What the worker is asked: fCoSE with the nodes' drawn boxes for a small chart, the force layout for a large one. */
export function firstLayoutRequest(cy: Core): FirstLayoutRequest {
  if (cy.nodes().length > FCOSE_FIRST_LAYOUT_MAX) return { kind: 'force', input: forceLayoutInput(cy) };
  return {
    kind: 'fcose',
    layout: layoutRequest(cy, { name: 'fcose', pinned: new Set(), values: null, typeOf: (id) => String(cy.getElementById(id).data('typeKey') ?? 'other'), seed: 1 }),
  };
}

export interface LaidOut {
  positions: Map<string, Point>;
  /** How long the force layout computed, in its worker (null for fCoSE). */
  computedMs: number | null;
}

export interface FirstLayoutJob {
  /** Every node's position; rejects with JobCancelledError once cancelled. */
  promise: Promise<LaidOut>;
  /** Drops the job; a worker still computing it is stopped, so the next layout does not wait for it. */
  cancel: () => void;
}

export interface FirstLayoutRunner {
  /** Starts a layout: a request made from the chart as drawn (firstLayoutRequest) or from the elements about to be. */
  start: (request: FirstLayoutRequest) => FirstLayoutJob;
  /** Lays out the chart's nodes as they stand; resolves to every node's position. */
  run: (cy: Core) => Promise<Map<string, Point>>;
  /**
   * Loads the worker now (a 5 KB script), so a layout asked while this thread is busy building
   * the chart starts at once: a worker first created then would only start once the build ends.
   */
  warm: () => void;
  dispose: () => void;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./firstLayoutWorker.ts', import.meta.url), { type: 'module', name: 'first-layout' });

/** The answer as positions by id (the force layout's come back as one array in the input's order). */
function laidOutBy(request: FirstLayoutRequest, answer: FirstLayoutAnswer): LaidOut {
  if ('positions' in answer) return { positions: new Map(Object.entries(answer.positions)), computedMs: null };
  const { xy } = answer;
  const ids = request.kind === 'force' ? request.input.ids : [];
  if (xy.length !== ids.length * 2) throw new Error(`The layout answered ${xy.length / 2} positions for ${ids.length} entities.`);
  return { positions: new Map(ids.map((id, i) => [id, { x: xy[2 * i]!, y: xy[2 * i + 1]! }] as const)), computedMs: answer.ms };
}

/** Without Web Workers (unit tests in Node) the layout runs where it is called. */
export function createFirstLayoutRunner(start: (() => WorkerLike) | null = typeof Worker === 'undefined' ? null : defaultWorker): FirstLayoutRunner {
  const client = start ? createWorkerClient<FirstLayoutRequest, FirstLayoutAnswer>(start, 'layout') : null;
  /** Jobs the worker has not answered yet. */
  const unanswered = new Set<object>();
  const runner: FirstLayoutRunner = {
    start(request) {
      const job = {};
      let cancelled = false;
      let rejectCancelled: (error: Error) => void = () => undefined;
      const cancelledPromise = new Promise<never>((_, reject) => {
        rejectCancelled = reject;
      });
      const answer = client ? client.run(request).promise : computeFirstLayout(request, () => performance.now());
      unanswered.add(job);
      const settled = answer.finally(() => unanswered.delete(job));
      const promise = Promise.race([settled.then((a) => laidOutBy(request, a)), cancelledPromise]);
      // A cancelled job's own answer (or failure) is dropped.
      settled.catch(() => undefined);
      return {
        promise,
        cancel() {
          if (cancelled || !unanswered.has(job)) return;
          cancelled = true;
          unanswered.delete(job);
          rejectCancelled(new JobCancelledError());
          // The worker computes one layout in one task and reads no message meanwhile: stopped
          // here (started again on the next run) rather than left to finish a layout no one waits for.
          if (unanswered.size === 0) {
            client?.dispose();
            client?.warm();
          }
        },
      };
    },
    async run(cy) {
      return (await runner.start(firstLayoutRequest(cy)).promise).positions;
    },
    warm() {
      client?.warm();
    },
    dispose() {
      client?.dispose();
    },
  };
  return runner;
}
