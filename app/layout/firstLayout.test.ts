import { describe, expect, it } from 'vitest';
import { FIRST_LAYOUT_LINK_LENGTH, FIRST_LAYOUT_MIN_DISTANCE, firstLayoutPositions, provisionalPositions, separateCoincident, type FirstLayoutInput, type Point } from './firstLayout';

/** A small preferential-attachment graph (deterministic): hubs and leaves, one component. */
function graph(n: number): FirstLayoutInput {
  const edges: [number, number][] = [[1, 0]];
  const ends = [0, 1];
  let s = 12345;
  const random = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 2; i < n; i++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(i, 2)) targets.add(ends[Math.floor(random() * ends.length)]!);
    for (const t of targets) {
      edges.push([i, t]);
      ends.push(i, t);
    }
  }
  return { ids: Array.from({ length: n }, (_, i) => `n${i}`), edges };
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function medianLinkLength(points: Point[], input: FirstLayoutInput): number {
  const lengths = input.edges.map(([a, b]) => distance(points[a]!, points[b]!)).sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length / 2)]!;
}

const minDistance = (points: Point[]) => {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) min = Math.min(min, distance(points[i]!, points[j]!));
  return min;
};

describe('separateCoincident', () => {
  it('moves apart points on one spot or closer than the least distance, and leaves the others', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 3, y: 0 },
      { x: 500, y: 500 },
    ];
    const out = separateCoincident(points);
    expect(minDistance(out)).toBeGreaterThanOrEqual(FIRST_LAYOUT_MIN_DISTANCE - 0.1);
    expect(out[4]).toEqual({ x: 500, y: 500 });
  });
});

describe('first layout', () => {
  const input = graph(400);

  it('leaves no two nodes on one spot when it is cut short (a time budget spent on a busy machine)', () => {
    for (const iterations of [1, 2, 3, 5]) {
      const points = firstLayoutPositions(graph(1200), { iterations });
      expect(new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(1200);
      expect(minDistance(points)).toBeGreaterThan(FIRST_LAYOUT_MIN_DISTANCE / 2);
    }
  });

  it('places every node at a finite, distinct spot, links at the chart length', () => {
    for (const points of [provisionalPositions(input), firstLayoutPositions(input, { iterations: 80 })]) {
      expect(points).toHaveLength(400);
      expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
      expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(400);
      expect(medianLinkLength(points, input)).toBeCloseTo(FIRST_LAYOUT_LINK_LENGTH, 0);
    }
  });

  it('draws linked nodes closer than unlinked ones, and no two nodes on one spot', () => {
    const points = firstLayoutPositions(input, { iterations: 120 });
    const linked = medianLinkLength(points, input);
    const pairs: number[] = [];
    for (let i = 0; i < 400; i += 7) for (let j = i + 3; j < 400; j += 11) pairs.push(distance(points[i]!, points[j]!));
    pairs.sort((a, b) => a - b);
    expect(pairs[Math.floor(pairs.length / 2)]!).toBeGreaterThan(1.5 * linked);
    let closest = Infinity;
    for (let i = 0; i < 400; i++) for (let j = i + 1; j < 400; j++) closest = Math.min(closest, distance(points[i]!, points[j]!));
    expect(closest).toBeGreaterThan(FIRST_LAYOUT_LINK_LENGTH / 50);
  });

  it('is deterministic without a time budget, and stops when asked', () => {
    expect(firstLayoutPositions(input, { iterations: 30 })).toEqual(firstLayoutPositions(input, { iterations: 30 }));
    let calls = 0;
    const stopped = firstLayoutPositions(input, { iterations: 1000, shouldStop: () => ++calls > 5 });
    expect(stopped).toHaveLength(400);
    expect(calls).toBe(6);
  });

  it('copes with no links, loops, repeats and out-of-range pairs', () => {
    const odd: FirstLayoutInput = { ids: ['a', 'b', 'c'], edges: [[0, 0], [0, 1], [1, 0], [2, 9], [-1, 2]] };
    const points = firstLayoutPositions(odd, { iterations: 10 });
    expect(points).toHaveLength(3);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(firstLayoutPositions({ ids: [], edges: [] })).toEqual([]);
    expect(firstLayoutPositions({ ids: ['solo'], edges: [] })).toHaveLength(1);
  });
});
