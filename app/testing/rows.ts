import type { Entity, Link } from '../domain';

/** A fixed time for rows made by tests. */
export const TEST_STAMP = '2026-01-01T00:00:00.000Z';

/** A whole entity row for a test: the fields given, the rest empty. */
export function testEntity(fields: Partial<Entity> & Pick<Entity, 'id'>): Entity {
  return {
    type: 'person',
    label: fields.id,
    aliases: [],
    description: null,
    startDate: null,
    endDate: null,
    attributes: {},
    color: null,
    location: null,
    createdAt: TEST_STAMP,
    updatedAt: TEST_STAMP,
    ...fields,
  };
}

/** A whole link row for a test: the fields given, the rest empty (undirected, no strength set). */
export function testLink(fields: Partial<Link> & Pick<Link, 'id' | 'sourceId' | 'targetId'>): Link {
  return {
    type: 'associate_of',
    directed: false,
    label: null,
    description: null,
    startDate: null,
    endDate: null,
    attributes: {},
    strength: null,
    createdAt: TEST_STAMP,
    updatedAt: TEST_STAMP,
    ...fields,
  };
}
