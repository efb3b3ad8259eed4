import { describe, expect, it } from 'vitest';
import { analyzeCase, analyzeCaseAsync } from './analyze';
import { AnalysisCancelledError, type AnalysisProgress } from './control';
import { graphFromEdges } from './graph';
import { computeMeasure, computeMeasureAsync, MEASURES, rankNodes } from './measures';
import { seededRandom, sampleIndices } from './random';
import { smallCase } from './testing/smallCase';

/** A path 0–1–2–…–(n−1): betweenness and closeness peak in the middle. */
function pathGraph(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const edges = Array.from({ length: n - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` }));
  return graphFromEdges(nodes, edges);
}

describe('measure results', () => {
  it('record the algorithm, parameters, filters, size and networkx equivalent', () => {
    const result = analyzeCase(smallCase, { filters: { asOf: '2018' }, graph: { weighted: true }, measure: { measure: 'betweenness' } });
    expect(result.measure).toBe('betweenness');
    expect(result.algorithm).toMatch(/Brandes/);
    expect(result.parameters).toMatchObject({ directed: false, weighted: true, normalized: true, distance: '1/strength' });
    expect(result.networkxEquivalent).toBe('nx.betweenness_centrality(G, normalized=True, weight="distance")');
    expect(result.filters?.asOf).toBe('2018');
    expect(result.filters?.undatedLinksKept).toBe(1);
    expect(result.nodeCount).toBe(result.filters?.entities.kept);
    expect(Object.keys(result.values)).toHaveLength(result.nodeCount);
    const top = rankNodes(result, (id) => id)[0];
    expect(top?.id).toBe('G');
  });

  it('every measure runs on every kind of graph, including empty and edgeless ones', () => {
    for (const measure of MEASURES) {
      for (const directed of [false, true]) {
        for (const weighted of [false, true]) {
          const result = analyzeCase(smallCase, { graph: { directed, weighted }, measure: { measure } });
          for (const value of Object.values(result.values)) expect(Number.isFinite(value)).toBe(true);
        }
      }
      const edgeless = graphFromEdges([{ id: 'a' }, { id: 'b' }], []);
      expect(Object.values(computeMeasure(edgeless, { measure }).values).every(Number.isFinite)).toBe(true);
      expect(computeMeasure(graphFromEdges([], []), { measure }).values).toEqual({});
    }
  });

  it('ranks highest first with shared ranks for ties', () => {
    const ranked = rankNodes(computeMeasure(pathGraph(5), { measure: 'betweenness' }), (id) => id);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['n2', 1],
      ['n1', 2],
      ['n3', 2],
      ['n0', 4],
      ['n4', 4],
    ]);
  });

  it('betweenness sampled over k sources is scaled as networkx 3.6 does, and is exact when k = n', () => {
    const g = pathGraph(9);
    const exact = computeMeasure(g, { measure: 'betweenness' });
    const all = computeMeasure(g, { measure: 'betweenness', sampleSources: g.nodeIds });
    for (const id of g.nodeIds) expect(all.values[id]).toBeCloseTo(exact.values[id] ?? Number.NaN, 12);
    const k = sampleIndices(9, 4, seededRandom(3)).map((i) => g.nodeIds[i]!);
    expect(computeMeasure(g, { measure: 'betweenness', sampleSources: k }).parameters.sampledSources).toBe(4);
    // networkx 3.6.1: nx.betweenness_centrality(nx.path_graph(6), k=3, seed=<a Random whose sample() gives [0, 2, 5]>)
    const six = pathGraph(6);
    const sampled = (directed: boolean, normalized: boolean) =>
      Object.values(
        computeMeasure(directed ? graphFromEdges(six.nodeIds.map((id) => ({ id })), six.edges.map((e) => ({ source: `n${e.source}`, target: `n${e.target}` })), { directed: true }) : six, {
          measure: 'betweenness',
          normalized,
          sampleSources: ['n0', 'n2', 'n5'],
        }).values,
      );
    const close = (actual: number[], expected: number[]) => expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 12));
    close(sampled(false, true), [0, 0.5, 0.625, 0.5833333333333333, 0.5, 0]);
    close(sampled(false, false), [0, 5, 6.25, 5.833333333333334, 5, 0]);
    close(sampled(true, false), [0, 6.666666666666667, 7.5, 6.666666666666667, 3.3333333333333335, 0]);
    expect(() => computeMeasure(six, { measure: 'betweenness', sampleSources: ['n0'] })).toThrow(/at least 2/);
    expect(() => computeMeasure(six, { measure: 'betweenness', sampleSources: ['n0', 'n0'] })).toThrow(/distinct/);
  });

  it('reports progress per source node and stops when the signal is aborted', () => {
    const g = pathGraph(50);
    const seen: AnalysisProgress[] = [];
    computeMeasure(g, { measure: 'betweenness' }, { onProgress: (p) => seen.push(p) });
    expect(seen).toHaveLength(50);
    expect(seen.at(-1)).toEqual({ done: 50, total: 50, unit: 'source nodes' });

    const controller = new AbortController();
    let steps = 0;
    const run = () =>
      computeMeasure(g, { measure: 'betweenness' }, {
        signal: controller.signal,
        onProgress: () => {
          if (++steps === 10) controller.abort();
        },
      });
    expect(run).toThrow(AnalysisCancelledError);
    expect(steps).toBe(10);
    expect(() => computeMeasure(g, { measure: 'pagerank' }, { signal: controller.signal })).toThrow(AnalysisCancelledError);
  });

  it('the async run gives the host a turn between slices and can be cancelled from it', async () => {
    const g = pathGraph(60);
    const sync = computeMeasure(g, { measure: 'closeness' });
    let turns = 0;
    const progress: AnalysisProgress[] = [];
    const viaSlices = await computeMeasureAsync(g, { measure: 'closeness' }, {
      sliceMs: 0,
      yieldToHost: () => (turns++, Promise.resolve()),
      onProgress: (p) => progress.push(p),
    });
    expect(viaSlices.values).toEqual(sync.values);
    expect(turns).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ done: 60, total: 60, unit: 'nodes' });
    // With long slices, progress comes once per slice, not once per node.
    const fewer: AnalysisProgress[] = [];
    await computeMeasureAsync(g, { measure: 'closeness' }, { sliceMs: 60_000, onProgress: (p) => fewer.push(p) });
    expect(fewer).toEqual([{ done: 60, total: 60, unit: 'nodes' }]);

    const controller = new AbortController();
    const cancelled = analyzeCaseAsync(smallCase, { measure: { measure: 'betweenness' } }, {
      signal: controller.signal,
      sliceMs: 0,
      yieldToHost: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(AnalysisCancelledError);
  });
});
