import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../app/domain';
import { mostConnected } from './overviewModel';

const entity = (id: string) => ({ id, label: id.toUpperCase(), type: 'person' }) as Entity;
const link = (sourceId: string, targetId: string) => ({ id: `${sourceId}-${targetId}`, sourceId, targetId }) as Link;

describe('mostConnected', () => {
  it('ranks entities by their number of links, then by label, leaving out unlinked ones', () => {
    const rows = mostConnected(
      { entities: ['a', 'b', 'c', 'd', 'e'].map(entity), links: [link('a', 'b'), link('a', 'c'), link('c', 'b'), link('a', 'd')] },
      3,
    );
    expect(rows.map((r) => [r.entity.id, r.links])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 2],
    ]);
  });
});
