import { describe, expect, it } from 'vitest';
import { countOverlaps, separateBoxes, stretchToAspect, type NodeBox } from './overlap';

/** A node with a 30x30 disc and a label under it, 100 wide. */
const box = (id: string, x: number, y: number): NodeBox => ({ id, x, y, left: -50, right: 50, top: -15, bottom: 35 });

describe('separateBoxes', () => {
  it('leaves boxes that do not overlap where they are', () => {
    const boxes = [box('a', 0, 0), box('b', 300, 0), box('c', 0, 300)];
    const moved = separateBoxes(boxes);
    expect([...moved.values()]).toEqual([
      { x: 0, y: 0 },
      { x: 300, y: 0 },
      { x: 0, y: 300 },
    ]);
  });

  it('moves two overlapping boxes apart along the axis where they overlap least, each by half', () => {
    const moved = separateBoxes([box('a', 0, 0), box('b', 10, 40)], 0);
    // Overlap is 90 in x and 10 in y: they part vertically by 5 each.
    expect(moved.get('a')).toEqual({ x: 0, y: -5 });
    expect(moved.get('b')).toEqual({ x: 10, y: 45 });
  });

  it('clears a pile of overlapping nodes', () => {
    const pile = Array.from({ length: 40 }, (_, i) => box(`n${i}`, (i % 7) * 13, Math.floor(i / 7) * 11));
    expect(countOverlaps(pile)).toBeGreaterThan(100);
    const moved = separateBoxes(pile, 4, 400);
    const after = pile.map((b) => ({ ...b, ...(moved.get(b.id) as { x: number; y: number }) }));
    expect(countOverlaps(after)).toBe(0);
  });

  it('returns a position for every node', () => {
    const moved = separateBoxes([box('a', 0, 0), box('b', 0, 0), box('c', 0, 0)]);
    expect([...moved.keys()].sort()).toEqual(['a', 'b', 'c']);
    for (const p of moved.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('stretchToAspect', () => {
  it('makes a wide layout taller (and narrower) for a square window, keeping its centre', () => {
    const wide = [box('a', -400, 0), box('b', 400, 0), box('c', 0, 100)];
    const reshaped = stretchToAspect(wide, 1, 1.3);
    const xs = reshaped.map((b) => b.x);
    const ys = reshaped.map((b) => b.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(800 / 1.3, 5);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(100 * 1.3, 5);
  });

  it('leaves a layout that already has the window proportions as it is', () => {
    const square = [box('a', 0, 0), box('b', 300, 250)];
    // The boxes' union is 400 wide (-50 to 350) and 300 tall (-15 to 285).
    const reshaped = stretchToAspect(square, 400 / 300);
    expect(reshaped.map((b) => [Math.round(b.x), Math.round(b.y)])).toEqual([
      [0, 0],
      [300, 250],
    ]);
  });
});
