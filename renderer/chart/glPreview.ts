/**
 * The first frame of a large chart, drawn by the WebGL layer (gl/) while Cytoscape builds its
 * model (issue #14). Building Cytoscape's elements and styles for 20,000 entities takes seconds of
 * one task, during which the window would show nothing; the WebGL layer draws the same entities
 * at the same places, sizes and colours, and the same view, in a fraction of that. Its canvases sit
 * over Cytoscape's until Cytoscape has drawn its own first frame, then go.
 *
 * It is a picture, not the chart: nothing on it can be clicked (the canvases take no pointer
 * events), and the chart is editable once Cytoscape is ready, as before.
 */
import type { ChartElement } from '../../app/chartElements';
import type { ChartSketch } from '../../app/contract';
import { entityTypeDefinition } from '../../app/entityTypes';
import { drawFlatGraph, webglIsSoftware } from './flatPreview';
import { rgba, withAlpha } from './gl/buffers';
import type { Viewport } from './gl/camera';
import { createGlScene, nodeArrays, type GlGraph, type GlScene } from './gl/glScene';
import { NODE_BORDER_WIDTH, nodeSizeForDegree, type ChartPalette } from './stylesheet';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The layer's graph for the chart's elements: each node where it is stored, as large as
 * Cytoscape draws it and in its colour (the analyst's own, else its type's); the links between
 * them in the palette's link colour. Null when a node has no stored position (such a chart is laid
 * out first, and drawn at its provisional placement by Cytoscape).
 */
export function previewGraph(
  elements: readonly ChartElement[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
  palette: ChartPalette,
  zoom: number,
): GlGraph | null {
  let nodeCount = 0;
  let edgeCount = 0;
  for (const element of elements) {
    if (element.group === 'nodes') nodeCount += 1;
    else edgeCount += 1;
  }
  const arrays = nodeArrays(nodeCount);
  const { x, y, radius, color, labels, labelPriority: priority, index } = arrays;
  let i = 0;
  for (const element of elements) {
    if (element.group !== 'nodes') continue;
    const { data } = element;
    const p = positions.get(data.id);
    if (!p) return null;
    setNode(arrays, i, p.x, p.y, data.degree, data.color, data.typeKey, data.label);
    index.set(data.id, i);
    i += 1;
  }
  const edges = new Uint32Array(edgeCount * 2);
  let k = 0;
  for (const element of elements) {
    if (element.group !== 'edges') continue;
    const a = index.get(element.data.source);
    const b = index.get(element.data.target);
    if (a === undefined || b === undefined) continue;
    edges[k++] = a;
    edges[k++] = b;
  }
  return { x, y, radius, color, edges: k === edges.length ? edges : edges.slice(0, k), edgeColor: linkColour(palette, zoom), labels, labelPriority: priority };
}

/** Node i of the layer's graph, as Cytoscape draws it: its size by degree, its own colour else its type's. */
function setNode(arrays: ReturnType<typeof nodeArrays>, i: number, x: number, y: number, degree: number, own: unknown, type: string, label: string): void {
  arrays.x[i] = x;
  arrays.y[i] = y;
  arrays.radius[i] = nodeSizeForDegree(degree) / 2 + NODE_BORDER_WIDTH / 2;
  arrays.color[i] = rgba(typeof own === 'string' && HEX.test(own) ? own : entityTypeDefinition(type).color);
  arrays.labels[i] = label;
  arrays.labelPriority[i] = degree;
}

/**
 * The layer's graph for a chart's sketch (chart.sketch: places, types, colours, labels, link
 * ends), the same picture previewGraph makes from the chart's elements: degrees counted as
 * chartElements counts them (a link to itself once).
 */
export function sketchGraph(sketch: ChartSketch, palette: ChartPalette, zoom: number): GlGraph {
  const count = sketch.x.length;
  const degree = new Uint32Array(count);
  const edges = new Uint32Array(sketch.links.length);
  for (let k = 0; k + 1 < sketch.links.length; k += 2) {
    const a = sketch.links[k]!;
    const b = sketch.links[k + 1]!;
    edges[k] = a;
    edges[k + 1] = b;
    degree[a]! += 1;
    if (b !== a) degree[b]! += 1;
  }
  const arrays = nodeArrays(count);
  for (let i = 0; i < count; i++) {
    setNode(arrays, i, sketch.x[i]!, sketch.y[i]!, degree[i]!, sketch.color[i], sketch.types[sketch.type[i]!] ?? '', sketch.label[i] ?? '');
  }
  const { x, y, radius, color, labels, labelPriority } = arrays;
  return { x, y, radius, color, edges, edgeColor: linkColour(palette, zoom), labels, labelPriority };
}

/** The stylesheet's link width (px at zoom 1). */
export const LINK_WIDTH = 1.4;

/**
 * The links' colour at a zoom: Cytoscape draws a link LINK_WIDTH × zoom px wide, so zoomed out
 * below one pixel it shows faint; the layer draws one pixel, as opaque as that width covers.
 */
export function linkColour(palette: ChartPalette, zoom: number): number {
  return withAlpha(rgba(palette.affiliation), Math.max(0.15, LINK_WIDTH * zoom));
}

/** A CSS colour as computed by the browser ("rgb(r, g, b)" or "rgba(…)") as 0xRRGGBBAA; null if it is not one (or transparent). */
export function computedColour(css: string): number | null {
  const match = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(css.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : Number(match[4]);
  if (alpha === 0) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((v) => Math.min(255, Number(v)));
  return (((r! << 24) | (g! << 16) | (b! << 8) | 255) >>> 0);
}

export interface GlPreview {
  /**
   * Draws the graph at the view now (synchronously); false when WebGL cannot (the chart draws
   * without the layer). 'over' Cytoscape's canvases (a preview: Cytoscape has drawn nothing yet),
   * or 'under' them (glMotion.ts: the layer draws a large chart's bulk, Cytoscape its detail on top).
   * A layer already shown in the same place keeps its canvases and WebGL context.
   */
  draw(graph: GlGraph, view: Viewport, place?: 'over' | 'under', prepare?: (scene: GlScene) => void): boolean;
  /**
   * Draws a chart's preview over Cytoscape's canvases, by whatever draws it fastest here: the
   * WebGL layer, or a 2D canvas where WebGL is software-rendered (flatPreview.ts). `drawer`
   * forces one ('auto': choose). Returns what drew it, or null when neither could.
   */
  picture(graph: GlGraph, view: Viewport, drawer?: 'auto' | 'webgl' | 'canvas'): 'webgl' | 'canvas' | null;
  /** Shows or clears the layer's labels (drawn while the view moves; at rest Cytoscape draws the labels). */
  showLabels(shown: boolean): void;
  /** Takes the layer away (its canvases and WebGL resources); harmless when none is shown. */
  hide(): void;
  readonly shown: boolean;
  /** The layer can draw (WebGL2 was there when last tried, and no context was lost). */
  readonly usable: boolean;
  /** Where the layer is shown: over Cytoscape's canvases (a preview), under them, or nowhere. */
  readonly place: 'over' | 'under' | null;
  /** The layer's scene while it is shown, to move the view without drawing the graph anew. */
  readonly scene: GlScene | null;
}

/**
 * The scene never draws a full frame by itself after moving frames: the chart knows when the view
 * has rested (glMotion.ts) and asks for it, once.
 */
const NO_SELF_SETTLE_MS = 2 ** 30;

export function glPreview(container: HTMLElement): GlPreview {
  let canvases: HTMLCanvasElement[] = [];
  let labelCanvas: HTMLCanvasElement | null = null;
  let scene: GlScene | null = null;
  let placed: 'over' | 'under' = 'over';
  /** The 2D preview's canvases while it is shown (picture). */
  let flat: HTMLCanvasElement | null = null;
  /** A context was lost once, or WebGL2 refused: the chart draws without the layer from then on. */
  let lost = false;
  const hide = () => {
    scene?.destroy();
    scene = null;
    flat = null;
    for (const canvas of canvases) canvas.remove();
    canvases = [];
    labelCanvas = null;
  };
  const layer = (place: 'over' | 'under', labels: boolean) => {
    const canvas = document.createElement('canvas');
    canvas.className = place === 'over' ? 'chart-gl-preview' : 'chart-gl-layer';
    canvas.setAttribute('aria-hidden', 'true');
    // Taking no pointer events: the chart's own (Cytoscape's) canvases answer the mouse. Over them
    // (a picture until the chart is ready, or labels while the view moves), or under them: first
    // in the container, painted before Cytoscape's canvas container at the same z-index.
    const z = place === 'over' || labels ? 10 : 0;
    canvas.style.cssText = `position:absolute;inset:0;width:100%;height:100%;pointer-events:none;z-index:${z}`;
    if (place === 'under' && !labels) container.insertBefore(canvas, container.firstChild);
    else container.appendChild(canvas);
    canvases.push(canvas);
    return canvas;
  };
  /** The layer's background: the chart's own over Cytoscape's canvases, transparent under them. */
  const background = (place: 'over' | 'under') => (place === 'under' ? 0 : (computedColour(getComputedStyle(container).backgroundColor) ?? rgba('#ffffff')));
  const draw: GlPreview['draw'] = (graph, view, place = 'over', prepare) => {
    if (lost) return false;
    if (scene !== null && placed === place) {
      scene.setGraph(graph);
      prepare?.(scene);
      scene.setViewport(view);
      scene.resize();
      scene.draw();
      return true;
    }
    hide();
    placed = place;
    try {
      const canvas = layer(place, false);
      canvas.addEventListener('webglcontextlost', () => {
        lost = true;
        hide();
      });
      labelCanvas = layer(place, true);
      // No border ring of a darker shade: Cytoscape's border is the canvas's colour, a hairline at this zoom.
      // Under Cytoscape's canvases the layer is transparent, the chart's own background showing through it.
      scene = createGlScene(canvas, { labelCanvas, background: background(place), borderShade: 1, settleMs: NO_SELF_SETTLE_MS });
      scene.setGraph(graph);
      prepare?.(scene);
      scene.setViewport(view);
      scene.draw();
      return true;
    } catch {
      // No WebGL2 here (or a context refused): Cytoscape draws the chart itself, from now on.
      lost = true;
      hide();
      return false;
    }
  };
  return {
    draw,
    picture(graph, view, drawer = 'auto') {
      if (drawer === 'webgl' || (drawer === 'auto' && !webglIsSoftware())) return draw(graph, view, 'over') ? 'webgl' : null;
      hide();
      placed = 'over';
      try {
        const canvas = layer('over', false);
        const labels = layer('over', true);
        drawFlatGraph(canvas, labels, graph, view, background('over'));
        flat = canvas;
        return 'canvas';
      } catch {
        hide();
        return null;
      }
    },
    showLabels(shown) {
      if (labelCanvas) labelCanvas.style.visibility = shown ? 'visible' : 'hidden';
    },
    hide,
    get shown() {
      return scene !== null || flat !== null;
    },
    get usable() {
      return !lost;
    },
    get place() {
      return scene === null && flat === null ? null : placed;
    },
    get scene() {
      return scene;
    },
  };
}
