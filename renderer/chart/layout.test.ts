import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { PLACE_STEP_NODES, placeNodesInSteps } from './layout';

/** Cytoscape's batching flag (not in its typings). */
const batching = (core: Core): boolean => (core as unknown as { batching(): boolean }).batching();

/** Placing a large chart's first layout a step a task, inside one Cytoscape batch. */

let cy: Core | null = null;
afterEach(() => {
  cy?.destroy();
  cy = null;
});

const N = PLACE_STEP_NODES * 2 + 10;

function chart(): Core {
  cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: Array.from({ length: N }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` }, position: { x: 0, y: 0 } })),
  });
  return cy;
}

/** Counts its calls. */
function counter(): { add: () => void; readonly count: number } {
  let count = 0;
  return {
    add: () => {
      count += 1;
    },
    get count() {
      return count;
    },
  };
}

const target = new Map(Array.from({ length: N }, (_, i) => [`n${i}`, { x: i + 1, y: -(i + 1) }] as const));

describe('placeNodesInSteps', () => {
  it('moves every node, a step a task, inside one batch, then fits once', async () => {
    const core = chart();
    const batchingAtEachStep: boolean[] = [];
    const fits = counter();
    const placed = await placeNodesInSteps(core, target, fits.add, () => true, async () => {
      batchingAtEachStep.push(batching(core));
      await Promise.resolve();
    });
    expect(placed).toBe(true);
    // Three steps: two yields between them, the chart in its batch at each.
    expect(batchingAtEachStep).toEqual([true, true]);
    expect(batching(core)).toBe(false);
    expect(fits.count).toBe(1);
    expect(core.nodes().map((n) => n.position())).toEqual([...target.values()]);
  });

  it('stops when the chart it was placing is superseded, and still ends its batch', async () => {
    const core = chart();
    const steps = counter();
    const fits = counter();
    const placed = await placeNodesInSteps(core, target, fits.add, () => steps.count < 1, () => {
      steps.add();
      return Promise.resolve();
    });
    expect(placed).toBe(false);
    expect(fits.count).toBe(0);
    expect(batching(core)).toBe(false);
    // The first step's nodes were moved, the rest not.
    expect(core.getElementById('n0').position()).toEqual({ x: 1, y: -1 });
    expect(core.getElementById(`n${PLACE_STEP_NODES - 1}`).position()).toEqual({ x: PLACE_STEP_NODES, y: -PLACE_STEP_NODES });
    expect(core.getElementById(`n${PLACE_STEP_NODES}`).position()).toEqual({ x: 0, y: 0 });
  });
});
