/**
 * The WebGL layer (renderer/chart/gl, not yet in the app) on the same nodes and positions as the
 * references: sigma.js's colours and sizes (4 px nodes, 1 px links at the first frame), positions
 * as given (Cytoscape's y-down), fitted to the window with sigma's default 30 px padding.
 * `?edges=lines` or `?edges=quads` draws links that way instead of the layer's choice by count;
 * `?motion=moving` draws the pan/zoom steps as moving frames (the last full frame moved and
 * stretched, the full frame once the view rests) instead of drawing every node and link each step.
 * Marks, besides the first frame: `gl-graph` (JSON parsed and arrays built) and `gl-pixels` (a
 * pixel read back, so the GPU has finished the first frame: diagnostics, not a figure).
 */
// The bench measures the renderer's module itself, bundled into this page; nothing imports e2e/.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { zoomAbout, type Viewport } from '../../../renderer/chart/gl/camera';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { rgba } from '../../../renderer/chart/gl/buffers';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { createGlScene } from '../../../renderer/chart/gl/glScene';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { fitPoints } from '../../../renderer/chart/levelOfDetail';
import { MARK_REFERENCE_FRAME, stepChange, type ReferenceGraph, type ReferenceWindow } from './referenceTypes';

const target = window as unknown as ReferenceWindow;
/** sigma.js's default stage padding (px). */
const PADDING = 30;
/** The sigma page's node size (4) and link size (1), in px. */
const NODE_RADIUS_PX = 4;

function layer(container: HTMLElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%';
  container.appendChild(canvas);
  return canvas;
}

async function main(): Promise<void> {
  const data = JSON.parse(await target.__benchGraphJson()) as ReferenceGraph;
  const n = data.nodes.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const index = new Map<string, number>();
  const labels: string[] = new Array<string>(n);
  data.nodes.forEach((node, i) => {
    x[i] = node.x;
    y[i] = node.y;
    index.set(node.id, i);
    labels[i] = node.label;
  });
  const edges = new Uint32Array(data.edges.length * 2);
  const degree = new Float32Array(n);
  data.edges.forEach((e, k) => {
    const a = index.get(e.source)!;
    const b = index.get(e.target)!;
    edges[2 * k] = a;
    edges[2 * k + 1] = b;
    degree[a]!++;
    degree[b]!++;
  });
  performance.mark('gl-graph');

  const container = document.getElementById('chart') as HTMLElement;
  const canvas = layer(container);
  const labelCanvas = layer(container);
  const query = new URLSearchParams(location.search);
  const edgesAs = query.get('edges');
  const edgeMode = edgesAs === 'lines' || edgesAs === 'quads' ? edgesAs : 'auto';
  const stepKind = query.get('motion') === 'moving' ? 'moving' : 'full';
  const scene = createGlScene(canvas, { labelCanvas, edges: edgeMode });
  const fitted = fitPoints(data.nodes, { width: scene.size.width, height: scene.size.height, padding: PADDING, radius: 0, minZoom: 0, maxZoom: Infinity });
  let view: Viewport = fitted ? { zoom: fitted.zoom, panX: fitted.pan.x, panY: fitted.pan.y } : { zoom: 1, panX: 0, panY: 0 };
  // The radius in model units that draws sigma's 4 px at this fit.
  const radius = new Float32Array(n).fill(NODE_RADIUS_PX / view.zoom);
  scene.setGraph({ x, y, radius, color: new Uint32Array(n).fill(rgba('#7f8c8d')), edges, edgeColor: rgba('#a2abb4'), labels, labelPriority: degree });
  scene.setViewport(view);
  scene.draw();
  performance.mark(MARK_REFERENCE_FRAME);
  const gl = canvas.getContext('webgl2')!;
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  performance.mark('gl-pixels');

  target.__benchStep = (i) => {
    const change = stepChange(i);
    const { width, height } = scene.size;
    view = change.zoom !== 1 ? zoomAbout(view, change.zoom, width / 2, height / 2) : { ...view, panX: view.panX + change.panX, panY: view.panY + change.panY };
    scene.setViewport(view);
    scene.draw(stepKind);
    return Promise.resolve();
  };
  target.__benchReady = true;
}

void main();
