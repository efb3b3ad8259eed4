import { describe, expect, it } from 'vitest';
import referenceJson from './fixtures/miserables-networkx.json';
import { graphFromEdges, type AnalysisGraph } from './graph';
import { computeMeasure, rankNodes, labelsOf, type MeasureSpec } from './measures';
import { ConvergenceError } from './control';
import { modularity, louvainCommunities } from './communities';

/** The fixture written by scripts/networkx-reference.py (networkx's values for Les Misérables). */
interface Reference {
  command: string;
  networkx: string;
  graph: { nodes: { id: string; label: string }[]; edges: { source: string; target: string; weight: number }[] };
  measures: {
    graph: 'undirected' | 'directed';
    weighted: boolean;
    measure: string;
    spec: MeasureSpec;
    call: string;
    values?: Record<string, number>;
    error?: { type: string; message: string };
  }[];
  modularity: {
    partition: Record<string, number>;
    unweighted: number;
    weighted: number;
    directedUnweighted: number;
    louvainUnweighted: { modularity: number };
    louvainWeighted: { modularity: number };
  };
}

const reference = referenceJson as unknown as Reference;

function miserables(directed: boolean, weighted: boolean): AnalysisGraph {
  return graphFromEdges(
    reference.graph.nodes,
    reference.graph.edges.map((e) => ({ source: e.source, target: e.target, strength: e.weight })),
    { directed, weighted },
  );
}

describe('known answers: Les Misérables against networkx', () => {
  it('is the graph networkx read', () => {
    expect(reference.command).toBe('python3 scripts/networkx-reference.py');
    expect(reference.networkx).toMatch(/^\d+\.\d+/);
    const g = miserables(false, false);
    expect(g.nodeCount).toBe(77);
    expect(g.edges).toHaveLength(254);
    expect(reference.measures.length).toBeGreaterThanOrEqual(30);
  });

  for (const entry of reference.measures) {
    const name = `${entry.graph}${entry.weighted ? ' weighted' : ''} ${JSON.stringify(entry.spec)} = ${entry.call}`;
    it(name, () => {
      const graph = miserables(entry.graph === 'directed', entry.weighted);
      if (entry.error) {
        // networkx gives up (PowerIterationFailedConvergence); so do we, with the same iteration cap.
        expect(() => computeMeasure(graph, entry.spec)).toThrow(ConvergenceError);
        return;
      }
      const result = computeMeasure(graph, entry.spec);
      const expected = entry.values ?? {};
      expect(Object.keys(result.values).sort()).toEqual(Object.keys(expected).sort());
      for (const [id, value] of Object.entries(expected)) {
        expect(Math.abs((result.values[id] ?? Number.NaN) - value), `${id}: ours ${result.values[id]} networkx ${value}`).toBeLessThan(1e-6);
      }
    });
  }

  it('ranks Valjean first by degree and by betweenness', () => {
    const graph = miserables(false, false);
    for (const measure of ['degree', 'betweenness'] as const) {
      const top = rankNodes(computeMeasure(graph, { measure }), labelsOf(graph))[0];
      expect(top?.label).toBe('Valjean');
      expect(top?.rank).toBe(1);
    }
  });

  it('computes the modularity networkx computes for the same partition', () => {
    const partition = reference.modularity.partition;
    for (const [directed, weighted, expected] of [
      [false, false, reference.modularity.unweighted],
      [false, true, reference.modularity.weighted],
      [true, false, reference.modularity.directedUnweighted],
    ] as const) {
      const graph = miserables(directed, weighted);
      const labels = graph.nodeIds.map((id) => partition[id] ?? -1);
      expect(modularity(graph, labels)).toBeCloseTo(expected, 9);
    }
  });

  it('finds Louvain communities about as good as networkx’s Louvain, the same every time', () => {
    for (const [weighted, yardstick] of [
      [false, reference.modularity.louvainUnweighted.modularity],
      [true, reference.modularity.louvainWeighted.modularity],
    ] as const) {
      const graph = miserables(false, weighted);
      const first = louvainCommunities(graph, { seed: 7 });
      expect(first.modularity).toBeGreaterThan(yardstick - 0.02);
      expect(louvainCommunities(graph, { seed: 7 })).toEqual(first);
      expect(first.communities.flatMap((c) => c.entityIds).sort()).toEqual([...graph.nodeIds].sort());
    }
  });
});
