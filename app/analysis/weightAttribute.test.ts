import { describe, expect, it } from 'vitest';
import baseJson from './fixtures/miserables-networkx.json';
import referenceJson from './fixtures/miserables-weight-attribute-networkx.json';
import type { AnalysisInput } from './filters';
import { buildAnalysisGraph, numericLinkAttributes, WeightAttributeError } from './graph';
import { computeMeasure, type MeasureSpec } from './measures';
import { shortestPath } from './paths';

/** Written by scripts/networkx-reference.py: networkx with weight="weight" on Les Misérables. */
interface Reference {
  command: string;
  attribute: string;
  measures: { graph: 'undirected' | 'directed'; measure: string; spec: MeasureSpec; call: string; values: Record<string, number> }[];
  paths: { graph: 'undirected' | 'directed'; source: string; call: string; lengths: Record<string, number> }[];
}
const reference = referenceJson as unknown as Reference;
const base = baseJson as unknown as { graph: { nodes: { id: string; label: string }[]; edges: { source: string; target: string; weight: number }[] } };

/** The network as a case holds it: every link carries its co-appearance count as the attribute "weight". */
function miserablesCase(directed: boolean): AnalysisInput {
  return {
    entities: base.graph.nodes.map((n) => ({ id: n.id, type: 'person', label: n.label, startDate: null, endDate: null })),
    links: base.graph.edges.map((e, i) => ({
      id: `l${i}`,
      type: 'associate_of',
      sourceId: e.source,
      targetId: e.target,
      directed,
      startDate: null,
      endDate: null,
      attributes: { weight: e.weight, note: 'co-appearance' },
    })),
  };
}

const graphOf = (directed: boolean) => buildAnalysisGraph(miserablesCase(directed), { directed, weightAttribute: 'weight' });

describe('analysis weighed by a link attribute, against networkx weight="weight"', () => {
  it('is the reference the script wrote', () => {
    expect(reference.command).toBe('python3 scripts/networkx-reference.py');
    expect(reference.measures.length).toBe(10);
    expect(reference.paths.length).toBe(6);
  });

  for (const entry of reference.measures) {
    it(`${entry.graph} ${JSON.stringify(entry.spec)} = ${entry.call}`, () => {
      const graph = graphOf(entry.graph === 'directed');
      const result = computeMeasure(graph, entry.spec);
      expect(Object.keys(result.values).sort()).toEqual(Object.keys(entry.values).sort());
      for (const [id, value] of Object.entries(entry.values)) {
        expect(Math.abs((result.values[id] ?? Number.NaN) - value), `${id}: ours ${result.values[id]} networkx ${value}`).toBeLessThan(1e-6);
      }
    });
  }

  for (const entry of reference.paths) {
    it(`${entry.graph} shortest path lengths = ${entry.call}`, () => {
      const graph = graphOf(entry.graph === 'directed');
      for (const target of graph.nodeIds) {
        const path = shortestPath(graph, entry.source, target);
        const expected = entry.lengths[target];
        if (expected === undefined) expect(path).toBeNull();
        else expect(path?.length ?? Number.NaN).toBeCloseTo(expected, 9);
      }
    });
  }

  it('differs from weighting by evidence: the attribute is a distance for paths, not 1/value', () => {
    const graph = graphOf(false);
    const weightedByValue = computeMeasure(graph, { measure: 'betweenness' });
    const byInverse = computeMeasure(buildAnalysisGraph(miserablesCase(false), { weighted: false }), { measure: 'betweenness' });
    expect(weightedByValue.values).not.toEqual(byInverse.values);
    const result = computeMeasure(graph, { measure: 'pagerank' });
    expect(result.networkxEquivalent).toContain('weight="weight"');
  });

  it('weighs a link without the attribute 1, as networkx does, and refuses one that is not a positive number', () => {
    const input = miserablesCase(false);
    const links = input.links.map((l, i) => (i === 0 ? { ...l, attributes: {} } : l));
    const graph = buildAnalysisGraph({ ...input, links }, { weightAttribute: 'weight' });
    expect(graph.edges[0]?.strength).toBe(1);
    const bad = input.links.map((l, i) => (i === 3 ? { ...l, attributes: { weight: 'heavy' } } : l));
    expect(() => buildAnalysisGraph({ ...input, links: bad }, { weightAttribute: 'weight' })).toThrow(WeightAttributeError);
    expect(() => buildAnalysisGraph({ ...input, links: bad }, { weightAttribute: 'weight' })).toThrow(/Link l3 has weight = "heavy"/);
  });

  it('offers the numeric link attributes of a case', () => {
    expect(numericLinkAttributes(miserablesCase(false).links)).toEqual([{ name: 'weight', links: 254 }]);
  });
});
