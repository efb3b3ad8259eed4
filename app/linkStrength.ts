import type { Credibility, LinkStrength, Reliability } from './domain';

/** The grades of one citation on a link: its source's reliability and its own credibility. */
export interface CitationGrade {
  reliability: Reliability;
  credibility: Credibility;
}

const STRONG_SOURCE: ReadonlySet<Reliability> = new Set(['A', 'B']);
const FAIR_SOURCE: ReadonlySet<Reliability> = new Set(['A', 'B', 'C', 'D']);

/**
 * A link's strength from its citations, in the i2 convention:
 * - confirmed: at least one citation from a reliable source (A or B) whose claim is confirmed or
 *   probably true (1 or 2), e.g. B2;
 * - unconfirmed: otherwise, at least one citation from a source graded A to D with a claim graded
 *   1 to 4 (C3, D4, A3, …);
 * - tentative: anything weaker, or no citation at all (E/F sources, claims graded 5 or 6).
 * The best citation decides: adding evidence never weakens a link.
 */
export function deriveLinkStrength(grades: readonly CitationGrade[]): LinkStrength {
  let strength: LinkStrength = 'tentative';
  for (const { reliability, credibility } of grades) {
    if (STRONG_SOURCE.has(reliability) && credibility <= 2) return 'confirmed';
    if (FAIR_SOURCE.has(reliability) && credibility <= 4) strength = 'unconfirmed';
  }
  return strength;
}

/** What the chart draws: the analyst's choice when there is one, else the derived strength. */
export function effectiveLinkStrength(override: LinkStrength | null, grades: readonly CitationGrade[]): LinkStrength {
  return override ?? deriveLinkStrength(grades);
}
