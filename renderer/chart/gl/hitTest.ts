/**
 * Which node is under a point: a uniform grid over the model's extent, each cell listing the
 * nodes whose centre falls in it (a counting sort: two Int32Arrays, no per-node objects). Built
 * once per set of positions; a query looks at the cells within the largest radius of the point.
 * Where discs overlap, the one drawn last (the highest index: instances draw in order) wins.
 */

export interface HitGrid {
  x1: number;
  y1: number;
  cell: number;
  cols: number;
  rows: number;
  /** Cell c's nodes are order[start[c]] .. order[start[c + 1] - 1]. */
  start: Int32Array;
  order: Int32Array;
  maxRadius: number;
}

/** About this many nodes a cell on average, but never a cell narrower than the largest disc. */
const NODES_PER_CELL = 2;
/** The grid never holds more cells than this many per node (a few far-flung nodes would ask for millions). */
const MAX_CELLS_PER_NODE = 4;

export function buildHitGrid(x: Float32Array, y: Float32Array, radius: Float32Array, count = x.length): HitGrid {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let maxRadius = 0;
  let placed = 0;
  for (let i = 0; i < count; i++) {
    const px = x[i]!;
    const py = y[i]!;
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    placed++;
    if (px < x1) x1 = px;
    if (px > x2) x2 = px;
    if (py < y1) y1 = py;
    if (py > y2) y2 = py;
    if (radius[i]! > maxRadius) maxRadius = radius[i]!;
  }
  if (placed === 0) return { x1: 0, y1: 0, cell: 1, cols: 1, rows: 1, start: new Int32Array(2), order: new Int32Array(0), maxRadius: 0 };
  const spanX = Math.max(x2 - x1, 1e-9);
  const spanY = Math.max(y2 - y1, 1e-9);
  let cell = Math.max(maxRadius * 2, Math.sqrt((spanX * spanY * NODES_PER_CELL) / placed), 1e-9);
  while ((Math.floor(spanX / cell) + 1) * (Math.floor(spanY / cell) + 1) > placed * MAX_CELLS_PER_NODE + 16) cell *= 1.5;
  const cols = Math.floor(spanX / cell) + 1;
  const rows = Math.floor(spanY / cell) + 1;
  const start = new Int32Array(cols * rows + 1);
  const cellOf = (i: number) => Math.min(rows - 1, Math.floor((y[i]! - y1) / cell)) * cols + Math.min(cols - 1, Math.floor((x[i]! - x1) / cell));
  for (let i = 0; i < count; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) start[cellOf(i) + 1]!++;
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const order = new Int32Array(placed);
  for (let i = 0; i < count; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) order[fill[cellOf(i)]!++] = i;
  return { x1, y1, cell, cols, rows, start, order, maxRadius };
}

/**
 * The node whose disc holds model point (px, py), or -1. A disc is at least `minRadius` (model
 * units: the shader's smallest drawn radius and any click slack, divided by the zoom).
 */
export function nodeAt(grid: HitGrid, x: Float32Array, y: Float32Array, radius: Float32Array, px: number, py: number, minRadius = 0): number {
  const reach = Math.max(grid.maxRadius, minRadius);
  const c1 = Math.max(0, Math.floor((px - reach - grid.x1) / grid.cell));
  const c2 = Math.min(grid.cols - 1, Math.floor((px + reach - grid.x1) / grid.cell));
  const r1 = Math.max(0, Math.floor((py - reach - grid.y1) / grid.cell));
  const r2 = Math.min(grid.rows - 1, Math.floor((py + reach - grid.y1) / grid.cell));
  let best = -1;
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const cell = r * grid.cols + c;
      for (let k = grid.start[cell]!; k < grid.start[cell + 1]!; k++) {
        const i = grid.order[k]!;
        if (i <= best) continue;
        const dx = x[i]! - px;
        const dy = y[i]! - py;
        const rr = Math.max(radius[i]!, minRadius);
        if (dx * dx + dy * dy <= rr * rr) best = i;
      }
    }
  }
  return best;
}
