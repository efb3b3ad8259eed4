import type { ChartData } from '../../app/contract';
import { ENTITY_TYPES, entityTypeDefinition, type EntityTypeDefinition } from '../../app/entityTypes';
import { linkTypeDefinition, type LinkTypeDefinition } from '../../app/linkTypes';

export interface LegendEntityRow {
  type: EntityTypeDefinition;
  count: number;
}

export interface LegendToneRow {
  tone: LinkTypeDefinition['tone'];
  label: string;
  count: number;
  /** Whether any link of this tone is directed / symmetric (drawn with / without an arrow). */
  directed: boolean;
  symmetric: boolean;
}

const TONE_ORDER: LinkTypeDefinition['tone'][] = ['affiliation', 'neutral', 'hostile'];
const TONE_LABELS: Record<LinkTypeDefinition['tone'], string> = {
  affiliation: 'Affiliation, support',
  neutral: 'Presence, participation',
  hostile: 'Hostility, rivalry',
};

/** The entity types and link tones present on a chart, in catalogue order, with counts. */
export function legendRows(chart: Pick<ChartData, 'entities' | 'links'>): { entities: LegendEntityRow[]; tones: LegendToneRow[] } {
  const typeCounts = new Map<string, number>();
  for (const entity of chart.entities) {
    const id = entityTypeDefinition(entity.type).id;
    typeCounts.set(id, (typeCounts.get(id) ?? 0) + 1);
  }
  const entities = ENTITY_TYPES.filter((t) => typeCounts.has(t.id)).map((type) => ({ type, count: typeCounts.get(type.id) ?? 0 }));

  const tones = new Map<LinkTypeDefinition['tone'], LegendToneRow>();
  for (const link of chart.links) {
    const tone = linkTypeDefinition(link.type).tone;
    const row = tones.get(tone) ?? { tone, label: TONE_LABELS[tone], count: 0, directed: false, symmetric: false };
    row.count += 1;
    if (link.directed) row.directed = true;
    else row.symmetric = true;
    tones.set(tone, row);
  }
  return { entities, tones: TONE_ORDER.flatMap((tone) => tones.get(tone) ?? []) };
}
