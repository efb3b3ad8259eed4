/** Reference: plain Cytoscape with its default style, on the same elements and positions. */
import cytoscape, { type Core } from 'cytoscape';
import { MARK_REFERENCE_FRAME, stepChange, type ReferenceGraph, type ReferenceWindow } from './referenceTypes';

const target = window as unknown as ReferenceWindow & { __workbenchChart?: { cy: Core } };

function drawn(cy: Core): Promise<void> {
  return new Promise((resolve) => cy.one('render', () => resolve()));
}

async function main(): Promise<void> {
  const graph = JSON.parse(await target.__benchGraphJson()) as ReferenceGraph;
  const container = document.getElementById('chart') as HTMLElement;
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label }, position: { x: n.x, y: n.y } })),
      ...graph.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
    layout: { name: 'preset', fit: true, padding: 36 },
  });
  await drawn(cy);
  performance.mark(MARK_REFERENCE_FRAME);
  target.__workbenchChart = { cy };
  target.__benchStep = async (i) => {
    const change = stepChange(i);
    const done = drawn(cy);
    if (change.zoom !== 1) cy.zoom({ level: cy.zoom() * change.zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else cy.panBy({ x: change.panX, y: change.panY });
    await done;
  };
  target.__benchReady = true;
}

void main();
