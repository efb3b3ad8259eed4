/** Reference: sigma.js v3 + graphology with its default settings, on the same nodes and positions. */
import Graph from 'graphology';
import Sigma from 'sigma';
import { MARK_REFERENCE_FRAME, stepChange, type ReferenceGraph, type ReferenceWindow } from './referenceTypes';

const target = window as unknown as ReferenceWindow;

async function main(): Promise<void> {
  const data = JSON.parse(await target.__benchGraphJson()) as ReferenceGraph;
  const graph = new Graph({ multi: true, type: 'undirected' });
  // Cytoscape's y grows downwards, graphology's upwards: flipped so both draw the same picture.
  for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: -n.y, size: 4, label: n.label, color: '#7f8c8d' });
  for (const e of data.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { size: 1, color: '#a2abb4' });
  const container = document.getElementById('chart') as HTMLElement;
  // The constructor draws the first frame synchronously.
  const sigma = new Sigma(graph, container);
  performance.mark(MARK_REFERENCE_FRAME);
  const camera = sigma.getCamera();
  target.__benchStep = async (i) => {
    const change = stepChange(i);
    const done = new Promise<void>((resolve) => sigma.once('afterRender', () => resolve()));
    const state = camera.getState();
    const { width, height } = sigma.getDimensions();
    if (change.zoom !== 1) camera.setState({ ratio: state.ratio / change.zoom });
    else camera.setState({ x: state.x - change.panX / width * state.ratio, y: state.y + change.panY / height * state.ratio });
    await done;
  };
  target.__benchReady = true;
}

void main();
