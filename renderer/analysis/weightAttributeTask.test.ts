import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../app/views';
import { runAnalysisTask } from './analysisTasks';
import { analysisInput, toAnalysisFilters } from './filterModel';
import { jnimChart } from './testing/jnimChart';

/**
 * The Analysis tab's "weighted by link attribute": the JNIM chart with a numeric attribute on
 * its links, one link made very long, so that the path by that attribute goes round it.
 */
const chart = jnimChart();
const jnim = chart.entities.find((e) => e.label === 'JNIM');
const direct = chart.links.find((l) => l.sourceId === jnim?.id || l.targetId === jnim?.id);
const links = chart.links.map((l) => ({ ...l, attributes: { ...l.attributes, km: l.id === direct?.id ? 1000 : 1 } }));
const weighted = { ...chart, links };
const ends = direct ? [direct.sourceId, direct.targetId] : [];

const task = (graph: { directed: boolean; weighted: boolean; weightAttribute?: string }) =>
  ({ kind: 'path', from: ends[0] ?? '', to: ends[1] ?? '', all: false, input: analysisInput(weighted, weighted.evidence), filters: toAnalysisFilters(weighted, NO_FILTERS), graph }) as const;

describe('analysis tasks weighed by a link attribute', () => {
  it('a shortest path by the attribute avoids the long link that the path by hops takes', async () => {
    const byHops = await runAnalysisTask(task({ directed: false, weighted: false }));
    const byKm = await runAnalysisTask(task({ directed: false, weighted: true, weightAttribute: 'km' }));
    if (byHops.kind !== 'highlight' || byKm.kind !== 'highlight') throw new Error('expected highlights');
    expect(byHops.highlight.linkIds).toContain(direct?.id);
    expect(byKm.highlight.linkIds).not.toContain(direct?.id);
    expect(byKm.highlight.detail).toMatch(/by the link attribute “km”/);
  });

  it('a measure by the attribute names it in the networkx call it reports', async () => {
    const answer = await runAnalysisTask({ kind: 'measure', measure: { measure: 'pagerank' }, input: analysisInput(weighted, weighted.evidence), filters: toAnalysisFilters(weighted, NO_FILTERS), graph: { directed: false, weighted: true, weightAttribute: 'km' } });
    if (answer.kind !== 'measure') throw new Error(answer.kind);
    expect(answer.result.networkxEquivalent).toContain('weight="km"');
  });
});
