import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { runCaptured as run } from './testing/runCaptured';

let tmp: ReturnType<typeof tempFolder>;
let jnim: string;
beforeAll(() => {
  tmp = tempFolder('awb-analyze-');
  jnim = tmp.file('jnim.awcase');
  createSampleCase(jnim, 'jnim');
});
afterAll(() => tmp.cleanup());


type Row = { id: string; label: string; value: number };
function rows(...argv: string[]): Row[] {
  const { status, stdout, stderr } = run('analyze', jnim, '--json', ...argv);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as Row[];
}

describe('workbench analyze', () => {
  it('is listed in --help with its measures and options', () => {
    const { stdout } = run('--help');
    for (const text of ['workbench analyze', 'betweenness|closeness|degree|eigenvector|pagerank', '--as-of', '--min-grade', 'workbench path', 'workbench communities']) {
      expect(stdout).toContain(text);
    }
  });

  it('ranks JNIM first by betweenness; --json prints every entity, highest first', () => {
    const all = rows('--measure', 'betweenness');
    expect(all).toHaveLength(74);
    expect(all[0]?.label).toBe('JNIM');
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['id', 'label', 'value']);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.value).toBeGreaterThanOrEqual(all[i]!.value);
    expect(rows('--measure', 'betweenness', '--top', '3')).toEqual(all.slice(0, 3));
  });

  it('computes every measure, directed or not, weighted or not', () => {
    for (const measure of ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank']) {
      for (const flags of [[], ['--directed'], ['--weighted'], ['--directed', '--weighted']]) {
        const result = rows('--measure', measure, ...flags);
        expect(result).toHaveLength(74);
        for (const row of result) expect(Number.isFinite(row.value)).toBe(true);
      }
    }
    const pagerank = rows('--measure', 'pagerank', '--directed');
    expect(pagerank.reduce((sum, r) => sum + r.value, 0)).toBeCloseTo(1, 9);
  });

  it('as of 2016 JNIM and its founding links are gone; they are there from 2 March 2017', () => {
    const founding = (asOf?: string) =>
      rows('--measure', 'degree', '--raw', '--link-types', 'founding_faction_of', ...(asOf ? ['--as-of', asOf] : []));
    const degreeOf = (result: Row[], label: string) => result.find((r) => r.label === label)?.value;
    expect(degreeOf(founding(), 'JNIM')).toBe(4);
    const before = founding('2016');
    expect(degreeOf(before, 'JNIM')).toBeUndefined();
    expect(before.every((r) => r.value === 0)).toBe(true);
    expect(degreeOf(founding('2017-03-01'), 'JNIM')).toBeUndefined();
    expect(degreeOf(founding('2017-03-02'), 'JNIM')).toBe(4);

    const text = run('analyze', jnim, '--measure', 'betweenness', '--as-of', '2016');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Filters: as of 2016/);
    expect(text.stdout).toMatch(/undated entities and \d+ undated links kept as of 2016/);
    expect(text.stdout).not.toMatch(/^\s+\d+\s+JNIM\s/m);
  });

  it('--min-grade keeps only links with a citation at that grade or better, and says so', () => {
    // The sample's one source is graded C: C2 keeps the links some passage makes probable (credibility 1–2).
    const all = rows('--measure', 'degree', '--raw');
    const strong = rows('--measure', 'degree', '--raw', '--min-grade', 'C2');
    const total = (r: Row[]) => r.reduce((sum, row) => sum + row.value, 0);
    expect(total(strong)).toBeLessThan(total(all));
    expect(total(strong)).toBeGreaterThan(0);
    expect(rows('--measure', 'degree', '--raw', '--min-grade', 'C3')).toEqual(all);
    expect(rows('--measure', 'degree', '--raw', '--min-grade', 'B2').every((r) => r.value === 0)).toBe(true);
    expect(run('analyze', jnim, '--measure', 'degree', '--min-grade', 'c2').stdout).toMatch(/evidence C2 or better \(kept 74\/74 entities, 124\/139 links\)/);
  });

  it('prints a readable table with the parameters and the networkx equivalent', () => {
    const { status, stdout } = run('analyze', jnim, '--measure', 'pagerank', '--top', '5');
    expect(status).toBe(0);
    expect(stdout).toMatch(/PageRank/);
    expect(stdout).toMatch(/alpha=0\.85/);
    expect(stdout).toContain('nx.pagerank(G, alpha=0.85');
    expect(stdout).toMatch(/^\s+1\s+JNIM\s+0\.\d+$/m);
    expect(stdout).toMatch(/69 more/);
  });

  it('a wrong command line exits 2 with the reason', () => {
    for (const argv of [
      ['--measure', 'influence'],
      [],
      ['--measure', 'degree', '--top', '0'],
      ['--measure', 'degree', '--as-of', '2016-13'],
      ['--measure', 'degree', '--min-grade', 'G7'],
    ]) {
      const { status, stderr } = run('analyze', jnim, ...argv);
      expect(status, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/workbench: /);
    }
    expect(run('analyze', tmp.file('missing.awcase'), '--measure', 'degree').status).toBe(1);
  });
});
