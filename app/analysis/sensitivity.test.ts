import { describe, expect, it } from 'vitest';
import { gradeSensitivity } from './sensitivity';
import { smallCase } from './testing/smallCase';

describe('grade sensitivity', () => {
  it('compares the ranking with all evidence and with B2-or-better only', () => {
    const result = gradeSensitivity(smallCase, { measure: { measure: 'degree' }, minGrade: 'B2' });
    expect(result.minGrade).toBe('B2');
    expect(result.all.filters?.minGrade).toBeNull();
    expect(result.strong.filters?.minGrade).toBe('B2');
    // l-g (A3), l-a (C3) and g-r (C3) rest on weaker evidence.
    expect(result.linksDropped).toBe(3);
    const row = (id: string) => result.rows.find((r) => r.id === id)!;
    expect(row('G')).toMatchObject({ rankAll: 1, rankStrong: 1, rankChange: 0 });
    // The leader loses both links: from 2nd to last.
    expect(row('L').rankAll).toBe(2);
    expect(row('L').valueStrong).toBe(0);
    expect(row('L').rankChange).toBeLessThan(0);
    expect(result.rows).toHaveLength(smallCase.entities.length);
    expect(result.spearman).toBeLessThan(1);
    expect(result.spearman).toBeGreaterThan(-1);
  });

  it('changes nothing when every link is well evidenced', () => {
    const result = gradeSensitivity(smallCase, { measure: { measure: 'pagerank' }, minGrade: 'F6' });
    expect(result.linksDropped).toBe(0);
    expect(result.rows.every((r) => r.rankChange === 0)).toBe(true);
    expect(result.spearman).toBeCloseTo(1, 12);
  });
});
