import { jnimCase } from './jnim/jnimCase';
import type { SampleCase } from './sampleCase';

/** The sample cases that ship with the app, by slug. */
export const SAMPLE_CASES: Readonly<Record<string, SampleCase>> = { jnim: jnimCase };

export function sampleCase(slug: string): SampleCase | null {
  return Object.prototype.hasOwnProperty.call(SAMPLE_CASES, slug) ? (SAMPLE_CASES[slug] ?? null) : null;
}
