/**
 * A large chart's preview drawn on a 2D canvas instead of WebGL, where WebGL is software-rendered
 * (no GPU: a virtual machine, a remote desktop, Chromium's SwiftShader). There every WebGL frame is
 * rasterised by the CPU and then read back by the compositor on the UI thread: 0.13 s for the
 * preview of 1,000 entities, 0.8-2.7 s at 20,000, a task during which the window answers nothing.
 * Chromium's own 2D canvas draws the same picture in a fraction of that (npm run bench, render).
 *
 * The same graph as the WebGL layer draws (glPreview.ts previewGraph), at the same view, sizes and
 * colours: links one CSS pixel wide in one colour, nodes as discs by colour, labels by the same
 * choice (gl/labels.ts). A picture only: it takes no pointer events.
 */
import type { Viewport } from './gl/camera';
import { GL_SCENE_DEFAULTS, type GlGraph } from './gl/glScene';
import { chooseLabels, LABEL_DEFAULTS, LabelLayer, labelScratch } from './gl/labels';

/** Renderer names of WebGL drawn by the CPU: Chromium's SwiftShader, Mesa's llvmpipe and softpipe, Windows' WARP. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|warp/i;

/** Whether a WebGL renderer name (RENDERER and the unmasked one) is a CPU rasteriser. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_RENDERER.test(name);
}

let software: boolean | null = null;

/** Whether WebGL here is drawn by the CPU (checked once per window, on a throwaway context). */
export function webglIsSoftware(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl !== null) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = `${String(gl.getParameter(gl.RENDERER))} ${info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : ''}`;
      software = isSoftwareRenderer(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the WebGL layer says so itself.
  }
  return software;
}

/** 0xRRGGBBAA as a CSS colour. */
export function cssColour(rgba: number): string {
  return `rgba(${rgba >>> 24},${(rgba >>> 16) & 255},${(rgba >>> 8) & 255},${((rgba & 255) / 255).toFixed(3)})`;
}

/** A node is drawn at least this radius (CSS px) however far the chart is zoomed out, as in the WebGL layer. */
const MIN_RADIUS_PX = GL_SCENE_DEFAULTS.minRadiusPx;

/**
 * Draws the graph at the view on `canvas` (its CSS size × devicePixelRatio), on `background`
 * (0xRRGGBBAA), and its labels on `labelCanvas`. Nodes wholly out of view are skipped; links
 * are drawn whole (the canvas clips them).
 */
export function drawFlatGraph(canvas: HTMLCanvasElement, labelCanvas: HTMLCanvasElement, graph: GlGraph, view: Viewport, background: number): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  const ctx = canvas.getContext('2d', { alpha: false });
  if (ctx === null) throw new Error('no 2D context for the preview');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = cssColour(background);
  ctx.fillRect(0, 0, width, height);
  const { zoom, panX, panY } = view;
  const { x, y, radius, color, edges } = graph;
  const count = x.length;

  ctx.strokeStyle = cssColour(graph.edgeColor);
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let k = 0; k + 1 < edges.length; k += 2) {
    const a = edges[k]!;
    const b = edges[k + 1]!;
    if (a >= count || b >= count) continue;
    ctx.moveTo(x[a]! * zoom + panX, y[a]! * zoom + panY);
    ctx.lineTo(x[b]! * zoom + panX, y[b]! * zoom + panY);
  }
  ctx.stroke();

  // One path per colour: a chart has a few dozen entity colours, so a few dozen fills.
  const byColour = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = Math.max(MIN_RADIUS_PX, radius[i]! * zoom);
    const sx = x[i]! * zoom + panX;
    const sy = y[i]! * zoom + panY;
    if (sx + r < 0 || sy + r < 0 || sx - r > width || sy - r > height) continue;
    const c = color[i]!;
    const list = byColour.get(c);
    if (list) list.push(i);
    else byColour.set(c, [i]);
  }
  for (const [c, list] of byColour) {
    ctx.fillStyle = cssColour(c);
    ctx.beginPath();
    for (const i of list) {
      const r = Math.max(MIN_RADIUS_PX, radius[i]! * zoom);
      const sx = x[i]! * zoom + panX;
      const sy = y[i]! * zoom + panY;
      ctx.moveTo(sx + r, sy);
      ctx.arc(sx, sy, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  }

  const layer = new LabelLayer(labelCanvas, LABEL_DEFAULTS);
  layer.resize(canvas.width, canvas.height, ratio);
  const text = graph.labels ?? [];
  const length = new Uint16Array(count);
  for (let i = 0; i < count; i++) length[i] = Math.min(65535, text[i]?.length ?? 0);
  const nodes = { x, y, radius, length, priority: graph.labelPriority, count };
  const chosen = new Int32Array(LABEL_DEFAULTS.max);
  const drawn = chooseLabels(nodes, view, width, height, [], chosen, LABEL_DEFAULTS, MIN_RADIUS_PX, labelScratch());
  layer.draw(nodes, text, chosen, drawn, view, MIN_RADIUS_PX);
}
