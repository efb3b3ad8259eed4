import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_APPLICATION_ID, migrate, openCaseFile } from '../caseFile';
import { getEntity, insertEntity } from '../entities';
import { writeLocation } from '../locations';
import { tempFolder } from '../testing/tempCase';
import { LATEST_SCHEMA_VERSION } from './index';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

describe('migration 0080: locations', () => {
  it('from 0070 with entities: they keep their fields, have no location, and can be given one', () => {
    const path = tmp.file('v70.awcase');
    const db = new Database(path);
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, 70);
    const gao = insertEntity(db, { type: 'place', label: 'Gao', description: 'Town on the Niger' });
    expect(getEntity(db, gao.id)?.location).toBeNull();
    db.close();

    const store = openCaseFile(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(getEntity(store.db, gao.id)).toMatchObject({ label: 'Gao', description: 'Town on the Niger', location: null });
    writeLocation(store.db, gao.id, { latitude: 16.27167, longitude: -0.04472, placeId: null, precision: 'city', citationId: null });
    expect(getEntity(store.db, gao.id)?.location?.longitude).toBe(-0.04472);
    // The table's checks hold whatever writes: both coordinates or neither, and a place or coordinates.
    expect(() => store.db.prepare("INSERT INTO entity_locations (entity_id, latitude, precision) VALUES (?, 1, 'point')").run(gao.id)).toThrow();
    expect(() => store.db.prepare("UPDATE entity_locations SET latitude = 100 WHERE entity_id = ?").run(gao.id)).toThrow();
    store.close();
  });
});
