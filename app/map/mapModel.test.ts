import { describe, expect, it } from 'vitest';
import type { Entity, EntityLocation, Link } from '../domain';
import { clusterPoints, mapData, openingBox, unlocatedSentence } from './mapModel';

const stamp = '2026-01-01T00:00:00.000Z';
function entity(id: string, location: EntityLocation | null, type = 'place'): Entity {
  return { id, type, label: id.toUpperCase(), aliases: [], description: null, startDate: null, endDate: null, attributes: {}, color: null, location, createdAt: stamp, updatedAt: stamp };
}
const at = (latitude: number, longitude: number): EntityLocation => ({ latitude, longitude, placeId: null, precision: 'city', citationId: null });
const via = (placeId: string): EntityLocation => ({ latitude: null, longitude: null, placeId, precision: 'region', citationId: null });
function link(id: string, sourceId: string, targetId: string): Link {
  return { id, type: 'operates_in', sourceId, targetId, directed: true, label: null, description: null, startDate: null, endDate: null, attributes: {}, strength: null, createdAt: stamp, updatedAt: stamp };
}

describe('mapData', () => {
  it('places entities at their coordinates or their place, counts the rest, and keeps links between placed ones', () => {
    const entities = [entity('gao', at(16.27, -0.04)), entity('jnim', via('gao'), 'armed_group'), entity('afar', via('nowhere')), entity('sahel', null), entity('mali', at(17.2, -3.6))];
    const links = [link('l1', 'jnim', 'gao'), link('l2', 'jnim', 'sahel'), link('l3', 'mali', 'mali'), link('l4', 'gao', 'mali')];
    const data = mapData(entities, links);
    expect(data.points.map((p) => [p.id, p.latitude, p.longitude, p.precision])).toEqual([
      ['gao', 16.27, -0.04, 'city'],
      ['jnim', 16.27, -0.04, 'region'],
      ['mali', 17.2, -3.6, 'city'],
    ]);
    expect(data.arcs.map((a) => a.id)).toEqual(['l1', 'l4']);
    expect(data.arcs[0]?.label).toBe('operates in');
    expect([data.unlocated, data.placeOffChart]).toEqual([1, 1]);
    expect(unlocatedSentence(data)).toBe('1 entity has no location; 1 is at a place that is not on the chart');
    expect(unlocatedSentence({ unlocated: 12, placeOffChart: 0 })).toBe('12 entities have no location');
  });
});

describe('openingBox', () => {
  it('opens on where most entities are, leaving a far outlier out of the view', () => {
    const sahel = [
      [16.3, -0.04],
      [12.4, -1.5],
      [14.5, -4.2],
      [16.8, -3.0],
      [13.6, -2.4],
      [12.1, 0.4],
      [14.2, 1.5],
      [17.2, -3.6],
      [12.3, -1.8],
      [17.3, 9.3],
      [46.6, 2.3],
      [39.9, -98.7],
    ].map(([latitude, longitude]) => ({ latitude: latitude as number, longitude: longitude as number }));
    const box = openingBox(sahel);
    expect(box).not.toBeNull();
    const [[west, south], [east, north]] = box as [[number, number], [number, number]];
    expect(west).toBeGreaterThan(-20);
    expect(east).toBeLessThan(20);
    expect(south).toBeGreaterThan(5);
    expect(north).toBeLessThan(30);
    // Gao, Ouagadougou and Niger's centroid are inside it.
    for (const [lat, lon] of [
      [16.3, -0.04],
      [12.4, -1.5],
      [17.3, 9.3],
    ]) {
      expect(lon).toBeGreaterThan(west);
      expect(lon).toBeLessThan(east);
      expect(lat).toBeGreaterThan(south);
      expect(lat).toBeLessThan(north);
    }
  });

  it('gives a single place some room, and nothing located no box', () => {
    expect(openingBox([{ latitude: 16, longitude: 0 }])).toEqual([
      [-3, 13],
      [3, 19],
    ]);
    expect(openingBox([])).toBeNull();
  });
});

describe('clusterPoints', () => {
  it('gathers markers within the radius and leaves the others alone', () => {
    const clusters = clusterPoints(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 10, y: 0 },
        { id: 'c', x: 100, y: 100 },
        { id: 'd', x: 0, y: 0 },
      ],
      20,
    );
    expect(clusters.map((c) => c.members)).toEqual([['a', 'b', 'd'], ['c']]);
    expect(clusters[0]?.x).toBeCloseTo(10 / 3);
    expect(clusters[0]?.key).toBe('a+3');
    expect(clusterPoints([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 30, y: 0 }], 20)).toHaveLength(2);
  });
});
