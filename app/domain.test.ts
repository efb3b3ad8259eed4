import { describe, expect, it } from 'vitest';
import { admiraltyGrade, comparePartialDates, datePrecision, formatPartialDate, formatPeriod, isPartialDate } from './domain';
import { formatLocator, locateQuote } from './samples/sampleCase';

describe('partial dates', () => {
  it('accepts year, month and day precision and refuses impossible dates', () => {
    for (const ok of ['2017', '2017-03', '2017-03-02', '2020-02-29']) expect(isPartialDate(ok), ok).toBe(true);
    for (const bad of ['17', '2017-3', '2017-13', '2017-00', '2019-02-29', '2017-04-31', '2017-03-02T00:00', '', 'March 2017']) {
      expect(isPartialDate(bad), bad).toBe(false);
    }
  });

  it('keeps the precision it was given when shown', () => {
    expect(datePrecision('2017')).toBe('year');
    expect(datePrecision('2017-03')).toBe('month');
    expect(formatPartialDate('2017')).toBe('2017');
    expect(formatPartialDate('2017-03')).toBe('March 2017');
    expect(formatPartialDate('2017-03-02')).toBe('2 March 2017');
    expect(formatPeriod('2013', null)).toBe('2013 –');
    expect(formatPeriod('2017-03-02', '2017-03-02')).toBe('2 March 2017');
    expect(formatPeriod(null, null)).toBeNull();
  });

  it('compares at the precision both dates share', () => {
    expect(comparePartialDates('2017', '2017-03-02')).toBe(0);
    expect(comparePartialDates('2016-12', '2017')).toBe(-1);
    expect(comparePartialDates('2017-03-03', '2017-03-02')).toBe(1);
  });

  it('writes Admiralty grades as letter and digit', () => {
    expect(admiraltyGrade('B', 2)).toBe('B2');
  });
});

describe('locating a quote in its source', () => {
  const body = 'Title\n\nFirst paragraph, with   a wrapped\nline.\n\nSecond “quoted” paragraph.';
  it('matches across any whitespace and reports the paragraph', () => {
    const at = locateQuote(body, 'with a wrapped line.');
    expect(at).not.toBeNull();
    expect(body.slice(at!.start, at!.end)).toBe('with   a wrapped\nline.');
    expect(at!.paragraph).toBe(2);
    expect(formatLocator(at!)).toMatch(/^para\. 2, chars \d+–\d+$/);
    expect(locateQuote(body, 'Second “quoted” paragraph.')?.paragraph).toBe(3);
  });

  it('does not match altered text, straight for curly quotes, or an empty quote', () => {
    expect(locateQuote(body, 'Second "quoted" paragraph.')).toBeNull();
    expect(locateQuote(body, 'with a wrapped lines')).toBeNull();
    expect(locateQuote(body, '   ')).toBeNull();
    expect(locateQuote(body, 'a (b')).toBeNull();
  });
});
