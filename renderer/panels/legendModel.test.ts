import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../app/domain';
import { legendRows } from './legendModel';

const entity = (id: string, type: string) => ({ id, type }) as Entity;
const link = (id: string, type: string, directed = true) => ({ id, type, directed }) as Link;

describe('legendRows', () => {
  it('lists the entity types present, in catalogue order, with counts', () => {
    const { entities } = legendRows({
      entities: [entity('a', 'person'), entity('b', 'armed_group'), entity('c', 'person'), entity('d', 'unheard_of')],
      links: [],
    });
    expect(entities.map((r) => [r.type.id, r.count])).toEqual([
      ['armed_group', 1],
      ['person', 2],
      ['other', 1],
    ]);
  });

  it('lists the link tones present, saying whether they are directed or symmetric', () => {
    const { tones } = legendRows({
      entities: [],
      links: [link('1', 'fights'), link('2', 'rival_of', false), link('3', 'member_of')],
    });
    expect(tones.map((t) => [t.tone, t.count, t.directed, t.symmetric])).toEqual([
      ['affiliation', 1, true, false],
      ['hostile', 2, true, true],
    ]);
  });
});
