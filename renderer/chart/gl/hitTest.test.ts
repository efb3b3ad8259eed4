import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHitGrid, nodeAt } from './hitTest';

/** The answer without a grid: the highest index whose disc holds the point. */
function bruteForce(x: Float32Array, y: Float32Array, radius: Float32Array, px: number, py: number, minRadius: number): number {
  let best = -1;
  for (let i = 0; i < x.length; i++) {
    const r = Math.max(radius[i]!, minRadius);
    if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!) && (x[i]! - px) ** 2 + (y[i]! - py) ** 2 <= r * r) best = i;
  }
  return best;
}

describe('hit test', () => {
  const x = new Float32Array([0, 100, 105, 1000]);
  const y = new Float32Array([0, 0, 0, 1000]);
  const radius = new Float32Array([10, 10, 10, 50]);
  const grid = buildHitGrid(x, y, radius);

  it('finds the node whose disc holds the point, and none between discs', () => {
    expect(nodeAt(grid, x, y, radius, 3, -4)).toBe(0);
    expect(nodeAt(grid, x, y, radius, 50, 0)).toBe(-1);
    expect(nodeAt(grid, x, y, radius, 1040, 1000)).toBe(3);
    expect(nodeAt(grid, x, y, radius, 1051, 1000)).toBe(-1);
    expect(nodeAt(grid, x, y, radius, -5000, 0)).toBe(-1);
  });

  it('gives the disc drawn on top (the later one) where two overlap', () => {
    expect(nodeAt(grid, x, y, radius, 102, 0)).toBe(2);
    expect(nodeAt(grid, x, y, radius, 93, 0)).toBe(1);
  });

  it('widens small discs to the smallest drawn radius', () => {
    expect(nodeAt(grid, x, y, radius, 30, 0)).toBe(-1);
    expect(nodeAt(grid, x, y, radius, 30, 0, 40)).toBe(0);
  });

  it('leaves out nodes without a position, and copes with none at all', () => {
    const nx = new Float32Array([Number.NaN, 5]);
    const ny = new Float32Array([0, 5]);
    const r = new Float32Array([1000, 1]);
    expect(nodeAt(buildHitGrid(nx, ny, r), nx, ny, r, 0, 0)).toBe(-1);
    const empty = new Float32Array(0);
    expect(nodeAt(buildHitGrid(empty, empty, empty), empty, empty, empty, 0, 0)).toBe(-1);
  });

  it('answers as a look at every node does, on random charts and points', () => {
    const coordinate = fc.float({ min: -500, max: 500, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordinate, coordinate, fc.float({ min: 0, max: 40, noNaN: true })), { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 20 }),
        fc.float({ min: 0, max: 20, noNaN: true }),
        (nodes, points, minRadius) => {
          const px = Float32Array.from(nodes, (n) => n[0]);
          const py = Float32Array.from(nodes, (n) => n[1]);
          const pr = Float32Array.from(nodes, (n) => n[2]);
          const g = buildHitGrid(px, py, pr);
          for (const [qx, qy] of points) expect(nodeAt(g, px, py, pr, qx, qy, minRadius)).toBe(bruteForce(px, py, pr, qx, qy, minRadius));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the grid small when a few nodes are far away', () => {
    const far = new Float32Array(1000).fill(0);
    far[0] = 1e7;
    const farY = new Float32Array(1000).fill(0);
    farY[1] = 1e7;
    const g = buildHitGrid(far, farY, new Float32Array(1000).fill(1));
    expect(g.cols * g.rows).toBeLessThanOrEqual(1000 * 4 + 16);
    expect(nodeAt(g, far, farY, new Float32Array(1000).fill(1), 1e7, 0)).toBe(0);
  });
});
