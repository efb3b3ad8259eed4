import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeCase } from '../app/analysis/analyze';
import type { GradedCitation } from '../app/analysis/grades';
import type { ChartData } from '../app/contract';
import { createSampleCase } from '../db/samples';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { RecentCases } from './recentCases';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

beforeEach(() => {
  tmp = tempFolder();
  session = new CaseSession();
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
  });
  call = (channel, input) => dispatch(handlers, channel, input, () => undefined);
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

describe('analysis.evidence', () => {
  it('gives every citation’s grade, which with chart.load is all link analysis needs', async () => {
    expect((await call('analysis.evidence')).ok).toBe(false);
    const path = tmp.file('jnim.awcase');
    createSampleCase(path, 'jnim');
    await call('case.open', { path });
    const evidence = (await call('analysis.evidence')).value as GradedCitation[];
    const chart = (await call('chart.load')).value as ChartData;
    expect(evidence).toHaveLength(294);
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
