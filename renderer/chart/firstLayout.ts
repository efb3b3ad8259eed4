/**
 * The first layout of a chart with unplaced entities, for the chart controller: a provisional
 * placement drawn at once, then the layout computed in a Web Worker (firstLayoutWorker.ts) so the
 * window stays responsive however large the chart.
 */
import type { Core } from 'cytoscape';
import { provisionalPositions, type FirstLayoutInput, type Point } from '../../app/layout/firstLayout';
import { layoutRequest } from '../analysis/layoutRunner';
import { createWorkerClient, type WorkerLike } from '../analysis/workerClient';
import { computeFirstLayout, FCOSE_FIRST_LAYOUT_MAX, type FirstLayoutAnswer, type FirstLayoutRequest } from './firstLayoutTasks';

/** Strings in code-unit order (as `<` compares them, and as byId orders elements). */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chart's nodes and edges as index pairs, for the force layout. Sorted as plain strings: a
 * Cytoscape collection sorted with a comparator that reads each element's id took ~150 ms of the
 * UI thread at 20,000 entities and 50,000 links, once for the provisional placement and once for
 * the layout's request.
 */
export function forceLayoutInput(cy: Core): FirstLayoutInput {
  // In id order, as layoutRequest does, so the same chart gets the same placement however it loaded.
  const ids = cy.nodes().map((node) => node.id());
  ids.sort(compareIds);
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const links = cy.edges().map((edge) => ({ id: edge.id(), source: edge.data('source') as string, target: edge.data('target') as string }));
  links.sort((a, b) => compareIds(a.id, b.id));
  const edges: [number, number][] = [];
  for (const link of links) {
    const a = index.get(link.source);
    const b = index.get(link.target);
    if (a !== undefined && b !== undefined) edges.push([a, b]);
  }
  return { ids, edges };
}

/** Where the nodes are drawn until the first layout comes back: the structure at a glance, no two on one spot. */
export function provisionalPlacement(cy: Core): Map<string, Point> {
  const input = forceLayoutInput(cy);
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

export interface FirstLayoutRunner {
  /** Lays out the chart's nodes as they stand; resolves to every node's position. */
  run: (cy: Core) => Promise<Map<string, Point>>;
  dispose: () => void;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./firstLayoutWorker.ts', import.meta.url), { type: 'module', name: 'first-layout' });

/** Without Web Workers (unit tests in Node) the layout runs where it is called. */
export function createFirstLayoutRunner(start: (() => WorkerLike) | null = typeof Worker === 'undefined' ? null : defaultWorker): FirstLayoutRunner {
  const client = start ? createWorkerClient<FirstLayoutRequest, FirstLayoutAnswer>(start, 'layout') : null;
  return {
    async run(cy) {
      const request = firstLayoutRequest(cy);
      const answer = client ? await client.run(request).promise : await computeFirstLayout(request, () => performance.now());
      return new Map(Object.entries(answer.positions));
    },
    dispose() {
      client?.dispose();
    },
  };
}
