import type { GradedCitation } from '../../../app/analysis';
import type { Entity, Link } from '../../../app/domain';
import { linkTypeDefinition } from '../../../app/linkTypes';
import { jnimCase } from '../../../app/samples/jnim/jnimCase';

const stamp = '2025-01-01T00:00:00.000Z';

/** The JNIM sample as the chart holds it (ids are the sample's keys), with its citations' grades. */
export function jnimChart(): { entities: Entity[]; links: Link[]; evidence: GradedCitation[] } {
  const entities: Entity[] = jnimCase.entities.map((e) => ({
    id: e.key,
    type: e.type,
    label: e.label,
    aliases: e.aliases ?? [],
    description: e.description ?? null,
    startDate: e.startDate ?? null,
    endDate: e.endDate ?? null,
    attributes: e.attributes ?? {},
    color: null,
    location: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const links: Link[] = jnimCase.links.map((l) => ({
    id: l.key,
    type: l.type,
    sourceId: l.source,
    targetId: l.target,
    directed: l.directed ?? linkTypeDefinition(l.type).directed,
    label: l.label ?? null,
    description: l.description ?? null,
    startDate: l.startDate ?? null,
    endDate: l.endDate ?? null,
    attributes: l.attributes ?? {},
    strength: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const reliability = jnimCase.source.reliability;
  const evidence: GradedCitation[] = [
    ...jnimCase.entities.flatMap((e) => e.citations.map((c) => ({ target: { kind: 'entity' as const, id: e.key }, reliability, credibility: c.credibility }))),
    ...jnimCase.links.flatMap((l) => l.citations.map((c) => ({ target: { kind: 'link' as const, id: l.key }, reliability, credibility: c.credibility }))),
  ];
  return { entities, links, evidence };
}

export function labelled(chart: { entities: readonly Entity[] }, label: string): string {
  const entity = chart.entities.find((e) => e.label === label);
  if (!entity) throw new Error(`no entity labelled ${label}`);
  return entity.id;
}
