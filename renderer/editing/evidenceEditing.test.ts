import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../app/editing/validate';
import { citationChanges, citationRemovalSummary, passageOf, shortQuote, sourceDeletion } from './evidenceEditing';

const citation = { quote: 'Iyad ag Ghali was named emir', credibility: 2 as const, comment: 'From the video', locator: 'para. 2, chars 40–68' };
const draft = { credibility: 2 as const, comment: 'From the video', locator: 'para. 2, chars 40–68' };

describe('citationChanges', () => {
  it('sends only what the analyst changed', () => {
    expect(citationChanges(citation, { ...draft, credibility: 5 })).toEqual({ ok: true, changes: { credibility: 5 } });
    expect(citationChanges(citation, { ...draft, comment: '  Seen twice  ' })).toEqual({ ok: true, changes: { comment: 'Seen twice' } });
    expect(citationChanges(citation, { ...draft, locator: ' p. 4 of the print edition ' })).toEqual({ ok: true, changes: { locator: 'p. 4 of the print edition' } });
  });

  it('records nothing for an unchanged form, and a blank comment or locator clears it', () => {
    expect(citationChanges(citation, { ...draft, comment: ' From the video ', locator: ' para. 2, chars 40–68' })).toEqual({ ok: true, changes: {} });
    expect(citationChanges(citation, { ...draft, comment: '   ' })).toEqual({ ok: true, changes: { comment: null } });
    expect(citationChanges(citation, { ...draft, locator: '  ' })).toEqual({ ok: true, changes: { locator: null } });
    expect(citationChanges({ ...citation, comment: null, locator: null }, { ...draft, comment: '', locator: '' })).toEqual({ ok: true, changes: {} });
  });

  it('refuses a comment or a locator over the limit with the sentence main would give, naming the field', () => {
    const comment = citationChanges(citation, { ...draft, credibility: 3, comment: 'x'.repeat(LIMITS.comment + 1) });
    expect(comment).toMatchObject({ ok: false, field: 'comment' });
    if (!comment.ok) expect(comment.message).toContain('A comment can be at most 10,000 characters');
    const locator = citationChanges(citation, { ...draft, locator: 'p'.repeat(LIMITS.locator + 1) });
    expect(locator).toEqual({ ok: false, field: 'locator', message: 'A locator can be at most 1,000 characters; this one has 1,001.' });
    expect(citationChanges(citation, { ...draft, locator: 'p'.repeat(LIMITS.locator) }).ok).toBe(true);
  });
});

describe('passageOf', () => {
  const body = 'Field report.\n\nIyad ag Ghali was named emir. Iyad ag Ghali spoke.';
  const quote = 'Iyad ag Ghali';
  const second = body.lastIndexOf(quote);

  it('takes the characters the locator names when the quote stands there (a repeated passage)', () => {
    expect(passageOf(body, quote, `para. 2, chars ${second}–${second + quote.length}`)).toEqual({ start: second, end: second + quote.length });
  });

  it('finds the quote itself when a hand-edited locator names other characters or none', () => {
    const first = { start: body.indexOf(quote), end: body.indexOf(quote) + quote.length };
    expect(passageOf(body, quote, 'chars 0–5')).toEqual(first);
    expect(passageOf(body, quote, 'p. 4 of the print edition')).toEqual(first);
    expect(passageOf(body, quote, 'chars 10–9999')).toEqual(first);
    expect(passageOf(body, 'not there', null)).toBeNull();
  });
});

describe('citationRemovalSummary', () => {
  it('says which quote leaves which item, and that the source stays', () => {
    const text = citationRemovalSummary({ quote: 'named\n emir', source: { title: 'Field report' } }, 'Iyad ag Ghali');
    expect(text).toBe('This removes the quote “named emir” from Iyad ag Ghali. The source “Field report” stays in the case, with its other citations.');
  });
});

describe('sourceDeletion', () => {
  const source = { title: 'Report' };

  it('says exactly what goes with a quoted source: its citations, on how many entities and links', () => {
    expect(sourceDeletion({ source, citations: 1_294, entities: 72, links: 142 })).toEqual({
      withCitations: true,
      message:
        'Deleting the source “Report” also deletes the 1,294 citations that quote it, on 214 items (72 entities and 142 links). ' +
        'Those entities and links stay; the strength of a link drawn from its evidence follows the citations that remain.',
      action: 'Delete source and 1,294 citations',
      done: 'Deleted the source “Report” and its 1,294 citations.',
    });
    const one = sourceDeletion({ source, citations: 1, entities: 0, links: 1 });
    expect(one.message).toMatch(/^Deleting the source “Report” also deletes the citation that quotes it, on 1 link\. /);
    expect(one).toMatchObject({ action: 'Delete source and its citation', done: 'Deleted the source “Report” and its citation.' });
    expect(sourceDeletion({ source, citations: 3, entities: 1, links: 0 }).message).toContain('the 3 citations that quote it, on 1 entity.');
  });

  it('deletes an unquoted source alone', () => {
    expect(sourceDeletion({ source, citations: 0, entities: 0, links: 0 })).toEqual({
      withCitations: false,
      message: 'Delete the source “Report”? No citation quotes it.',
      action: 'Delete source',
      done: 'Deleted the source “Report”.',
    });
  });
});

describe('shortQuote', () => {
  it('shortens long quotes on one line', () => {
    expect(shortQuote('a'.repeat(100), 10)).toBe(`“${'a'.repeat(9)}…”`);
  });
});
