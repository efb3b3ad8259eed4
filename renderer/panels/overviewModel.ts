import type { ChartData } from '../../app/contract';
import type { Entity } from '../../app/domain';

export interface ConnectedEntity {
  entity: Entity;
  links: number;
}

/** The entities with the most links, most first (ties by label), for the case overview. */
export function mostConnected(chart: Pick<ChartData, 'entities' | 'links'>, limit: number): ConnectedEntity[] {
  const degree = new Map<string, number>();
  for (const link of chart.links) {
    degree.set(link.sourceId, (degree.get(link.sourceId) ?? 0) + 1);
    if (link.targetId !== link.sourceId) degree.set(link.targetId, (degree.get(link.targetId) ?? 0) + 1);
  }
  return chart.entities
    .map((entity) => ({ entity, links: degree.get(entity.id) ?? 0 }))
    .filter((row) => row.links > 0)
    .sort((a, b) => b.links - a.links || a.entity.label.localeCompare(b.entity.label))
    .slice(0, limit);
}
