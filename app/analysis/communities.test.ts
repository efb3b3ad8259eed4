import { describe, expect, it } from 'vitest';
import { louvainCommunities, modularity } from './communities';
import { buildAnalysisGraph, graphFromEdges } from './graph';
import { smallCase } from './testing/smallCase';

/** Two 5-cliques joined by one edge. */
function barbell() {
  const nodes = Array.from({ length: 10 }, (_, i) => ({ id: `v${i}` }));
  const edges: { source: string; target: string }[] = [];
  for (const base of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push({ source: `v${base + i}`, target: `v${base + j}` });
  edges.push({ source: 'v4', target: 'v5' });
  return graphFromEdges(nodes, edges);
}

describe('communities', () => {
  it('Louvain finds the two halves of a barbell, largest first, reproducibly', () => {
    const g = barbell();
    const result = louvainCommunities(g, { seed: 42 });
    expect(result.communities.map((c) => c.entityIds.sort())).toEqual([
      ['v0', 'v1', 'v2', 'v3', 'v4'],
      ['v5', 'v6', 'v7', 'v8', 'v9'],
    ]);
    expect(result.membership.v0).toBe(0);
    expect(result.membership.v9).toBe(1);
    // networkx: modularity(G, [{0..4}, {5..9}]) = 0.4523809523809524
    expect(result.modularity).toBeCloseTo(0.4523809523809524, 12);
    expect(result.parameters).toEqual({ directed: false, weighted: false, resolution: 1, seed: 42 });
    for (let seed = 1; seed < 5; seed++) expect(louvainCommunities(g, { seed })).toEqual(louvainCommunities(g, { seed }));
  });

  it('runs on a case graph, and on a graph without edges (every entity alone)', () => {
    const result = louvainCommunities(buildAnalysisGraph(smallCase, { weighted: true }));
    expect(Object.keys(result.membership)).toHaveLength(smallCase.entities.length);
    const edgeless = louvainCommunities(graphFromEdges([{ id: 'a' }, { id: 'b' }], []));
    expect(edgeless.communities).toHaveLength(2);
    expect(edgeless.modularity).toBe(0);
  });

  it('modularity of the trivial partitions', () => {
    const g = barbell();
    expect(modularity(g, new Array<number>(10).fill(0))).toBeCloseTo(0, 12);
  });
});
