import { describe, expect, it } from 'vitest';
import {
  entityIssues,
  formatBytes,
  formatCount,
  linkIssues,
  noteBodyIssues,
  normaliseAliases,
  normaliseEntityFields,
  sourceIssues,
  utf8Length,
  type EntityFields,
} from './validate';

const entity = (over: Partial<EntityFields> = {}): EntityFields =>
  normaliseEntityFields({
    type: 'person',
    label: 'Iyad ag Ghali',
    aliases: [],
    description: null,
    startDate: null,
    endDate: null,
    attributes: {},
    color: null,
    ...over,
  });

describe('what an analyst may type', () => {
  it('normalises: trims, blanks to null, colour in lower case, aliases without repeats of each other or the label', () => {
    expect(entity({ label: '  JNIM ', description: '  ', startDate: '', color: ' #D62728 ', aliases: [' jnim', 'GSIM', 'gsim', ' ', 'Nusrat'] })).toEqual({
      type: 'person',
      label: 'JNIM',
      aliases: ['GSIM', 'Nusrat'],
      description: null,
      startDate: null,
      endDate: null,
      attributes: {},
      color: '#d62728',
    });
    expect(normaliseAliases('A', ['a', 'B', 'b '])).toEqual(['B']);
  });

  it('says in one sentence what is wrong with an entity', () => {
    expect(entityIssues(entity())).toEqual([]);
    expect(entityIssues(entity({ label: ' ' }))).toEqual([{ path: ['label'], message: 'An entity needs a label.' }]);
    expect(entityIssues(entity({ label: 'x'.repeat(1001) }))[0]?.message).toBe('A label can be at most 1,000 characters; this one has 1,001.');
    expect(entityIssues(entity({ type: '' }))[0]?.message).toBe('Choose a type for the entity.');
    expect(entityIssues(entity({ startDate: '2017-13' }))[0]?.message).toMatch(/^The start date is a year, a month or a day/);
    expect(entityIssues(entity({ startDate: '2017-03-02', endDate: '2017-03-01' }))[0]).toEqual({
      path: ['endDate'],
      message: 'The end date (1 March 2017) is before the start date (2 March 2017).',
    });
    expect(entityIssues(entity({ startDate: '2017-03-02', endDate: '2017-03' }))).toEqual([]);
    expect(entityIssues(entity({ color: 'red' }))[0]?.message).toBe('A colour is written #rrggbb, for example #d62728.');
    expect(entityIssues(entity({ aliases: ['a'.repeat(1001)] }))[0]?.path).toEqual(['aliases', 0]);
    expect(entityIssues(entity({ attributes: { '': 'x' } }))[0]?.message).toBe('An attribute needs a name.');
    expect(entityIssues(entity({ attributes: { score: Number.NaN } }))[0]?.message).toBe('The attribute “score” must be a finite number.');
  });

  it('accepts HTML and script as plain text: they are shown, never run', () => {
    expect(entityIssues(entity({ label: '<script>alert(1)</script>', aliases: ['<img onerror=x>'] }))).toEqual([]);
    expect(noteBodyIssues('<iframe src="javascript:alert(1)">')).toEqual([]);
  });

  it('takes a 1 MB note and refuses one over 2 MB, counting UTF-8 bytes', () => {
    expect(noteBodyIssues('a'.repeat(1024 * 1024))).toEqual([]);
    expect(noteBodyIssues('a'.repeat(2 * 1024 * 1024))).toEqual([]);
    expect(noteBodyIssues('€'.repeat(800_000))[0]?.message).toBe('A note can hold up to 2 MB of text; this one is 2.3 MB. Split it into several notes.');
    expect(noteBodyIssues(' \n ')[0]?.message).toBe('A note needs some text.');
  });

  it('checks links and sources', () => {
    const link = { type: 'leads', directed: true, label: null, description: null, startDate: '2019', endDate: '2018', attributes: {} };
    expect(linkIssues(link)[0]?.message).toBe('The end date (2018) is before the start date (2019).');
    expect(sourceIssues({ title: ' ', author: null, publisher: null, publishedDate: null, reference: null, body: null })[0]?.message).toBe(
      'A source needs a title.',
    );
  });

  it('counts and sizes the same way in every locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\ud800')).toBe(3);
  });
});
