import { describe, expect, it } from 'vitest';
import { citationStrength, evidenceStrength, gradedCitations, meetsGrade, parseGrade, allGrades, formatGrade } from './grades';

describe('evidence grades', () => {
  it('parses Admiralty grades and refuses anything else', () => {
    expect(parseGrade('B2')).toEqual({ reliability: 'B', credibility: 2 });
    expect(parseGrade(' f6 ')).toEqual({ reliability: 'F', credibility: 6 });
    for (const bad of ['', 'B', '2', 'G2', 'B7', 'B22', 'BB']) expect(parseGrade(bad)).toBeNull();
  });

  it('"B2 or better" admits exactly A1, A2, B1 and B2', () => {
    const b2 = parseGrade('B2')!;
    expect(allGrades().filter((g) => meetsGrade(g, b2)).map(formatGrade)).toEqual(['A1', 'A2', 'B1', 'B2']);
  });

  it('maps grades to strengths in (0, 1], best citation wins, uncited links get the F6 strength', () => {
    expect(citationStrength({ reliability: 'A', credibility: 1 })).toBe(1);
    expect(citationStrength({ reliability: 'B', credibility: 2 })).toBeCloseTo(0.64, 12);
    expect(citationStrength({ reliability: 'F', credibility: 6 })).toBeCloseTo(0.09, 12);
    expect(citationStrength({ reliability: 'E', credibility: 5 })).toBeCloseTo(0.04, 12);
    const strengths = allGrades().map((g) => citationStrength(g));
    expect(Math.min(...strengths)).toBeGreaterThan(0);
    expect(evidenceStrength([{ reliability: 'C', credibility: 3 }, { reliability: 'B', credibility: 2 }])).toBeCloseTo(0.64, 12);
    expect(evidenceStrength([])).toBeCloseTo(0.09, 12);
  });

  it('joins citations to their sources’ reliability', () => {
    const graded = gradedCitations(
      [
        { sourceId: 's1', target: { kind: 'link', id: 'l1' }, credibility: 2 },
        { sourceId: 'gone', target: { kind: 'link', id: 'l2' }, credibility: 1 },
      ],
      [{ id: 's1', reliability: 'B' }],
    );
    expect(graded).toEqual([{ target: { kind: 'link', id: 'l1' }, reliability: 'B', credibility: 2 }]);
  });
});
