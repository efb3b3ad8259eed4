/**
 * The WebGL layer's labels: which to draw for a viewport (pure: chooseLabels, tested) and their
 * drawing on a 2D canvas laid over the WebGL one (LabelLayer). As a map does with its place
 * names, only nodes on screen drawn large enough to carry a label get one, at most `max`, never
 * two overlapping (a screen grid: a label takes every cell its box touches, and a cell holds one
 * label), the most important first; the selected nodes always carry theirs.
 */
import type { Viewport } from './camera';

export interface LabelOptions {
  /** A node drawn smaller than this radius (CSS px) carries no label unless selected. */
  minRadiusPx: number;
  /** At most this many labels (the selected ones count, and are always drawn). */
  max: number;
  /** A label's box: height (CSS px), and the width of one character (an estimate; a long label is cut at maxChars). */
  lineHeight: number;
  charWidth: number;
  maxChars: number;
  /** The gap between the node's disc and its label. */
  gap: number;
  /** The screen grid's cell (CSS px). */
  cell: number;
}

export const LABEL_DEFAULTS: LabelOptions = { minRadiusPx: 6, max: 300, lineHeight: 14, charWidth: 6.5, maxChars: 24, gap: 3, cell: 16 };

export interface LabelNodes {
  x: Float32Array;
  y: Float32Array;
  /** Model units, drawn as radius × zoom (at least `minDrawnRadiusPx`, as the node shader draws it). */
  radius: Float32Array;
  /** Characters a label has (0 or missing: no label). */
  length: ArrayLike<number>;
  /** Where labels compete, the higher wins (e.g. degree); by drawn radius when missing. */
  priority?: ArrayLike<number>;
  count: number;
}

/** Reusable work arrays, so choosing labels each frame allocates nothing once they are big enough. */
export interface LabelScratch {
  candidates: Int32Array;
  keys: Float64Array;
  taken: Uint8Array;
}

export function labelScratch(): LabelScratch {
  return { candidates: new Int32Array(0), keys: new Float64Array(0), taken: new Uint8Array(0) };
}

/** The label box of node i on screen: left of its text, top, width, height (CSS px). */
export function labelBox(nodes: LabelNodes, i: number, view: Viewport, options: LabelOptions, minDrawnRadiusPx = 0): [number, number, number, number] {
  const r = Math.max(nodes.radius[i]! * view.zoom, minDrawnRadiusPx);
  const sx = nodes.x[i]! * view.zoom + view.panX;
  const sy = nodes.y[i]! * view.zoom + view.panY;
  const w = Math.min(nodes.length[i]!, options.maxChars) * options.charWidth;
  return [sx + r + options.gap, sy - options.lineHeight / 2, w, options.lineHeight];
}

/**
 * The nodes to label on a screen of width × height CSS px, selected ones first, then by priority
 * (higher first, ties to the lower index); `out` receives their indexes and the count is returned.
 */
export function chooseLabels(
  nodes: LabelNodes,
  view: Viewport,
  width: number,
  height: number,
  selected: ArrayLike<number>,
  out: Int32Array,
  options: LabelOptions = LABEL_DEFAULTS,
  minDrawnRadiusPx = 0,
  scratch: LabelScratch = labelScratch(),
): number {
  const cols = Math.max(1, Math.ceil(width / options.cell));
  const rows = Math.max(1, Math.ceil(height / options.cell));
  if (scratch.taken.length < cols * rows) scratch.taken = new Uint8Array(cols * rows);
  const taken = scratch.taken;
  taken.fill(0, 0, cols * rows);
  const limit = Math.min(options.max, out.length);
  let chosen = 0;

  /** Takes the cells under node i's label if all are free (or `force`); whether the label goes on. */
  const place = (i: number, force: boolean): boolean => {
    const [left, top, w, h] = labelBox(nodes, i, view, options, minDrawnRadiusPx);
    const c1 = Math.max(0, Math.floor(left / options.cell));
    const c2 = Math.min(cols - 1, Math.floor((left + w) / options.cell));
    const r1 = Math.max(0, Math.floor(top / options.cell));
    const r2 = Math.min(rows - 1, Math.floor((top + h) / options.cell));
    if (!force) {
      // A label running off the screen is left out: the cells would not hold it.
      if (left < 0 || top < 0 || left + w > width || top + h > height) return false;
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (taken[r * cols + c] !== 0) return false;
    }
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) taken[r * cols + c] = 1;
    return true;
  };

  for (let k = 0; k < selected.length && chosen < limit; k++) {
    const i = selected[k]!;
    if (i < 0 || i >= nodes.count || !(nodes.length[i]! > 0)) continue;
    place(i, true);
    out[chosen++] = i;
  }
  if (chosen >= limit) return chosen;

  // The candidates: on screen, drawn large enough, with a label, not selected.
  if (scratch.candidates.length < nodes.count) {
    scratch.candidates = new Int32Array(nodes.count);
    scratch.keys = new Float64Array(nodes.count);
  }
  const { candidates, keys } = scratch;
  let count = 0;
  for (let i = 0; i < nodes.count; i++) {
    const r = Math.max(nodes.radius[i]! * view.zoom, minDrawnRadiusPx);
    if (r < options.minRadiusPx || !(nodes.length[i]! > 0)) continue;
    const sx = nodes.x[i]! * view.zoom + view.panX;
    const sy = nodes.y[i]! * view.zoom + view.panY;
    if (!(sx + r >= 0 && sx - r <= width && sy + r >= 0 && sy - r <= height)) continue;
    candidates[count++] = i;
  }
  for (let k = 0; k < count; k++) {
    const i = candidates[k]!;
    keys[i] = nodes.priority ? nodes.priority[i]! : nodes.radius[i]!;
  }
  const order = candidates.subarray(0, count).sort((a, b) => keys[b]! - keys[a]! || a - b);
  for (let k = 0; k < order.length && chosen < limit; k++) {
    const i = order[k]!;
    if (isSelected(selected, i)) continue;
    if (place(i, false)) out[chosen++] = i;
  }
  return chosen;
}

function isSelected(selected: ArrayLike<number>, i: number): boolean {
  for (let k = 0; k < selected.length; k++) if (selected[k] === i) return true;
  return false;
}

/** Draws the chosen labels on a 2D canvas the size of the WebGL one, over it. */
export class LabelLayer {
  private readonly context: CanvasRenderingContext2D;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: LabelOptions = LABEL_DEFAULTS,
    private readonly font = '12px system-ui, sans-serif',
    private readonly color = '#1c2127',
  ) {
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D context for the labels');
    this.context = context;
  }

  /** Sizes the backing store to the CSS size × devicePixelRatio (the WebGL canvas's own size). */
  resize(width: number, height: number, pixelRatio: number): void {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    this.context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  }

  draw(nodes: LabelNodes, text: readonly string[], chosen: Int32Array, count: number, view: Viewport, minDrawnRadiusPx: number): void {
    const ctx = this.context;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.restore();
    if (count === 0) return;
    ctx.font = this.font;
    ctx.fillStyle = this.color;
    ctx.textBaseline = 'middle';
    for (let k = 0; k < count; k++) {
      const i = chosen[k]!;
      const [left, top] = labelBox(nodes, i, view, this.options, minDrawnRadiusPx);
      const label = text[i] ?? '';
      ctx.fillText(label.length > this.options.maxChars ? `${label.slice(0, this.options.maxChars - 1)}…` : label, left, top + this.options.lineHeight / 2);
    }
  }
}
