/**
 * The first layout of a chart whose entities have no stored positions (a new import): a
 * provisional placement the chart can show at once, then a force-directed refinement meant for a
 * Web Worker. The refinement is Fruchterman–Reingold with the repulsion cut off past two ideal
 * lengths and found through a grid, so an iteration costs O(nodes + links): graphology's
 * ForceAtlas2 (Barnes-Hut) costs about 0.5 s an iteration at 20,000 nodes and fCoSE minutes at
 * 5,000; the render benchmark (`npm run bench`) times them side by side.
 */

export interface FirstLayoutInput {
  /** Node ids; positions come back in the same order. */
  ids: readonly string[];
  /** Links as pairs of indexes into `ids` (loops, repeats and out-of-range pairs are ignored). */
  edges: readonly (readonly [number, number])[];
}

export interface Point {
  x: number;
  y: number;
}

/** The typical length of a link on the chart (px at zoom 1): room for a node's disc and label. */
export const FIRST_LAYOUT_LINK_LENGTH = 110;
/** The ideal distance the forces work in; the result is scaled to FIRST_LAYOUT_LINK_LENGTH. */
const K = 100;
/** At most GRID × GRID cells for the far-field repulsion. */
const GRID = 40;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

interface Adjacency {
  /** Neighbours of node i: targets[offsets[i]] .. targets[offsets[i + 1] - 1]. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Each undirected link once, as index pairs (from, to). */
  from: Int32Array;
  to: Int32Array;
}

function adjacency(input: FirstLayoutInput): Adjacency {
  const n = input.ids.length;
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of input.edges) {
    if (a === b || !(a >= 0 && b >= 0 && a < n && b < n)) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(lo);
    to.push(hi);
  }
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e]! + 1]! += 1;
    offsets[to[e]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  for (let e = 0; e < from.length; e++) {
    targets[fill[from[e]!]!++] = to[e]!;
    targets[fill[to[e]!]!++] = from[e]!;
  }
  return { offsets, targets, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/**
 * A placement in O(nodes log nodes) that already shows the structure: the nodes in breadth-first
 * order (from the best-linked node of each component, biggest components first) laid on a
 * sunflower spiral, so a hub sits amid its neighbours, the next ring holds theirs, and no two nodes
 * share a spot. Shown while the force layout runs, and its start.
 */
function spreadStart(n: number, adj: Adjacency): { x: Float64Array; y: Float64Array } {
  const degree = (i: number) => adj.offsets[i + 1]! - adj.offsets[i]!;
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree(b) - degree(a) || a - b);
  const seen = new Uint8Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (const root of byDegree) {
    if (seen[root]) continue;
    seen[root] = 1;
    let head = tail;
    order[tail++] = root;
    while (head < tail) {
      const node = order[head++]!;
      for (let k = adj.offsets[node]!; k < adj.offsets[node + 1]!; k++) {
        const next = adj.targets[k]!;
        if (!seen[next]) {
          seen[next] = 1;
          order[tail++] = next;
        }
      }
    }
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // One node per K² of area: a spiral of spacing K / sqrt(pi).
  const spacing = K / Math.sqrt(Math.PI);
  for (let rank = 0; rank < n; rank++) {
    const node = order[rank]!;
    const radius = spacing * Math.sqrt(rank + 0.5);
    x[node] = radius * Math.cos(rank * GOLDEN_ANGLE);
    y[node] = radius * Math.sin(rank * GOLDEN_ANGLE);
  }
  return { x, y };
}

/** The provisional placement, scaled to the chart's link length: drawn at once, before the layout. */
export function provisionalPositions(input: FirstLayoutInput): Point[] {
  const adj = adjacency(input);
  const { x, y } = spreadStart(input.ids.length, adj);
  return scaleToLinkLength(Array.from(x, (px, i) => ({ x: px, y: y[i]! })), input.edges);
}

/** Iterations by size: the benchmark's budget (0.5 / 2 / 8 s at 1,000 / 5,000 / 20,000) with room to spare. */
export function firstLayoutIterations(nodeCount: number): number {
  if (nodeCount <= 2000) return 300;
  if (nodeCount <= 8000) return 200;
  return 120;
}

/**
 * The time a first layout may take (ms): the bar (0.5 / 2 / 8 s at 1,000 / 5,000 / 20,000
 * nodes) with a margin; past it the layout cools faster and stops, so a slow machine gets a
 * rougher layout in time rather than a finer one late.
 */
export function firstLayoutBudgetMs(nodeCount: number): number {
  if (nodeCount <= 1000) return 400;
  if (nodeCount <= 5000) return 400 + ((nodeCount - 1000) / 4000) * 1400;
  return 1800 + ((nodeCount - 5000) / 15000) * 5400;
}

export interface FirstLayoutOptions {
  /** Checked between iterations; true stops early (the positions so far are returned). */
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  iterations?: number;
  /** A time budget (ms) and the clock to check it against; without one the layout is deterministic. */
  budgetMs?: number;
  now?: () => number;
}

/**
 * Lays the graph out from the provisional placement; scaled so the median link is
 * FIRST_LAYOUT_LINK_LENGTH long and centred on the origin. Deterministic for the same input.
 *
 * Fruchterman–Reingold forces (repulsion K²/d between every pair, attraction d²/K along links),
 * with the repulsion computed on a grid of at most GRID² cells: exactly between nodes of
 * neighbouring cells, and between cells' centres of mass farther away. An iteration then costs
 * O(nodes + links + cells²) instead of O(nodes²).
 */
export function firstLayoutPositions(input: FirstLayoutInput, options: FirstLayoutOptions = {}): Point[] {
  const n = input.ids.length;
  if (n === 0) return [];
  const adj = adjacency(input);
  const { x, y } = spreadStart(n, adj);
  fitToArea(x, y, n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cellOf = new Int32Array(n);
  const sorted = new Int32Array(n);
  const k2 = K * K;
  const grid = Math.max(4, Math.min(GRID, Math.ceil(Math.sqrt(n / 3))));
  const cells = grid * grid;
  const mass = new Float64Array(cells);
  const cx = new Float64Array(cells);
  const cy = new Float64Array(cells);
  const fx = new Float64Array(cells);
  const fy = new Float64Array(cells);
  const starts = new Int32Array(cells + 1);
  const total = options.iterations ?? firstLayoutIterations(n);
  // The largest step a node may take, cooling from a few link lengths to a fraction of one.
  const hot = K * 4;
  const cold = K * 0.05;
  const now = options.now;
  const budget = options.budgetMs;
  const began = now?.() ?? 0;
  for (let iteration = 0; iteration < total; iteration++) {
    if (options.shouldStop?.()) break;
    // How far the cooling has got: by iterations, or by the time budget when that runs out first.
    const spent = budget !== undefined && now ? (now() - began) / budget : 0;
    const progress = Math.max(iteration / Math.max(1, total - 1), spent);
    if (progress > 1) break;
    dx.fill(0);
    dy.fill(0);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!);
      maxX = Math.max(maxX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    const size = Math.max(maxX - minX, maxY - minY, K) * (1 + 1e-9);
    const cell = size / grid;
    // Nodes sorted by cell (counting sort), each cell's mass and centre of mass.
    starts.fill(0);
    mass.fill(0);
    cx.fill(0);
    cy.fill(0);
    for (let i = 0; i < n; i++) {
      const c = Math.min(grid - 1, Math.floor((x[i]! - minX) / cell)) + Math.min(grid - 1, Math.floor((y[i]! - minY) / cell)) * grid;
      cellOf[i] = c;
      starts[c + 1]! += 1;
      mass[c]! += 1;
      cx[c]! += x[i]!;
      cy[c]! += y[i]!;
    }
    for (let c = 0; c < cells; c++) {
      starts[c + 1]! += starts[c]!;
      if (mass[c]! > 0) {
        cx[c]! /= mass[c]!;
        cy[c]! /= mass[c]!;
      }
    }
    const fill = starts.slice(0, cells);
    for (let i = 0; i < n; i++) sorted[fill[cellOf[i]!]!++] = i;
    // Far field: every pair of non-neighbouring occupied cells, once. It changes slowly: kept
    // for a second iteration (the grid is the same size, so each node still reads its own cell).
    const refresh = iteration % 2 === 0;
    if (refresh) {
      fx.fill(0);
      fy.fill(0);
    }
    for (let a = 0; refresh && a < cells; a++) {
      if (mass[a] === 0) continue;
      const acol = a % grid;
      const arow = (a - acol) / grid;
      for (let b = a + 1; b < cells; b++) {
        if (mass[b] === 0) continue;
        const bcol = b % grid;
        const brow = (b - bcol) / grid;
        if (Math.abs(acol - bcol) <= 1 && Math.abs(arow - brow) <= 1) continue;
        const ex = cx[a]! - cx[b]!;
        const ey = cy[a]! - cy[b]!;
        const d2 = ex * ex + ey * ey + 1e-6;
        const f = k2 / d2;
        fx[a]! += ex * f * mass[b]!;
        fy[a]! += ey * f * mass[b]!;
        fx[b]! -= ex * f * mass[a]!;
        fy[b]! -= ey * f * mass[a]!;
      }
    }
    for (let i = 0; i < n; i++) {
      dx[i]! += fx[cellOf[i]!]!;
      dy[i]! += fy[cellOf[i]!]!;
    }
    // Near field: exact, between nodes of the same or neighbouring cells, each pair once.
    for (let row = 0; row < grid; row++) {
      for (let col = 0; col < grid; col++) {
        const here = col + row * grid;
        for (let a = starts[here]!; a < starts[here + 1]!; a++) {
          const i = sorted[a]!;
          for (let nb = 0; nb < 5; nb++) {
            // This cell (later nodes only), then right, below-left, below, below-right.
            const ncol = col + (nb === 1 || nb === 4 ? 1 : nb === 2 ? -1 : 0);
            const nrow = row + (nb >= 2 ? 1 : 0);
            if (ncol < 0 || ncol >= grid || nrow >= grid) continue;
            const there = ncol + nrow * grid;
            for (let b = nb === 0 ? a + 1 : starts[there]!; b < starts[there + 1]!; b++) {
              const j = sorted[b]!;
              let ex = x[i]! - x[j]!;
              let ey = y[i]! - y[j]!;
              let d2 = ex * ex + ey * ey;
              if (d2 < 1e-6) {
                // Two nodes on one spot: pushed apart along a direction fixed by their indexes.
                ex = Math.cos(i + j);
                ey = Math.sin(i + j);
                d2 = 1e-2;
              }
              const f = k2 / d2;
              dx[i]! += ex * f;
              dy[i]! += ey * f;
              dx[j]! -= ex * f;
              dy[j]! -= ey * f;
            }
          }
        }
      }
    }
    // Attraction along links.
    for (let e = 0; e < adj.from.length; e++) {
      const i = adj.from[e]!;
      const j = adj.to[e]!;
      const ex = x[i]! - x[j]!;
      const ey = y[i]! - y[j]!;
      const f = Math.sqrt(ex * ex + ey * ey) / K;
      dx[i]! -= ex * f;
      dy[i]! -= ey * f;
      dx[j]! += ex * f;
      dy[j]! += ey * f;
    }
    const temperature = hot + (cold - hot) * progress;
    for (let i = 0; i < n; i++) {
      const gx = dx[i]!;
      const gy = dy[i]!;
      const length = Math.sqrt(gx * gx + gy * gy);
      if (length < 1e-9) continue;
      const step = Math.min(length, temperature) / length;
      x[i]! += gx * step;
      y[i]! += gy * step;
    }
    options.onProgress?.(iteration + 1, total);
  }
  return separateCoincident(
    scaleToLinkLength(
      Array.from(x, (px, i) => ({ x: px, y: y[i]! })),
      input.edges,
    ),
  );
}

/**
 * The least distance between two nodes' centres after a first layout (chart units). A layout cut
 * short by its time budget (a busy machine) can leave a hub's leaves on one spot, where they would
 * be drawn as one node; this pass moves such pairs apart.
 */
export const FIRST_LAYOUT_MIN_DISTANCE = 8;

/**
 * Moves apart every two points closer than `min`, each by half the shortfall along the line
 * between them (along a direction fixed by their indexes when they coincide); a few rounds on a
 * grid of cells `min` wide, so it costs O(n) a round. Rounded to 0.1 like scaleToLinkLength.
 */
export function separateCoincident(points: readonly Point[], min = FIRST_LAYOUT_MIN_DISTANCE, rounds = 24): Point[] {
  const n = points.length;
  const x = Float64Array.from(points, (p) => p.x);
  const y = Float64Array.from(points, (p) => p.y);
  for (let round = 0; round < rounds; round++) {
    const cells = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor(x[i]! / min)},${Math.floor(y[i]! / min)}`;
      const list = cells.get(key);
      if (list) list.push(i);
      else cells.set(key, [i]);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i]! / min);
      const cy = Math.floor(y[i]! / min);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const j of cells.get(`${cx + ox},${cy + oy}`) ?? []) {
            if (j <= i) continue;
            let ex = x[j]! - x[i]!;
            let ey = y[j]! - y[i]!;
            let d = Math.hypot(ex, ey);
            if (d >= min) continue;
            if (d < 1e-9) {
              ex = Math.cos(i + j);
              ey = Math.sin(i + j);
              d = 1;
            } else {
              ex /= d;
              ey /= d;
            }
            const push = (min - Math.min(d, min)) / 2 + 0.05;
            x[i]! -= ex * push;
            y[i]! -= ey * push;
            x[j]! += ex * push;
            y[j]! += ey * push;
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  return Array.from(x, (px, i) => ({ x: Math.round(px * 10) / 10, y: Math.round(y[i]! * 10) / 10 }));
}

/** Scales a placement about its centre so it covers about K² a node: the forces' natural density. */
function fitToArea(x: Float64Array, y: Float64Array, n: number): void {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let spread = 0;
  for (let i = 0; i < n; i++) spread += (x[i]! - mx) ** 2 + (y[i]! - my) ** 2;
  const rms = Math.sqrt(spread / n);
  // A uniform disc of area n·K² has an RMS radius of K·sqrt(n / 2π).
  const wanted = K * Math.sqrt(n / (2 * Math.PI));
  const scale = rms > 1e-9 ? wanted / rms : 1;
  for (let i = 0; i < n; i++) {
    x[i] = (x[i]! - mx) * scale;
    y[i] = (y[i]! - my) * scale;
  }
}

/** Scales and centres positions so the median link has the chart's typical length. */
export function scaleToLinkLength(points: readonly Point[], edges: FirstLayoutInput['edges']): Point[] {
  const lengths: number[] = [];
  for (const [a, b] of edges) {
    const p = points[a];
    const q = points[b];
    if (a !== b && p && q) lengths.push(Math.hypot(p.x - q.x, p.y - q.y));
  }
  lengths.sort((x, y) => x - y);
  const typical = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const scale = typical > 1e-9 ? FIRST_LAYOUT_LINK_LENGTH / typical : 1;
  let cx = 0;
  let cy = 0;
  for (const p of points) {
    cx += p.x;
    cy += p.y;
  }
  cx /= Math.max(1, points.length);
  cy /= Math.max(1, points.length);
  return points.map((p) => ({ x: Math.round((p.x - cx) * scale * 10) / 10, y: Math.round((p.y - cy) * scale * 10) / 10 }));
}
