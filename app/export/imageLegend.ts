import { ENTITY_TYPES, entityTypeDefinition } from '../entityTypes';
import type { LinkTypeDefinition } from '../linkTypes';

type Tone = LinkTypeDefinition['tone'];

export interface LegendEntry {
  kind: 'entity' | 'link';
  /** Entity type id, or link tone. */
  key: string;
  label: string;
  colour: string;
  /** The entity type's icon (24 × 24 path); null for links. */
  iconPath: string | null;
  /** Links: drawn with an arrow head. */
  arrow: boolean;
  /** Links: drawn dashed (unsourced). */
  dashed: boolean;
  /** Links: the dash pattern (strength legend rows). */
  dash?: number[];
}

/** The legend's names of link tones (as the on-screen legend says them). */
export const TONE_LABELS: Record<Tone, string> = {
  affiliation: 'Affiliation, support',
  neutral: 'Presence, participation',
  hostile: 'Hostility, rivalry',
};
const TONE_ORDER: Tone[] = ['affiliation', 'neutral', 'hostile'];

export interface LegendInput {
  /** The entity type of every node in the image. */
  entityTypes: Iterable<string>;
  /** Every link in the image: its tone, whether directed, its colour. */
  links: Iterable<{ tone: Tone; directed: boolean; colour: string }>;
  /** Some item in the image has no citation (drawn dashed): the legend says what dashes mean. */
  unsourced: boolean;
  /** The link strengths drawn in the image (solid, dashed, dotted). */
  strengths?: readonly ('confirmed' | 'unconfirmed' | 'tentative')[];
}

const STRENGTHS = [
  { key: 'confirmed', label: 'Confirmed (solid)', dash: null },
  { key: 'unconfirmed', label: 'Unconfirmed (dashed)', dash: [6, 3] },
  { key: 'tentative', label: 'Tentative (dotted)', dash: [1.5, 3] },
] as const;

/** The legend of an image: only the entity types and link tones actually in it, in catalogue order. */
export function imageLegend(input: LegendInput): LegendEntry[] {
  const types = new Set<string>();
  for (const type of input.entityTypes) types.add(entityTypeDefinition(type).id);
  const entries: LegendEntry[] = ENTITY_TYPES.filter((t) => types.has(t.id)).map((t) => ({
    kind: 'entity',
    key: t.id,
    label: t.label,
    colour: t.color,
    iconPath: t.iconPath,
    arrow: false,
    dashed: false,
  }));
  const tones = new Map<Tone, { directed: boolean; colour: string }>();
  for (const link of input.links) {
    const seen = tones.get(link.tone);
    if (seen) seen.directed ||= link.directed;
    else tones.set(link.tone, { directed: link.directed, colour: link.colour });
  }
  for (const tone of TONE_ORDER) {
    const seen = tones.get(tone);
    if (seen) entries.push({ kind: 'link', key: tone, label: TONE_LABELS[tone], colour: seen.colour, iconPath: null, arrow: seen.directed, dashed: false });
  }
  const strengths = new Set(input.strengths ?? []);
  // Strength says more than a plain line only when some link is not confirmed.
  if ([...strengths].some((s) => s !== 'confirmed')) {
    for (const s of STRENGTHS) {
      if (strengths.has(s.key)) entries.push({ kind: 'link', key: s.key, label: s.label, colour: '#67727e', iconPath: null, arrow: false, dashed: s.dash !== null, ...(s.dash ? { dash: [...s.dash] } : {}) });
    }
  }
  if (input.unsourced) {
    entries.push({ kind: 'link', key: 'unsourced', label: 'No citation yet (dashed)', colour: '#5f6b76', iconPath: null, arrow: false, dashed: true });
  }
  return entries;
}
