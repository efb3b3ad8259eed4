/**
 * What the map view draws, worked out from the chart's rows without any drawing: which entities
 * have a position on the earth (their own coordinates, or those of the place they are at), which
 * links join two of them, which entities cannot be placed and why, where the map opens, and how
 * markers that overlap at the current zoom gather into clusters. Pure, so it is tested in Node.
 */
import type { Entity, Link, LocationPrecision } from '../domain';
import { entityTypeDefinition } from '../entityTypes';

export interface MapPoint {
  id: string;
  label: string;
  type: string;
  colour: string;
  longitude: number;
  latitude: number;
  precision: LocationPrecision;
  /** The place entity it is drawn at, when located through one. */
  placeId: string | null;
}

export interface MapArc {
  id: string;
  label: string;
  sourceId: string;
  targetId: string;
  type: string;
}

export interface MapData {
  points: MapPoint[];
  arcs: MapArc[];
  /** Entities with no location at all. */
  unlocated: number;
  /** Entities located at a place entity that is not on the chart (its coordinates are not loaded). */
  placeOffChart: number;
}

export function mapData(entities: readonly Entity[], links: readonly Link[]): MapData {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const points: MapPoint[] = [];
  let unlocated = 0;
  let placeOffChart = 0;
  for (const entity of entities) {
    const location = entity.location;
    if (location === null) {
      unlocated++;
      continue;
    }
    let coordinates: { latitude: number; longitude: number } | null = null;
    if (location.latitude !== null) coordinates = { latitude: location.latitude, longitude: location.longitude };
    else {
      const place = byId.get(location.placeId)?.location;
      if (place && place.latitude !== null) coordinates = { latitude: place.latitude, longitude: place.longitude };
    }
    if (coordinates === null) {
      placeOffChart++;
      continue;
    }
    points.push({
      id: entity.id,
      label: entity.label,
      type: entity.type,
      colour: entity.color ?? entityTypeDefinition(entity.type).color,
      ...coordinates,
      precision: location.precision,
      placeId: location.placeId,
    });
  }
  const located = new Set(points.map((p) => p.id));
  const arcs = links
    .filter((l) => l.sourceId !== l.targetId && located.has(l.sourceId) && located.has(l.targetId))
    .map((l) => ({ id: l.id, label: l.label ?? l.type.replace(/_/g, ' '), sourceId: l.sourceId, targetId: l.targetId, type: l.type }));
  return { points, arcs, unlocated, placeOffChart };
}

/** A sentence for the status strip: "12 entities have no location", and those at a place not on the chart. */
export function unlocatedSentence(data: Pick<MapData, 'unlocated' | 'placeOffChart'>): string {
  const parts: string[] = [];
  if (data.unlocated > 0) parts.push(`${data.unlocated} ${data.unlocated === 1 ? 'entity has' : 'entities have'} no location`);
  if (data.placeOffChart > 0) {
    parts.push(`${data.placeOffChart} ${data.placeOffChart === 1 ? 'is' : 'are'} at a place that is not on the chart`);
  }
  return parts.length === 0 ? 'Every entity on the chart is on the map' : parts.join('; ');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The longitude/latitude box the map opens on: the located entities less the far outliers (more
 * than four times the median distance from the median point: France or Washington in a Sahel
 * case stay on the map but do not set the view), at least `minSpan` degrees across, with a
 * margin. Null when nothing is located.
 */
export function openingBox(points: readonly Pick<MapPoint, 'longitude' | 'latitude'>[], minSpan = 6): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  const centre = { longitude: median(points.map((p) => p.longitude)), latitude: median(points.map((p) => p.latitude)) };
  const distance = (p: Pick<MapPoint, 'longitude' | 'latitude'>) => Math.hypot(p.longitude - centre.longitude, p.latitude - centre.latitude);
  const reach = Math.max(4 * median(points.map(distance)), minSpan);
  const kept = points.filter((p) => distance(p) <= reach);
  const widen = (values: number[], limit: number): [number, number] => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const span = Math.max(minSpan, (hi - lo) * 1.2);
    const mid = (lo + hi) / 2;
    return [Math.max(-limit, mid - span / 2), Math.min(limit, mid + span / 2)];
  };
  const [west, east] = widen(kept.map((p) => p.longitude), 180);
  const [south, north] = widen(kept.map((p) => p.latitude), 85);
  return [
    [west, south],
    [east, north],
  ];
}

export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

export interface Cluster {
  /** The first member's id, with the count: stable while the same markers overlap. */
  key: string;
  x: number;
  y: number;
  members: string[];
}

/**
 * Gathers markers closer than `radius` pixels on screen into clusters, greedily in the order
 * given (each marker joins the first cluster whose centre is within reach, and the centre
 * moves to its members' mean). Markers at one spot (entities at the same place) always gather.
 */
export function clusterPoints(points: readonly ScreenPoint[], radius: number): Cluster[] {
  const clusters: { x: number; y: number; sx: number; sy: number; members: string[] }[] = [];
  for (const point of points) {
    const near = clusters.find((c) => Math.hypot(c.x - point.x, c.y - point.y) < radius);
    if (near) {
      near.members.push(point.id);
      near.sx += point.x;
      near.sy += point.y;
      near.x = near.sx / near.members.length;
      near.y = near.sy / near.members.length;
    } else clusters.push({ x: point.x, y: point.y, sx: point.x, sy: point.y, members: [point.id] });
  }
  return clusters.map((c) => ({ key: `${c.members[0] ?? ''}+${c.members.length}`, x: c.x, y: c.y, members: c.members }));
}
