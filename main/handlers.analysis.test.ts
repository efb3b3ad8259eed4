import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeCase } from '../app/analysis/analyze';
import type { GradedCitation } from '../app/analysis/grades';
import type { ChartData } from '../app/contract';
import { createSampleCase } from '../db/samples';
import { handlerHarness, type Call } from './testing/handlerHarness';

let harness: ReturnType<typeof handlerHarness>;
let tmp: ReturnType<typeof handlerHarness>['tmp'];
let call: Call;

beforeEach(() => {
  harness = handlerHarness();
  ({ tmp, call } = harness);
});
afterEach(() => harness.close());

describe('analysis.evidence', () => {
  it('gives every citation’s grade, which with chart.load is all link analysis needs', async () => {
    expect((await call('analysis.evidence')).ok).toBe(false);
    const path = tmp.file('jnim.awcase');
    createSampleCase(path, 'jnim');
    await harness.openCase(path);
    const evidence = (await call('analysis.evidence')).value as GradedCitation[];
    const chart = (await call('chart.load')).value as ChartData;
    // The article's 296 citations and the gazetteers' 14.
    expect(evidence).toHaveLength(310);
    for (const citation of evidence) {
      expect(['entity', 'link']).toContain(citation.target.kind);
      expect(citation.reliability).toMatch(/^[A-F]$/);
      expect([1, 2, 3, 4, 5, 6]).toContain(citation.credibility);
    }
    const result = analyzeCase({ entities: chart.entities, links: chart.links, evidence }, { filters: { minGrade: 'C2' }, graph: { weighted: true }, measure: { measure: 'betweenness' } });
    expect(result.filters?.links.kept).toBeLessThan(chart.links.length);
    expect(Math.max(...Object.values(result.values))).toBeGreaterThan(0);
  });
});
