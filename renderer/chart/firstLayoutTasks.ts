/**
 * The first layout of a chart whose entities have no stored positions, as messages for the
 * first-layout worker (firstLayoutWorker.ts). A small chart gets the analyst's fCoSE layout
 * (labels kept apart); a large one the grid-accelerated force layout of app/layout/firstLayout.ts,
 * which fCoSE cannot match in time (`npm run bench`, render section, times both).
 */
import { firstLayoutBudgetMs, firstLayoutPositions, type FirstLayoutInput, type Point } from '../../app/layout/firstLayout';
import type { LayoutRequest } from '../analysis/layoutTasks';

/** Above this many nodes the first layout is the force layout, not fCoSE (fCoSE takes seconds past a few hundred). */
export const FCOSE_FIRST_LAYOUT_MAX = 300;

export type FirstLayoutRequest = { kind: 'fcose'; layout: LayoutRequest } | { kind: 'force'; input: FirstLayoutInput };

/**
 * fCoSE's positions by id, or the force layout's as x, y pairs in the order of its input's ids
 * (one transferable array) with the milliseconds it took.
 */
export type FirstLayoutAnswer = { positions: Record<string, Point> } | { xy: Float64Array; ms: number };

/**
 * A large chart's force layout needs none of Cytoscape: fCoSE (and Cytoscape with it, most of the
 * worker's code) is loaded only for a small chart, so the worker a large chart waits for starts
 * from a small script.
 */
export async function computeFirstLayout(request: FirstLayoutRequest, now: () => number): Promise<FirstLayoutAnswer> {
  if (request.kind === 'fcose') return (await import('../analysis/layoutTasks')).computeLayoutPositions(request.layout);
  const { ids } = request.input;
  const started = now();
  const points = firstLayoutPositions(request.input, { budgetMs: firstLayoutBudgetMs(ids.length), now });
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return { xy, ms: now() - started };
}

export type FirstLayoutWorkerRequest = { type: 'run'; id: number; layout: FirstLayoutRequest } | { type: 'cancel'; id: number };
export type FirstLayoutWorkerReply = { type: 'done'; id: number; answer: FirstLayoutAnswer } | { type: 'failed'; id: number; message: string; cancelled: boolean };
