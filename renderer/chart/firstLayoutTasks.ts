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

export interface FirstLayoutAnswer {
  positions: Record<string, Point>;
}

/**
 * A large chart's force layout needs none of Cytoscape: fCoSE (and Cytoscape with it, most of the
 * worker's code) is loaded only for a small chart, so the worker a large chart waits for starts
 * from a small script.
 */
export async function computeFirstLayout(request: FirstLayoutRequest, now: () => number): Promise<FirstLayoutAnswer> {
  if (request.kind === 'fcose') return (await import('../analysis/layoutTasks')).computeLayoutPositions(request.layout);
  const { ids } = request.input;
  const points = firstLayoutPositions(request.input, { budgetMs: firstLayoutBudgetMs(ids.length), now });
  const positions: Record<string, Point> = {};
  ids.forEach((id, i) => {
    positions[id] = points[i]!;
  });
  return { positions };
}

export type FirstLayoutWorkerRequest = { type: 'run'; id: number; layout: FirstLayoutRequest } | { type: 'cancel'; id: number };
export type FirstLayoutWorkerReply = { type: 'done'; id: number; answer: FirstLayoutAnswer } | { type: 'failed'; id: number; message: string; cancelled: boolean };
