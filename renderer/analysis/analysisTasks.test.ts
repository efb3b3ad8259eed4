import { describe, expect, it } from 'vitest';
import { AnalysisCancelledError } from '../../app/analysis';
import { NO_FILTERS } from '../../app/views';
import { runAnalysisTask, type AnalysisTask } from './analysisTasks';
import { analysisInput, toAnalysisFilters } from './filterModel';
import { jnimChart, labelled } from './testing/jnimChart';

const chart = jnimChart();
const network = (filters = NO_FILTERS, graph = { directed: false, weighted: false }) => ({
  input: analysisInput(chart, chart.evidence),
  filters: toAnalysisFilters(chart, filters),
  graph,
});

describe('analysis tasks (what the worker runs)', () => {
  it('betweenness ranks JNIM first and records how it was computed', async () => {
    const answer = await runAnalysisTask({ kind: 'measure', measure: { measure: 'betweenness' }, ...network() });
    if (answer.kind !== 'measure') throw new Error(answer.kind);
    expect(answer.ranking[0]?.label).toBe('JNIM');
    expect(answer.ranking).toHaveLength(chart.entities.length);
    expect(answer.result.networkxEquivalent).toBe('nx.betweenness_centrality(G, normalized=True)');
    expect(answer.result.filters?.entities).toEqual({ total: chart.entities.length, kept: chart.entities.length });
  });

  it('reports progress and stops when cancelled', async () => {
    const signal = { aborted: false };
    let reports = 0;
    const task: AnalysisTask = { kind: 'measure', measure: { measure: 'betweenness' }, ...network() };
    await expect(
      runAnalysisTask(task, {
        signal,
        sliceMs: 0,
        onProgress: () => {
          reports += 1;
          signal.aborted = true;
        },
      }),
    ).rejects.toBeInstanceOf(AnalysisCancelledError);
    expect(reports).toBeGreaterThan(0);
  });

  it('the shortest path from Iyad ag Ghali to Katibat Macina runs through JNIM', async () => {
    const from = labelled(chart, 'Iyad ag Ghali');
    const to = labelled(chart, 'Katibat Macina');
    const answer = await runAnalysisTask({ kind: 'path', from, to, all: false, ...network() });
    if (answer.kind !== 'highlight') throw new Error(answer.kind);
    expect(answer.highlight.route).toEqual(['Iyad ag Ghali', 'JNIM', 'Katibat Macina']);
    expect(answer.highlight.linkIds).toHaveLength(2);
    expect(answer.highlight.detail).toBe('2 hops, by hops.');
  });

  it('says so when an end is hidden by the filters', async () => {
    const task: AnalysisTask = {
      kind: 'path',
      from: labelled(chart, 'Iyad ag Ghali'),
      to: labelled(chart, 'JNIM'),
      all: true,
      ...network({ ...NO_FILTERS, asOf: '2016-12-31' }),
    };
    await expect(runAnalysisTask(task)).rejects.toThrow('JNIM is hidden by the filters in force.');
  });

  it('the connecting network and the neighbourhood of a selection', async () => {
    const ids = ['Iyad ag Ghali', 'al-Murabitoon', 'Ansar al-Din'].map((l) => labelled(chart, l));
    const joined = await runAnalysisTask({ kind: 'connecting', entityIds: ids, ...network() });
    if (joined.kind !== 'highlight') throw new Error(joined.kind);
    expect(joined.highlight.entityIds).toEqual(expect.arrayContaining(ids));
    const near = await runAnalysisTask({ kind: 'neighbourhood', seeds: [labelled(chart, 'Iyad ag Ghali')], hops: 1, ...network() });
    if (near.kind !== 'highlight') throw new Error(near.kind);
    expect(near.highlight.entityIds).toContain(labelled(chart, 'JNIM'));
  });

  it('communities are the same every run, and grade sensitivity compares C2-or-better with all evidence', async () => {
    const a = await runAnalysisTask({ kind: 'communities', seed: 1, ...network() });
    const b = await runAnalysisTask({ kind: 'communities', seed: 1, ...network() });
    if (a.kind !== 'communities' || b.kind !== 'communities') throw new Error('communities');
    expect(a.result.communities.length).toBeGreaterThan(1);
    expect(a.result.membership).toEqual(b.result.membership);
    const s = await runAnalysisTask({ kind: 'sensitivity', measure: { measure: 'degree' }, minGrade: 'C2', ...network() });
    if (s.kind !== 'sensitivity') throw new Error(s.kind);
    expect(s.result.minGrade).toBe('C2');
    expect(s.result.linksDropped).toBeGreaterThan(0);
    expect(s.result.rows).toHaveLength(chart.entities.length);
  });
});
