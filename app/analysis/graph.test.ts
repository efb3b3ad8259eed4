import { describe, expect, it } from 'vitest';
import { asUndirected, buildAnalysisGraph, graphFromEdges, inDegreeOf, outDegreeOf } from './graph';
import { smallCase } from './testing/smallCase';

describe('analysis graph', () => {
  it('undirected: one edge per pair, evidence strength from the best citation', () => {
    const g = buildAnalysisGraph(smallCase, { weighted: true });
    expect(g.nodeCount).toBe(7);
    expect(g.edges).toHaveLength(6);
    const edge = (a: string, b: string) =>
      g.edges.find((e) => [g.nodeIds[e.source], g.nodeIds[e.target]].sort().join() === [a, b].sort().join());
    // b-g has B2 (0.64) and C1 (0.6): the best wins.
    expect(edge('B', 'G')?.strength).toBeCloseTo(0.64, 12);
    expect(edge('L', 'G')?.strength).toBeCloseTo(0.6, 12); // A3 = 1 × 0.6
    expect(outDegreeOf(g, g.indexOf.get('G')!)).toBe(5);
  });

  it('directed: directed links are arcs, undirected links arcs both ways', () => {
    const g = buildAnalysisGraph(smallCase, { directed: true });
    const G = g.indexOf.get('G')!;
    // in: A, B, L, Y, R; out: Y, R (allied with, rival of are symmetric)
    expect(inDegreeOf(g, G)).toBe(5);
    expect(outDegreeOf(g, G)).toBe(2);
    expect(g.edges).toHaveLength(8);
  });

  it('merges parallel links, keeps their ids and the stronger strength; ignores self-loops', () => {
    const g = graphFromEdges(
      [{ id: 'a' }, { id: 'b' }],
      [
        { source: 'a', target: 'b', strength: 0.2, linkId: 'l1' },
        { source: 'b', target: 'a', strength: 0.7, linkId: 'l2' },
        { source: 'a', target: 'a', linkId: 'loop' },
      ],
      { weighted: true },
    );
    expect(g.edges).toEqual([{ source: 0, target: 1, strength: 0.7, linkIds: ['l1', 'l2'] }]);
    expect(g.selfLoopsIgnored).toBe(1);
    const d = graphFromEdges([{ id: 'a' }, { id: 'b' }], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }], { directed: true });
    expect(d.edges).toHaveLength(2);
    expect(asUndirected(d).edges).toHaveLength(1);
  });

  it('refuses edges to unknown nodes, duplicate node ids and non-positive strengths', () => {
    expect(() => graphFromEdges([{ id: 'a' }], [{ source: 'a', target: 'z' }])).toThrow(/not in the graph/);
    expect(() => graphFromEdges([{ id: 'a' }, { id: 'a' }], [])).toThrow(/twice/);
    expect(() => graphFromEdges([{ id: 'a' }, { id: 'b' }], [{ source: 'a', target: 'b', strength: 0 }])).toThrow(/positive/);
  });
});
