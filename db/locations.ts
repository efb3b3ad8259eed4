import type { EntityLocation, LocationPrecision } from '../app/domain';
import { prepared, type Db } from './types';

/**
 * Entity locations (migration 0080): read beside the entity rows, written by the location
 * command (db/editing/locationCommands.ts), the sample and imports.
 */

export interface LocationRow {
  entity_id: string;
  latitude: number | null;
  longitude: number | null;
  place_id: string | null;
  precision: string;
  citation_id: string | null;
}

/** The one place a location row becomes a domain EntityLocation. */
export function toLocation(row: LocationRow): EntityLocation {
  const precision = row.precision as LocationPrecision;
  if (row.latitude !== null && row.longitude !== null) {
    return { latitude: row.latitude, longitude: row.longitude, placeId: null, precision, citationId: row.citation_id };
  }
  // The table's CHECKs make a row without coordinates one with a place.
  return { latitude: null, longitude: null, placeId: row.place_id as string, precision, citationId: row.citation_id };
}

const withTable = new WeakSet<Db>();

/**
 * Whether the connection's schema has locations. Cases are read before they are migrated (the
 * open checks, the migration tests); once the table exists it stays, so only a yes is remembered.
 */
export function hasLocations(db: Db): boolean {
  if (withTable.has(db)) return true;
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entity_locations'").get() !== undefined;
  if (found) withTable.add(db);
  return found;
}

/** One entity's location, or null. */
export function getLocation(db: Db, entityId: string): EntityLocation | null {
  if (!hasLocations(db)) return null;
  const row = prepared(db, 'SELECT * FROM entity_locations WHERE entity_id = ?').get(entityId) as LocationRow | undefined;
  return row ? toLocation(row) : null;
}

/** The locations of the entities listed (a JSON array of ids), keyed by entity id. */
export function locationsOf(db: Db, entityIdsJson: string): Map<string, EntityLocation> {
  const out = new Map<string, EntityLocation>();
  if (!hasLocations(db)) return out;
  const rows = prepared(db, 'SELECT l.* FROM json_each(?) AS f CROSS JOIN entity_locations AS l ON l.entity_id = f.value').all(
    entityIdsJson,
  ) as LocationRow[];
  for (const row of rows) out.set(row.entity_id, toLocation(row));
  return out;
}

/** Every location in the case, keyed by entity id. */
export function allLocations(db: Db): Map<string, EntityLocation> {
  const out = new Map<string, EntityLocation>();
  if (!hasLocations(db)) return out;
  for (const row of prepared(db, 'SELECT * FROM entity_locations').all() as LocationRow[]) out.set(row.entity_id, toLocation(row));
  return out;
}

/**
 * Makes `location` the entity's location (null removes it), writing only when it differs, so a
 * command that changes nothing records nothing.
 */
export function writeLocation(db: Db, entityId: string, location: EntityLocation | null): void {
  const current = getLocation(db, entityId);
  if (location === null) {
    if (current !== null) prepared(db, 'DELETE FROM entity_locations WHERE entity_id = ?').run(entityId);
    return;
  }
  if (current !== null && sameLocation(current, location)) return;
  prepared(
    db,
    `INSERT INTO entity_locations (entity_id, latitude, longitude, place_id, precision, citation_id)
     VALUES (@entityId, @latitude, @longitude, @placeId, @precision, @citationId)
     ON CONFLICT (entity_id) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude,
       place_id = excluded.place_id, precision = excluded.precision, citation_id = excluded.citation_id`,
  ).run({ entityId, ...location });
}

export function sameLocation(a: EntityLocation, b: EntityLocation): boolean {
  return (
    a.latitude === b.latitude && a.longitude === b.longitude && a.placeId === b.placeId && a.precision === b.precision && a.citationId === b.citationId
  );
}
