import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import baseJson from '../../app/analysis/fixtures/miserables-networkx.json';
import referenceJson from '../../app/analysis/fixtures/miserables-weight-attribute-networkx.json';
import { tempFolder } from '../../db/testing/tempCase';
import { useBuiltInterchangeWorker } from '../interchange/testing/workerBundle';
import { runCaptured as run } from './testing/runCaptured';

/** networkx with weight="weight" on Les Misérables (scripts/networkx-reference.py). */
const reference = referenceJson as unknown as {
  measures: { graph: string; spec: { measure: string; normalized?: boolean }; values: Record<string, number> }[];
  paths: { graph: string; source: string; lengths: Record<string, number> }[];
};
const labelOf = new Map((baseJson as unknown as { graph: { nodes: { id: string; label: string }[] } }).graph.nodes.map((n) => [n.id, n.label]));

let tmp: ReturnType<typeof tempFolder>;
let casePath: string;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-cli-weight-');
  casePath = tmp.file('mis.awcase');
  const made = run('init', casePath);
  expect(made.stderr).toBe('');
  expect(made.status).toBe(0);
  // The GraphML edges' "weight" becomes each link's numeric attribute "weight".
  const imported = run('import', casePath, '../shared/fixtures/graphml/miserables.graphml');
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('workbench analyze|path --weight <attribute>', () => {
  for (const measure of ['pagerank', 'betweenness'] as const) {
    it(`analyze --measure ${measure} --weight weight gives networkx's values`, () => {
      const expected = reference.measures.find((m) => m.graph === 'undirected' && m.spec.measure === measure && m.spec.normalized === undefined);
      const { status, stdout } = run('analyze', casePath, '--measure', measure, '--weight', 'weight', '--json');
      expect(status).toBe(0);
      const rows = JSON.parse(stdout) as { label: string; value: number }[];
      expect(rows).toHaveLength(77);
      const ours = new Map(rows.map((r) => [r.label, r.value]));
      for (const [id, value] of Object.entries(expected?.values ?? {})) expect(ours.get(labelOf.get(id) ?? '')).toBeCloseTo(value, 6);
    });
  }

  it('path --weight weight takes the attribute as the distance, as nx.dijkstra does', () => {
    const expected = reference.paths.find((p) => p.graph === 'undirected');
    const from = labelOf.get(expected?.source ?? '') ?? '';
    const to = 'Valjean';
    const toId = [...labelOf].find(([, label]) => label === to)?.[0] ?? '';
    const { status, stdout } = run('path', casePath, from, to, '--weight', 'weight', '--json');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { length: number }).length).toBeCloseTo(expected?.lengths[toId] ?? Number.NaN, 9);
    expect(run('path', casePath, from, to, '--weight', 'weight').stdout).toMatch(/weighted by the link attribute "weight"/);
  });

  it('refuses an attribute no link holds, naming the ones it could be, and --weighted with --weight', () => {
    const missing = run('analyze', casePath, '--measure', 'pagerank', '--weight', 'wieght');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no link has a numeric attribute "wieght"; numeric link attributes: "weight"/);
    const both = run('analyze', casePath, '--measure', 'pagerank', '--weight', 'weight', '--weighted');
    expect(both.status).toBe(2);
  });
});
