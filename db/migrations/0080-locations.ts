import type { Migration } from './migration';

/**
 * Where an entity is: its own latitude and longitude, or the place entity it is at (the place
 * carries the coordinates), with how precisely it is known. A location is a claim: `citation_id`
 * names the citation on the entity that supports it; deleting that citation (or its source)
 * leaves the location unsupported rather than losing it. Deleting the place deletes the
 * locations that pointed at it (they said nothing else).
 */
export const migration0080: Migration = {
  version: 80,
  name: 'locations',
  up: `
    CREATE TABLE entity_locations (
      entity_id TEXT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
      latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
      longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
      place_id TEXT REFERENCES entities (id) ON DELETE CASCADE,
      precision TEXT NOT NULL CHECK (precision IN ('point', 'city', 'region', 'country')),
      citation_id TEXT REFERENCES citations (id) ON DELETE SET NULL,
      CHECK ((latitude IS NULL) = (longitude IS NULL)),
      CHECK ((latitude IS NULL) <> (place_id IS NULL)),
      CHECK (place_id IS NULL OR place_id <> entity_id)
    ) STRICT;
    CREATE INDEX entity_locations_place ON entity_locations (place_id);
    CREATE INDEX entity_locations_citation ON entity_locations (citation_id);
  `,
};
