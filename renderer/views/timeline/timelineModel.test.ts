import { describe, expect, it } from 'vitest';
import { jnimChart } from '../../analysis/testing/jnimChart';
import { busiestEntities, dateSpan, lanesByEntity, lanesByType, packRows, periodOfRange, rangeOfPeriod, snapRange, timelineData } from './timelineModel';

const chart = jnimChart();
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dates at the precision the case holds', () => {
  it('a year covers the whole year, a month the month, a day the day (leap years and short months from d3-time)', () => {
    expect([iso(dateSpan('2017').start), iso(dateSpan('2017').end)]).toEqual(['2017-01-01', '2018-01-01']);
    expect([iso(dateSpan('2016-02').start), iso(dateSpan('2016-02').end)]).toEqual(['2016-02-01', '2016-03-01']);
    expect([iso(dateSpan('2017-03-02').start), iso(dateSpan('2017-03-02').end)]).toEqual(['2017-03-02', '2017-03-03']);
    expect(dateSpan('0045').start.getUTCFullYear()).toBe(45);
  });
});

describe('the JNIM timeline', () => {
  const data = timelineData(chart);

  it('draws JNIM from its founding day, open-ended, and a year-precision item as a band across its year', () => {
    const jnim = data.items.find((i) => i.id === 'jnim')!;
    expect(iso(jnim.start)).toBe('2017-03-02');
    expect(jnim.openEnd).toBe(true);
    const yearItem = data.items.find((i) => i.startPrecision === 'year' && i.endPrecision === null)!;
    expect(iso(yearItem.start).slice(5)).toBe('01-01');
    expect(yearItem.end.getTime() - yearItem.start.getTime()).toBeGreaterThanOrEqual(365 * 86_400_000);
  });

  it('lists every undated item apart, so dated plus undated is the whole case', () => {
    expect(data.items.length + data.undated.length).toBe(chart.entities.length + chart.links.length);
    expect(data.undated.length).toBeGreaterThan(0);
    for (const u of data.undated) {
      const row = u.kind === 'entity' ? chart.entities.find((e) => e.id === u.id)! : chart.links.find((l) => l.id === u.id)!;
      expect([row.startDate, row.endDate]).toEqual([null, null]);
    }
  });

  it('lanes by type hold every dated item once; lanes by entity hold the entity, its dated links and linked events', () => {
    const byType = lanesByType(data);
    expect(byType.reduce((n, l) => n + l.items.length, 0)).toBe(data.items.length);
    expect(byType.find((l) => l.id === 'link:founding_faction_of')!.items).toHaveLength(4);
    const [jnimLane] = lanesByEntity(data, chart, ['jnim']);
    expect(jnimLane!.items.some((i) => i.id === 'jnim')).toBe(true);
    expect(jnimLane!.items.filter((i) => i.type === 'founding_faction_of')).toHaveLength(4);
    expect(jnimLane!.items.every((i) => i.id === 'jnim' || i.sourceId === 'jnim' || i.targetId === 'jnim' || i.type === 'event')).toBe(true);
    expect(busiestEntities(data, chart, 1)).toEqual(['jnim']);
  });
});

describe('rows and brushed periods', () => {
  it('packs overlapping items on separate rows and reuses a row once it is free', () => {
    const rows = packRows(['a', 'b', 'c'], (x) => (x === 'a' ? [0, 100] : x === 'b' ? [50, 80] : [120, 130]));
    expect([rows.get('a'), rows.get('b'), rows.get('c')]).toEqual([0, 1, 0]);
  });

  it('a brush over 2016 is the period 1 Jan to 31 Dec 2016, and that period spans 2016 on the axis', () => {
    const period = periodOfRange(new Date('2016-01-01T00:00:00Z'), new Date('2017-01-01T00:00:00Z'));
    expect(period).toEqual({ from: '2016-01-01', asOf: '2016-12-31' });
    expect(periodOfRange(new Date('2016-12-31T10:00:00Z'), new Date('2016-01-01T05:00:00Z'))).toEqual(period);
    const [start, end] = rangeOfPeriod(period)!;
    expect([iso(start), iso(end)]).toEqual(['2016-01-01', '2017-01-01']);
    expect(rangeOfPeriod({ from: null, asOf: null })).toBeNull();
  });

  it('a brush snaps to days when a day is a few pixels wide, else to months, else to years', () => {
    const start = new Date('2015-12-30T10:00:00Z');
    const end = new Date('2016-12-26T20:00:00Z');
    expect(periodOfRange(...snapRange(start, end, 0.15))).toEqual({ from: '2016-01-01', asOf: '2016-12-31' });
    expect(periodOfRange(...snapRange(start, end, 0.05))).toEqual({ from: '2016-01-01', asOf: '2016-12-31' });
    expect(periodOfRange(...snapRange(start, end, 10))).toEqual({ from: '2015-12-30', asOf: '2016-12-26' });
    // A click-sized brush still covers one whole unit.
    expect(periodOfRange(...snapRange(start, start, 0.01))).toEqual({ from: '2016-01-01', asOf: '2016-12-31' });
  });
});
