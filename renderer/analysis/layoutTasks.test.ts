import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../../app/views';
import { computeLayoutPositions, type LayoutRequest } from './layoutTasks';

function request(name: LayoutRequest['name'], pinned: ReadonlySet<string> = new Set()): LayoutRequest {
  const nodes = Array.from({ length: 24 }, (_, i) => ({
    id: `n${i}`,
    x: (i % 6) * 10,
    y: Math.floor(i / 6) * 10,
    left: -20,
    right: 20,
    top: -17,
    bottom: 30,
    pinned: pinned.has(`n${i}`),
    type: i % 3 === 0 ? 'person' : 'place',
    label: `Node ${i}`,
    value: i / 24,
  }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 2)}`, target: n.id }));
  return { name, nodes, edges, aspect: 1.5, seed: 7 };
}

describe('layouts (computed in the layout worker)', () => {
  it.each(LAYOUT_NAMES)('%s places every node at a finite, distinct position', (name) => {
    const { positions } = computeLayoutPositions(request(name));
    const points = Object.values(positions);
    expect(points).toHaveLength(24);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(24);
  });

  it.each(LAYOUT_NAMES)('%s leaves a pinned node where it is', (name) => {
    const { positions } = computeLayoutPositions(request(name, new Set(['n5'])));
    expect(positions.n5).toEqual({ x: 50, y: 0 });
  });

  it('groups by type: each type in its own block', () => {
    const req = request('byType');
    const { positions } = computeLayoutPositions(req);
    const box = (type: string) => {
      const points = req.nodes.filter((n) => n.type === type).map((n) => positions[n.id]!);
      return { x1: Math.min(...points.map((p) => p.x)), x2: Math.max(...points.map((p) => p.x)), y1: Math.min(...points.map((p) => p.y)), y2: Math.max(...points.map((p) => p.y)) };
    };
    const a = box('person');
    const b = box('place');
    const apart = a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
    expect(apart).toBe(true);
  });
});
