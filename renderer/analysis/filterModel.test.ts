import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../app/views';
import { asOfSteps, describePeriod, filtersActive, formatAsOf, toAnalysisFilters, visibleNetwork } from './filterModel';
import { jnimChart, labelled } from './testing/jnimChart';

const chart = jnimChart();
const founding = chart.links.filter((l) => l.type === 'founding_faction_of').map((l) => l.id);

describe('the as-of slider', () => {
  it('steps by month from the earliest date in the case (2012) to the latest (2020, to its December)', () => {
    const steps = asOfSteps(chart);
    expect(steps[0]).toBe('2012-01-31');
    expect(steps[59]).toBe('2016-12-31');
    expect(steps[61]).toBe('2017-02-28');
    expect(steps.at(-1)).toBe('2020-12-31');
    expect(formatAsOf('2016-12-31')).toBe('31 Dec 2016');
  });

  it('has no stops when nothing is dated', () => {
    expect(asOfSteps({ entities: [], links: [] })).toEqual([]);
  });
});

describe('what the chart shows under the filters', () => {
  it('shows everything when nothing is filtered', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(visibleNetwork(chart, chart.evidence, NO_FILTERS)).toBeNull();
  });

  it('as of the end of 2016 the four founding links and JNIM itself are not there; after March 2017 they are', () => {
    const before = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, asOf: '2016-12-31' })!;
    expect(founding).toHaveLength(4);
    expect(founding.filter((id) => before.linkIds.has(id))).toEqual([]);
    expect(before.entityIds.has(labelled(chart, 'JNIM'))).toBe(false);
    expect(before.report.notes.join(' ')).toMatch(/undated/);
    const after = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, asOf: '2017-03-31' })!;
    expect(founding.filter((id) => after.linkIds.has(id))).toHaveLength(4);
  });

  it('a period brushed over 2016 leaves out the founding links as the slider at the end of 2016 does, and keeps what ended during 2016', () => {
    const slider = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, asOf: '2016-12-31' })!;
    const brushed = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, from: '2016-01-01', asOf: '2016-12-31' })!;
    expect(founding.filter((id) => brushed.linkIds.has(id))).toEqual([]);
    expect([...slider.linkIds].every((id) => brushed.linkIds.has(id))).toBe(true);
    expect(describePeriod({ from: '2016-01-01', asOf: '2016-12-31' })).toBe('from 1 Jan 2016 to 31 Dec 2016');
    expect(describePeriod({ from: null, asOf: '2016-12-31' })).toBe('as of 31 Dec 2016');
    // A period is a filter only with its end: `from` alone changes nothing.
    expect(visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, from: '2016-01-01' })).toBeNull();
  });

  it('hides entity types (and their links), and hiding every type hides everything', () => {
    const noPeople = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, hiddenEntityTypes: ['person'] })!;
    expect(noPeople.entityIds.has(labelled(chart, 'Iyad ag Ghali'))).toBe(false);
    expect([...noPeople.linkIds].every((id) => chart.links.find((l) => l.id === id)!.sourceId !== labelled(chart, 'Iyad ag Ghali'))).toBe(true);
    const types = [...new Set(chart.entities.map((e) => e.type))];
    const nothing = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, hiddenEntityTypes: types })!;
    expect(nothing.entityIds.size).toBe(0);
    expect(toAnalysisFilters(chart, { ...NO_FILTERS, hiddenEntityTypes: types }).entityTypes).toHaveLength(1);
  });

  it('a minimum grade of C2 keeps only links cited at C1 or C2 (the JNIM source is graded C); B2 keeps none', () => {
    const c2 = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, minGrade: 'C2' })!;
    expect(c2.linkIds.size).toBeGreaterThan(0);
    expect(c2.linkIds.size).toBeLessThan(chart.links.length);
    expect(c2.entityIds.size).toBe(chart.entities.length);
    const b2 = visibleNetwork(chart, chart.evidence, { ...NO_FILTERS, minGrade: 'B2' })!;
    expect(b2.linkIds.size).toBe(0);
    // Until the evidence has loaded, a grade filter cannot apply: everything shows.
    expect(visibleNetwork(chart, null, { ...NO_FILTERS, minGrade: 'B2' })).toBeNull();
  });
});
