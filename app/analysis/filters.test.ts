import { describe, expect, it } from 'vitest';
import { applyFilters, existsDuring, existsOn, filterByEntityType, filterByLinkType, filterByMinGrade } from './filters';
import { smallCase } from './testing/smallCase';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

describe('analysis filters', () => {
  it('dates: start ≤ D ≤ end at the precision both sides share; open ends are open', () => {
    const formed = { startDate: '2017-03-02', endDate: null };
    expect(existsOn(formed, '2016')).toBe(false);
    expect(existsOn(formed, '2017-03-01')).toBe(false);
    expect(existsOn(formed, '2017-03-02')).toBe(true);
    expect(existsOn(formed, '2017')).toBe(true);
    expect(existsOn(formed, '2017-03')).toBe(true);
    const ended = { startDate: '2012', endDate: '2017' };
    expect(existsOn(ended, '2017-12-31')).toBe(true);
    expect(existsOn(ended, '2018')).toBe(false);
    expect(existsOn({ startDate: null, endDate: null }, '1900')).toBe(true);
  });

  it('periods: an item is kept when it existed at any time in the period, and a one-day period is the as-of day', () => {
    const ended = { startDate: '2012', endDate: '2014-06' };
    expect(existsDuring(ended, '2014-06-30', '2015')).toBe(true);
    expect(existsDuring(ended, '2014-07-01', '2015')).toBe(false);
    expect(existsDuring({ startDate: '2017-03-02', endDate: null }, '2016-01-01', '2016-12-31')).toBe(false);
    for (const item of [ended, { startDate: '2017-03-02', endDate: null }, { startDate: null, endDate: '2013' }]) {
      for (const day of ['2013-12-31', '2014-06-15', '2017-03-01', '2017-03-02']) expect(existsDuring(item, day, day)).toBe(existsOn(item, day));
    }
  });

  it('a period filter is reported with its start, and one that ends before it starts is refused', () => {
    const { report } = applyFilters(smallCase, { asOf: '2016-12-31', from: '2016-01-01' });
    expect(report.from).toBe('2016-01-01');
    expect(applyFilters(smallCase, { asOf: '2016-12-31', from: '2016-12-31' }).report.from).toBeNull();
    expect(() => applyFilters(smallCase, { asOf: '2015', from: '2016' })).toThrow(/starts \(2016\) after it ends \(2015\)/);
  });

  it('as of 2016 the factions stand apart: the group and its founding links are gone, undated items kept and counted', () => {
    const { input, report } = applyFilters(smallCase, { asOf: '2016' });
    expect(ids(input.entities)).toEqual(['A', 'B', 'L', 'R', 'X', 'Y']);
    expect(ids(input.links)).toEqual(['l-a']);
    expect(report.asOf).toBe('2016');
    expect(report.undatedEntitiesKept).toBe(3);
    expect(report.undatedLinksKept).toBe(0);
    expect(report.notes.join(' ')).toMatch(/3 undated entities/);
    expect(report.links).toEqual({ total: 6, kept: 1 });
    // Citations follow what they support.
    expect(input.evidence?.every((c) => c.target.id === 'l-a')).toBe(true);
  });

  it('as of 2018 the merged group stands with its founders’ links', () => {
    const { input, report } = applyFilters(smallCase, { asOf: '2018' });
    expect(ids(input.links)).toEqual(['g-r', 'g-y', 'l-g']);
    expect(report.undatedLinksKept).toBe(1);
  });

  it('by type keeps the chosen entity and link types', () => {
    expect(ids(filterByEntityType(smallCase, ['armed_group']).links)).toEqual(['a-g', 'b-g', 'g-r', 'g-y']);
    const onlyLeads = filterByLinkType(smallCase, ['leads']);
    expect(ids(onlyLeads.links)).toEqual(['l-g']);
    expect(onlyLeads.entities).toHaveLength(smallCase.entities.length);
  });

  it('minimum grade keeps links with a citation at that grade or better, and only those citations', () => {
    const strong = filterByMinGrade(smallCase, { reliability: 'B', credibility: 2 });
    // l-g is A3 (fails on credibility), b-g has B2 and C1 (B2 passes), C3 links fail.
    expect(ids(strong.links)).toEqual(['a-g', 'b-g', 'g-y']);
    expect(strong.evidence?.filter((c) => c.target.id === 'b-g')).toHaveLength(1);
    const { report } = applyFilters(smallCase, { minGrade: 'b2' });
    expect(report.minGrade).toBe('B2');
    expect(() => applyFilters(smallCase, { minGrade: 'Z9' })).toThrow(/not an Admiralty grade/);
    expect(() => applyFilters(smallCase, { asOf: '2017-13' })).toThrow(/not a date/);
  });
});
