import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchFailure } from '../../app/result';
import { createCaseFile, openCaseFile, type CaseStore } from '../caseFile';
import { insertCitation } from '../citations';
import { getEntity, insertEntity } from '../entities';
import { redo, undo } from '../history';
import { insertSource } from '../sources';
import { tempFolder } from '../testing/tempCase';
import { deleteEntitiesCommand } from './entityCommands';
import { deleteCitationCommand } from './evidenceCommands';
import { setLocationCommand } from './locationCommands';
import { mergeEntitiesCommand } from './mergeCommand';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let path: string;
beforeEach(() => {
  tmp = tempFolder();
  path = tmp.file('locations.awcase');
  store = createCaseFile(path, { name: 'Locations' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function refusal(fn: () => unknown): WorkbenchFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbenchFailure) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function setUp() {
  const db = store.db;
  const gao = insertEntity(db, { type: 'place', label: 'Gao' });
  const jnim = insertEntity(db, { type: 'armed_group', label: 'JNIM' });
  const source = insertSource(db, { title: 'Gazetteer', reliability: 'B' });
  const citation = insertCitation(db, { sourceId: source.id, target: { kind: 'entity', id: gao.id }, quote: 'Gao 16.27167 -0.04472', credibility: 2 });
  return { db, gao, jnim, source, citation };
}

describe('entity locations', () => {
  it('sets coordinates as one undoable step announced as the entity updated, and survives reopening', () => {
    const { db, gao, citation } = setUp();
    const { value, edit } = setLocationCommand(db, {
      id: gao.id,
      location: { latitude: 16.27167, longitude: -0.04472, precision: 'city', citationId: citation.id },
    });
    expect(value.location).toEqual({ latitude: 16.27167, longitude: -0.04472, placeId: null, precision: 'city', citationId: citation.id });
    expect(edit?.delta.entities.updated).toEqual([gao.id]);
    expect(edit?.label).toBe('Locate “Gao”');

    const undone = undo(db);
    expect(undone?.delta.entities.updated).toEqual([gao.id]);
    expect(getEntity(db, gao.id)?.location).toBeNull();
    redo(db);
    expect(getEntity(db, gao.id)?.location?.latitude).toBe(16.27167);

    store.close();
    store = openCaseFile(path);
    expect(getEntity(store.db, gao.id)?.location).toEqual(value.location);
  });

  it('locates an entity at a place that has coordinates, and refuses one that has none or itself', () => {
    const { db, gao, jnim } = setUp();
    expect(refusal(() => setLocationCommand(db, { id: jnim.id, location: { placeId: gao.id, precision: 'city', citationId: null } })).message).toBe(
      '“Gao” has no coordinates of its own: give it a latitude and longitude first.',
    );
    expect(refusal(() => setLocationCommand(db, { id: gao.id, location: { placeId: gao.id, precision: 'city', citationId: null } })).code).toBe('invalid_input');
    setLocationCommand(db, { id: gao.id, location: { latitude: 16.27, longitude: -0.04, precision: 'city', citationId: null } });
    const { value } = setLocationCommand(db, { id: jnim.id, location: { placeId: gao.id, precision: 'region', citationId: null } });
    expect(value.location).toEqual({ latitude: null, longitude: null, placeId: gao.id, precision: 'region', citationId: null });
  });

  it('refuses coordinates out of range and a citation on another entity, writing nothing', () => {
    const { db, gao, jnim, citation } = setUp();
    const outOfRange = refusal(() => setLocationCommand(db, { id: gao.id, location: { latitude: 91, longitude: 0, precision: 'point', citationId: null } }));
    expect(outOfRange.message).toBe('A latitude is a number of degrees from -90 (south) to 90 (north).');
    const foreign = refusal(() =>
      setLocationCommand(db, { id: jnim.id, location: { latitude: 1, longitude: 2, precision: 'point', citationId: citation.id } }),
    );
    expect(foreign.message).toBe('The citation supporting a location must be one of “JNIM”’s own.');
    expect(getEntity(db, gao.id)?.location).toBeNull();
    expect(getEntity(db, jnim.id)?.location).toBeNull();
  });

  it('a location outlives its citation (unsupported, not lost), and its undo brings the support back', () => {
    const { db, gao, citation } = setUp();
    setLocationCommand(db, { id: gao.id, location: { latitude: 16.27, longitude: -0.04, precision: 'city', citationId: citation.id } });
    const { edit } = deleteCitationCommand(db, { id: citation.id });
    expect(edit?.delta.entities.updated).toContain(gao.id);
    expect(getEntity(db, gao.id)?.location?.citationId).toBeNull();
    undo(db);
    expect(getEntity(db, gao.id)?.location?.citationId).toBe(citation.id);
  });

  it('deleting the place deletes the locations at it, and undo restores them', () => {
    const { db, gao, jnim } = setUp();
    setLocationCommand(db, { id: gao.id, location: { latitude: 16.27, longitude: -0.04, precision: 'city', citationId: null } });
    setLocationCommand(db, { id: jnim.id, location: { placeId: gao.id, precision: 'region', citationId: null } });
    deleteEntitiesCommand(db, { ids: [gao.id] });
    expect(getEntity(db, jnim.id)?.location).toBeNull();
    undo(db);
    expect(getEntity(db, jnim.id)?.location?.placeId).toBe(gao.id);
  });

  it('setting the same location again records no step', () => {
    const { db, gao } = setUp();
    const location = { latitude: 16.27, longitude: -0.04, precision: 'city' as const, citationId: null };
    setLocationCommand(db, { id: gao.id, location });
    expect(setLocationCommand(db, { id: gao.id, location }).edit).toBeNull();
  });

  it('a merge keeps the locations: the survivor takes the absorbed place’s coordinates, and what was at it is at the survivor', () => {
    const { db, gao, jnim, citation } = setUp();
    const gaoTown = insertEntity(db, { type: 'place', label: 'Gao town' });
    setLocationCommand(db, { id: gao.id, location: { latitude: 16.27, longitude: -0.04, precision: 'city', citationId: citation.id } });
    setLocationCommand(db, { id: jnim.id, location: { placeId: gao.id, precision: 'region', citationId: null } });
    mergeEntitiesCommand(db, { survivorId: gaoTown.id, absorbedId: gao.id });
    expect(getEntity(db, gaoTown.id)?.location).toEqual({ latitude: 16.27, longitude: -0.04, placeId: null, precision: 'city', citationId: citation.id });
    expect(getEntity(db, jnim.id)?.location?.placeId).toBe(gaoTown.id);
    undo(db);
    expect(getEntity(db, gaoTown.id)?.location).toBeNull();
    expect(getEntity(db, jnim.id)?.location?.placeId).toBe(gao.id);
  });
});
