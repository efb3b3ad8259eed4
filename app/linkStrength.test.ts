import { describe, expect, it } from 'vitest';
import type { Credibility, Reliability } from './domain';
import { deriveLinkStrength, effectiveLinkStrength } from './linkStrength';

const g = (grade: string) => ({ reliability: grade[0] as Reliability, credibility: Number(grade.slice(1)) as Credibility });

describe('link strength from citation grades', () => {
  it('is tentative with no evidence', () => {
    expect(deriveLinkStrength([])).toBe('tentative');
  });

  it('is confirmed by one reliable source with a probable claim', () => {
    expect(deriveLinkStrength([g('A1')])).toBe('confirmed');
    expect(deriveLinkStrength([g('B2')])).toBe('confirmed');
    expect(deriveLinkStrength([g('F6'), g('B2')])).toBe('confirmed');
  });

  it('is unconfirmed by fair sources or possible claims', () => {
    for (const grade of ['B3', 'A4', 'C1', 'C3', 'D4']) expect(deriveLinkStrength([g(grade)])).toBe('unconfirmed');
  });

  it('is tentative on unreliable sources or improbable claims', () => {
    for (const grade of ['E1', 'F2', 'A5', 'B6', 'D5']) expect(deriveLinkStrength([g(grade)])).toBe('tentative');
  });

  it('takes the best citation, so more evidence never weakens a link', () => {
    expect(deriveLinkStrength([g('E5'), g('C3')])).toBe('unconfirmed');
    expect(deriveLinkStrength([g('C3'), g('A1'), g('F6')])).toBe('confirmed');
  });

  it('follows the analyst when set by hand', () => {
    expect(effectiveLinkStrength('tentative', [g('A1')])).toBe('tentative');
    expect(effectiveLinkStrength(null, [g('A1')])).toBe('confirmed');
  });
});
