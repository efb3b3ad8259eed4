import { describe, expect, it } from 'vitest';
import { findFreeSpot, type Point } from './freeSpot';

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('findFreeSpot', () => {
  it('keeps the wanted point when nothing is near it', () => {
    expect(findFreeSpot({ x: 10, y: 10 }, [{ x: 500, y: 500 }], 80)).toEqual({ x: 10, y: 10 });
  });

  it('moves off an entity standing on the wanted point, no further than it must', () => {
    const spot = findFreeSpot({ x: 0, y: 0 }, [{ x: 0, y: 0 }], 80);
    expect(distance(spot, { x: 0, y: 0 })).toBeGreaterThanOrEqual(80 - 1e-9);
    expect(distance(spot, { x: 0, y: 0 })).toBeLessThanOrEqual(80 + 1e-9);
  });

  it('finds room in a dense grid, clear of every entity, near where the analyst looks', () => {
    const grid: Point[] = [];
    for (let i = -20; i <= 20; i += 1) for (let j = -20; j <= 20; j += 1) grid.push({ x: i * 50, y: j * 50 });
    const spot = findFreeSpot({ x: 0, y: 0 }, grid, 80);
    for (const p of grid) expect(distance(spot, p)).toBeGreaterThanOrEqual(80 - 1e-9);
    // The grid spans ±1,000: the nearest room is just outside it.
    expect(distance(spot, { x: 0, y: 0 })).toBeLessThan(1_200);
  });
});
