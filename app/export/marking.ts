import { oneLine } from './text';

/**
 * The handling marking printed as a banner at the top and bottom of an exported image: free text
 * (a classification or caveat the analyst types), or a Traffic Light Protocol 2.0 label drawn as
 * FIRST's standard says: the label in its colour on black.
 */

export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];

/** FIRST TLP 2.0 colours (RGB given by the standard), text on a black (#000000) background. */
export const TLP_COLOURS: Record<TlpLabel, string> = {
  CLEAR: '#ffffff',
  GREEN: '#33ff00',
  AMBER: '#ffc000',
  'AMBER+STRICT': '#ffc000',
  RED: '#ff2b2b',
};

export const TLP_DESCRIPTIONS: Record<TlpLabel, string> = {
  CLEAR: 'Disclosure is not limited.',
  GREEN: 'Limited disclosure, restricted to the community.',
  AMBER: 'Limited disclosure, restricted to participants’ organisations and their clients.',
  'AMBER+STRICT': 'Limited disclosure, restricted to participants’ organisations.',
  RED: 'For the eyes and ears of individual recipients only, no further disclosure.',
};

export type MarkingChoice = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'tlp'; label: TlpLabel };

/** What a banner shows and in which colours. */
export interface Banner {
  text: string;
  textColour: string;
  background: string;
}

/** The banner for a marking, or null when there is none (or the free text is empty). */
export function bannerFor(marking: MarkingChoice): Banner | null {
  if (marking.kind === 'tlp') return { text: `TLP:${marking.label}`, textColour: TLP_COLOURS[marking.label], background: '#000000' };
  if (marking.kind === 'text') {
    const text = oneLine(marking.text);
    // Printed plainly and legibly, as classification lines are: black on white, ruled off the page.
    return text === '' ? null : { text, textColour: '#000000', background: '#ffffff' };
  }
  return null;
}
