/**
 * Evidence grades for analysis: which citations meet a minimum Admiralty grade, and how strong a
 * link is given the grades of the citations behind it.
 */
import {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  type Citation,
  type CitationTarget,
  type Credibility,
  type Reliability,
  type Source,
} from '../domain';

/** An Admiralty grade: source reliability A–F and information credibility 1–6. */
export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
}

/** One citation as analysis sees it: what it supports and how it is graded. */
export interface GradedCitation extends Grade {
  target: CitationTarget;
}

/** Parses "B2" (case-insensitive, spaces ignored); null when it is not an Admiralty grade. */
export function parseGrade(text: string): Grade | null {
  const m = /^([A-Fa-f])\s*([1-6])$/.exec(text.trim());
  if (!m) return null;
  return { reliability: (m[1] as string).toUpperCase() as Reliability, credibility: Number(m[2]) as Credibility };
}

export function formatGrade(grade: Grade): string {
  return `${grade.reliability}${grade.credibility}`;
}

/**
 * True when `grade` is `minimum` or better on both scales: "B2 or better" admits A1, A2, B1, B2
 * and nothing else (A3 fails on credibility, C1 on reliability). F and 6 ("cannot be judged")
 * count as the lowest, so only a minimum of F6 admits them.
 */
export function meetsGrade(grade: Grade, minimum: Grade): boolean {
  return (
    RELIABILITY_GRADES.indexOf(grade.reliability) <= RELIABILITY_GRADES.indexOf(minimum.reliability) &&
    grade.credibility <= minimum.credibility
  );
}

/**
 * How much each grade contributes to a citation's strength (strength = reliability factor ×
 * credibility factor, in (0, 1]). The steps are even from the best grade (1.0) to the worst
 * judged one (0.2). "Cannot be judged" (F, 6) sits between the two lowest judged grades: evidence
 * nobody could assess is not known to be bad, but nothing should rest on it.
 */
export interface GradeStrengthTable {
  reliability: Record<Reliability, number>;
  credibility: Record<Credibility, number>;
  /** Strength of a link with no citation at all (default: that of an F6 citation, 0.09). */
  uncited: number;
}

export const DEFAULT_GRADE_STRENGTH: GradeStrengthTable = {
  reliability: { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 },
  credibility: { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3 },
  uncited: 0.09,
};

/** The strength of one citation, in (0, 1]: A1 → 1, B2 → 0.64, C3 → 0.36, F6 → 0.09. */
export function citationStrength(grade: Grade, table: GradeStrengthTable = DEFAULT_GRADE_STRENGTH): number {
  return table.reliability[grade.reliability] * table.credibility[grade.credibility];
}

/**
 * The strength of a link: that of its best citation (the maximum), or `table.uncited` when it has
 * none. Best, not sum: corroboration is already graded (credibility 1, "confirmed by other
 * sources"), and summing would let ten weak reports outweigh one confirmed one.
 */
export function evidenceStrength(grades: readonly Grade[], table: GradeStrengthTable = DEFAULT_GRADE_STRENGTH): number {
  let best = 0;
  for (const grade of grades) best = Math.max(best, citationStrength(grade, table));
  return grades.length === 0 ? table.uncited : best;
}

/** Joins citations to their sources' reliability: the evidence input of `buildAnalysisGraph`. */
export function gradedCitations(
  citations: readonly Pick<Citation, 'sourceId' | 'target' | 'credibility'>[],
  sources: readonly Pick<Source, 'id' | 'reliability'>[],
): GradedCitation[] {
  const reliability = new Map(sources.map((s) => [s.id, s.reliability]));
  const out: GradedCitation[] = [];
  for (const citation of citations) {
    const r = reliability.get(citation.sourceId);
    if (r === undefined) continue;
    out.push({ target: citation.target, reliability: r, credibility: citation.credibility });
  }
  return out;
}

/** All grades, best first, for a grade picker: A1, A2, … F6. */
export function allGrades(): Grade[] {
  return RELIABILITY_GRADES.flatMap((reliability) => CREDIBILITY_GRADES.map((credibility) => ({ reliability, credibility })));
}
