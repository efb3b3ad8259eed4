import { describe, expect, it } from 'vitest';
import { graphFromEdges, type AnalysisGraph } from './graph';
import { computeMeasure } from './measures';
import { seededRandom } from './random';

/** A preferential-attachment graph (each new node joins 2 existing ones, picked by degree), seeded. */
function preferential(n: number, seed: number): AnalysisGraph {
  const random = seededRandom(seed);
  const ends: number[] = [0, 1];
  const edges: { source: string; target: string }[] = [{ source: '0', target: '1' }];
  for (let v = 2; v < n; v++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(2, v)) targets.add(ends[Math.floor(random() * ends.length)]!);
    for (const t of targets) {
      edges.push({ source: String(v), target: String(t) });
      ends.push(v, t);
    }
  }
  return graphFromEdges(Array.from({ length: n }, (_, i) => ({ id: String(i) })), edges);
}

describe('approximate betweenness', () => {
  const graph = preferential(400, 11);
  const exact = computeMeasure(graph, { measure: 'betweenness' });

  it('with as many samples as entities is the exact answer, and says so', () => {
    const all = computeMeasure(graph, { measure: 'betweenness', approximate: { samples: 400 } });
    expect(all.values).toEqual(exact.values);
    expect(all.approximation).toBeUndefined();
  });

  it('states its sample, and its standard errors match the spread of estimates over many seeds', () => {
    const samples = 40;
    const runs = Array.from({ length: 40 }, (_, seed) => computeMeasure(graph, { measure: 'betweenness', approximate: { samples, seed: seed + 1 } }));
    const first = runs[0]!;
    expect(first.approximation).toMatchObject({ sampledSources: samples, of: 400, seed: 1 });
    expect(first.approximation!.statement).toContain('40 of 400 entities sampled');
    expect(first.parameters).toMatchObject({ sampledSources: samples, seed: 1 });
    // For the 10 most central entities: the observed spread of the estimate across seeds against
    // the mean standard error each run predicted from its own sample.
    const top = Object.entries(exact.values)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id]) => id);
    for (const id of top) {
      const estimates = runs.map((r) => r.values[id]!);
      const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
      const observed = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (estimates.length - 1));
      const predicted = runs.reduce((a, r) => a + r.standardError![id]!, 0) / runs.length;
      expect(predicted / observed).toBeGreaterThan(0.6);
      expect(predicted / observed).toBeLessThan(1.6);
      // Unbiased: the mean of the estimates lies within a few standard errors of the mean of the exact value.
      expect(Math.abs(mean - exact.values[id]!)).toBeLessThan((4 * observed) / Math.sqrt(runs.length) + 1e-12);
    }
  });

  it('refuses a sample of fewer than two sources', () => {
    expect(() => computeMeasure(graph, { measure: 'betweenness', approximate: { samples: 1 } })).toThrow(/at least 2/);
  });
});
