import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../app/editing/validate';
import { citationChanges, citationRemovalSummary, shortQuote, sourceDeletion } from './evidenceEditing';

const citation = { quote: 'Iyad ag Ghali was named emir', credibility: 2 as const, comment: 'From the video' };

describe('citationChanges', () => {
  it('sends only what the analyst changed', () => {
    expect(citationChanges(citation, { credibility: 5, comment: 'From the video' })).toEqual({ ok: true, changes: { credibility: 5 } });
    expect(citationChanges(citation, { credibility: 2, comment: '  Seen twice  ' })).toEqual({ ok: true, changes: { comment: 'Seen twice' } });
  });

  it('records nothing for an unchanged form, and a blank comment clears it', () => {
    expect(citationChanges(citation, { credibility: 2, comment: ' From the video ' })).toEqual({ ok: true, changes: {} });
    expect(citationChanges(citation, { credibility: 2, comment: '   ' })).toEqual({ ok: true, changes: { comment: null } });
    expect(citationChanges({ ...citation, comment: null }, { credibility: 2, comment: '' })).toEqual({ ok: true, changes: {} });
  });

  it('refuses a comment over the limit with the sentence main would give', () => {
    const result = citationChanges(citation, { credibility: 3, comment: 'x'.repeat(LIMITS.comment + 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('A comment can be at most 10,000 characters');
  });
});

describe('citationRemovalSummary', () => {
  it('says which quote leaves which item, and that the source stays', () => {
    const text = citationRemovalSummary({ quote: 'named\n emir', source: { title: 'Field report' } }, 'Iyad ag Ghali');
    expect(text).toBe('This removes the quote “named emir” from Iyad ag Ghali. The source “Field report” stays in the case, with its other citations.');
  });
});

describe('sourceDeletion', () => {
  it('refuses a quoted source with the number of citations, and deletes nothing', () => {
    expect(sourceDeletion({ title: 'Report', citations: 3 })).toEqual({
      allowed: false,
      message: expect.stringContaining('“Report” cannot be deleted: 3 citations quote it. Nothing has been deleted.') as unknown,
    });
    expect(sourceDeletion({ title: 'Report', citations: 1 }).message).toContain('1 citation quotes it');
  });

  it('allows an unquoted source', () => {
    expect(sourceDeletion({ title: 'Report', citations: 0 })).toEqual({ allowed: true, message: 'Delete the source “Report”? No citation quotes it.' });
  });
});

describe('shortQuote', () => {
  it('shortens long quotes on one line', () => {
    expect(shortQuote('a'.repeat(100), 10)).toBe(`“${'a'.repeat(9)}…”`);
  });
});
