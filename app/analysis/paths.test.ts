import { describe, expect, it } from 'vitest';
import { graphFromEdges } from './graph';
import { allShortestPaths, connectingNetwork, neighbourhood, shortestPath } from './paths';

// A square a–b–d, a–c–d (two shortest paths a→d), a long strong detour a–e–f–d, and g alone.
const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, label: id.toUpperCase() }));
const edges = [
  { source: 'a', target: 'b', strength: 0.1, linkId: 'ab' },
  { source: 'b', target: 'd', strength: 0.1, linkId: 'bd' },
  { source: 'a', target: 'c', strength: 0.2, linkId: 'ac' },
  { source: 'c', target: 'd', strength: 0.2, linkId: 'cd' },
  { source: 'a', target: 'e', strength: 1, linkId: 'ae' },
  { source: 'e', target: 'f', strength: 1, linkId: 'ef' },
  { source: 'f', target: 'd', strength: 1, linkId: 'fd' },
];

describe('paths', () => {
  it('by hops and by evidence', () => {
    const g = graphFromEdges(nodes, edges, { weighted: true });
    const hops = shortestPath(g, 'a', 'd', { weighted: false });
    expect(hops?.hops).toBe(2);
    expect(hops?.entityIds).toEqual(['a', 'b', 'd']);
    expect(hops?.linkIds).toEqual(['ab', 'bd']);
    // Weighted: 3 strong hops (length 3) beat 2 weak ones (length 10).
    const strong = shortestPath(g, 'a', 'd');
    expect(strong?.entityIds).toEqual(['a', 'e', 'f', 'd']);
    expect(strong?.length).toBeCloseTo(3, 12);
    expect(strong?.steps[1]).toEqual({ entityId: 'e', linkIds: ['ae'] });
    expect(shortestPath(g, 'a', 'g')).toBeNull();
    expect(() => shortestPath(g, 'a', 'zz')).toThrow(/not in the analysed graph/);
  });

  it('all shortest paths, with the exact count', () => {
    const g = graphFromEdges(nodes, edges);
    const all = allShortestPaths(g, 'a', 'd');
    expect(all.count).toBe(2);
    expect(all.truncated).toBe(false);
    expect(all.paths.map((p) => p.entityIds.join('')).sort()).toEqual(['abd', 'acd']);
    expect(all.union.linkIds.sort()).toEqual(['ab', 'ac', 'bd', 'cd']);
    expect(allShortestPaths(g, 'a', 'd', { limit: 1 })).toMatchObject({ count: 2, truncated: true });
  });

  it('follows arcs forward on a directed graph', () => {
    const g = graphFromEdges(nodes, edges, { directed: true });
    expect(shortestPath(g, 'd', 'a')).toBeNull();
    expect(shortestPath(g, 'a', 'd')?.hops).toBe(2);
  });

  it('connects three or more entities by a Steiner tree or by pairwise paths', () => {
    const g = graphFromEdges(nodes, edges);
    const tree = connectingNetwork(g, ['b', 'c', 'f']);
    expect(tree.method).toBe('steiner');
    expect(tree.unreachable).toEqual([]);
    // A tree joining b, c, f: as many links as entities − 1.
    expect(tree.linkIds.length).toBe(tree.entityIds.length - 1);
    for (const id of ['b', 'c', 'f']) expect(tree.entityIds).toContain(id);
    // The optimum: d is the Steiner point (b–d, c–d, f–d).
    expect(tree.length).toBe(3);
    expect(tree.entityIds.sort()).toEqual(['b', 'c', 'd', 'f']);
    const pairwise = connectingNetwork(g, ['b', 'c', 'f'], { method: 'pairwise' });
    expect(pairwise.linkIds.length).toBeGreaterThanOrEqual(tree.linkIds.length);
    const lonely = connectingNetwork(g, ['a', 'd', 'g']);
    expect(lonely.unreachable).toEqual(['g']);
    expect(lonely.entityIds).not.toContain('g');
  });

  it('k-hop neighbourhood with hop counts and the links among the entities reached', () => {
    const g = graphFromEdges(nodes, edges);
    const one = neighbourhood(g, ['a'], 1);
    expect(one.entityIds.sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(one.hops).toEqual({ a: 0, b: 1, c: 1, e: 1 });
    expect(one.linkIds.sort()).toEqual(['ab', 'ac', 'ae']);
    expect(neighbourhood(g, ['a'], 2).entityIds.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const directed = graphFromEdges(nodes, edges, { directed: true });
    expect(neighbourhood(directed, ['d'], 1, { direction: 'out' }).entityIds).toEqual(['d']);
    expect(neighbourhood(directed, ['d'], 1, { direction: 'in' }).entityIds.sort()).toEqual(['b', 'c', 'd', 'f']);
    expect(() => neighbourhood(g, ['a'], -1)).toThrow();
  });
});
