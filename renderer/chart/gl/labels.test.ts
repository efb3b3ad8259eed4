import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Viewport } from './camera';
import { chooseLabels, LABEL_DEFAULTS, labelBox, labelScratch, type LabelNodes, type LabelOptions } from './labels';

const options: LabelOptions = { ...LABEL_DEFAULTS, minRadiusPx: 6, max: 300, lineHeight: 14, charWidth: 6, maxChars: 20, gap: 3, cell: 16 };
const identity: Viewport = { zoom: 1, panX: 0, panY: 0 };

function nodes(points: [number, number, number][], length = 8, priority?: number[]): LabelNodes {
  return {
    x: Float32Array.from(points, (p) => p[0]),
    y: Float32Array.from(points, (p) => p[1]),
    radius: Float32Array.from(points, (p) => p[2]),
    length: points.map(() => length),
    priority,
    count: points.length,
  };
}

function choose(n: LabelNodes, view: Viewport, selected: number[] = [], o = options, width = 800, height = 600): number[] {
  const out = new Int32Array(o.max);
  const count = chooseLabels(n, view, width, height, selected, out, o);
  return [...out.subarray(0, count)];
}

describe('chooseLabels', () => {
  it('labels only nodes on screen drawn at least minRadiusPx', () => {
    const n = nodes([
      [100, 100, 10],
      [300, 100, 5],
      [-100, 100, 10],
      [100, 900, 10],
    ]);
    expect(choose(n, identity)).toEqual([0]);
    // Zoomed in 2×, node 1 is drawn at 10 px and gets its label; the others are off screen.
    expect(choose(n, { zoom: 2, panX: 0, panY: 0 })).toEqual([0, 1]);
  });

  it('never draws two labels over each other: the higher priority wins a place', () => {
    // Two nodes 5 px apart: their labels would overlap; the second has the higher priority.
    const n = nodes(
      [
        [100, 100, 8],
        [100, 105, 8],
        [100, 300, 8],
      ],
      8,
      [1, 5, 0],
    );
    expect(choose(n, identity)).toEqual([1, 2]);
  });

  it('always labels the selected nodes, first, even where they crowd others out', () => {
    const n = nodes(
      [
        [100, 100, 8],
        [100, 105, 2],
        [2000, 2000, 2],
      ],
      8,
      [9, 0, 0],
    );
    expect(choose(n, identity, [1])).toEqual([1]);
    // Off screen and small, still labelled when selected; a selected node without a label is skipped.
    const unlabelled: LabelNodes = { ...n, length: [8, 8, 0] };
    expect(choose(unlabelled, identity, [2, 0])).toEqual([0]);
  });

  it('draws at most max labels', () => {
    const many = nodes(Array.from({ length: 400 }, (_, i) => [20 + (i % 20) * 38, 10 + Math.floor(i / 20) * 29, 8] as [number, number, number]), 2);
    expect(choose(many, identity, [], { ...options, max: 50 })).toHaveLength(50);
    expect(choose(many, identity, [], { ...options, max: 1000 }).length).toBeGreaterThan(100);
  });

  it('counts the shader’s smallest drawn radius as the drawn size', () => {
    const n = nodes([[100, 100, 0.1]]);
    const out = new Int32Array(10);
    expect(chooseLabels(n, identity, 800, 600, [], out, options, 0)).toBe(0);
    expect(chooseLabels(n, identity, 800, 600, [], out, options, 6)).toBe(1);
  });

  it('never overlaps, stays within max and keeps every on-screen label inside the screen, on random charts', () => {
    const scratch = labelScratch();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100, max: 900 }), fc.integer({ min: -100, max: 700 }), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        (points, max, zoom) => {
          const n = nodes(points, 6);
          const view = { zoom, panX: 10, panY: -5 };
          const o = { ...options, max };
          const out = new Int32Array(max);
          const count = chooseLabels(n, view, 800, 600, [], out, o, 0, scratch);
          expect(count).toBeLessThanOrEqual(max);
          const boxes = [...out.subarray(0, count)].map((i) => {
            expect(n.radius[i]! * zoom).toBeGreaterThanOrEqual(o.minRadiusPx);
            return labelBox(n, i, view, o);
          });
          expect(new Set(out.subarray(0, count)).size).toBe(count);
          for (const [left, top, w, h] of boxes) {
            expect(left).toBeGreaterThanOrEqual(0);
            expect(top).toBeGreaterThanOrEqual(0);
            expect(left + w).toBeLessThanOrEqual(800);
            expect(top + h).toBeLessThanOrEqual(600);
          }
          for (let a = 0; a < boxes.length; a++) {
            for (let b = a + 1; b < boxes.length; b++) {
              const [l1, t1, w1, h1] = boxes[a]!;
              const [l2, t2, w2, h2] = boxes[b]!;
              const overlap = l1 < l2 + w2 && l2 < l1 + w1 && t1 < t2 + h2 && t2 < t1 + h1;
              expect(overlap).toBe(false);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
