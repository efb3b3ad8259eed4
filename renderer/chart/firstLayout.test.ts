import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { byId } from '../analysis/layoutRunner';
import { firstLayoutRequest, forceLayoutInput } from './firstLayout';
import { computeFirstLayout } from './firstLayoutTasks';

/** A small chart: 30 entities in a ring with chords, each at a fixed point. */
function elements(): ElementDefinition[] {
  const nodes: ElementDefinition[] = Array.from({ length: 30 }, (_, i) => ({
    group: 'nodes',
    data: { id: `n${String(i).padStart(2, '0')}`, label: `Entity ${i}`, typeKey: i % 3 === 0 ? 'person' : 'place' },
    position: { x: Math.cos(i) * 200, y: Math.sin(i) * 200 },
  }));
  const edges: ElementDefinition[] = Array.from({ length: 45 }, (_, i) => ({
    group: 'edges',
    data: { id: `e${String(i).padStart(2, '0')}`, source: `n${String(i % 30).padStart(2, '0')}`, target: `n${String((i * 7 + 3) % 30).padStart(2, '0')}` },
  }));
  return [...nodes, ...edges];
}

/** The same chart with its nodes and links added in another order (as links created in one millisecond load). */
function shuffled(list: ElementDefinition[]): ElementDefinition[] {
  const nodes = list.filter((e) => e.group === 'nodes').reverse();
  const edges = list.filter((e) => e.group === 'edges');
  return [...nodes, ...edges.slice(20), ...edges.slice(0, 20).reverse()];
}

const chart = (defs: ElementDefinition[]) => cytoscape({ headless: true, styleEnabled: true, elements: defs, layout: { name: 'preset' } });

describe('the first layout does not depend on the order the chart was loaded in', () => {
  it('asks the same of fCoSE and gets the same positions back', async () => {
    const a = chart(elements());
    const b = chart(shuffled(elements()));
    // The order differs as drawn…
    expect(a.edges().map((e) => e.id())).not.toEqual(b.edges().map((e) => e.id()));
    // …not as asked.
    const requestA = firstLayoutRequest(a);
    const requestB = firstLayoutRequest(b);
    expect(requestB).toEqual(requestA);
    expect((await computeFirstLayout(requestB, () => 0)).positions).toEqual((await computeFirstLayout(requestA, () => 0)).positions);
  });

  it('gives the large-chart force layout its nodes and links in one order too', () => {
    expect(forceLayoutInput(chart(shuffled(elements())))).toEqual(forceLayoutInput(chart(elements())));
  });

  it('orders nodes and links as byId orders the elements (the order layoutRequest gives fCoSE)', () => {
    const cy = chart(shuffled(elements()));
    const ids = cy.nodes().sort(byId).map((node) => node.id());
    const at = new Map(ids.map((id, i) => [id, i]));
    const edges = cy
      .edges()
      .sort(byId)
      .map((edge) => [at.get(edge.data('source') as string)!, at.get(edge.data('target') as string)!]);
    expect(forceLayoutInput(cy)).toEqual({ ids, edges });
  });
});
