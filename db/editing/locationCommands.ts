import type { Entity, EntityLocation } from '../../app/domain';
import type { EntitySetLocationInput } from '../../app/editing/schemas';
import { coordinateIssues } from '../../app/editing/validate';
import { WorkbenchFailure } from '../../app/result';
import { getEntity } from '../entities';
import { runCommand, type CommandOutcome } from '../history';
import { sameLocation, writeLocation } from '../locations';
import { prepared, type Db } from '../types';
import { failIfInvalid, invalid, quoted, requireEntity } from './common';

/**
 * Sets or removes an entity's location as one undoable step. A place must carry coordinates of
 * its own (so a location never leads through a chain of places, nor round in a circle), and the
 * supporting citation must be one of the entity's own: a location is a claim about the entity.
 */
export function setLocationCommand(db: Db, { id, location }: EntitySetLocationInput): CommandOutcome<Entity> {
  const entity = requireEntity(db, id);
  let next: EntityLocation | null = null;
  if (location !== null) {
    if ('placeId' in location) {
      if (location.placeId === id) throw invalid('An entity cannot be located at itself.', ['placeId']);
      const place = requireEntity(db, location.placeId, 'That place is no longer in the case.');
      if (place.location === null || place.location.latitude === null) {
        throw invalid(`${quoted(place.label)} has no coordinates of its own: give it a latitude and longitude first.`, ['placeId']);
      }
      next = { latitude: null, longitude: null, placeId: place.id, precision: location.precision, citationId: location.citationId };
    } else {
      failIfInvalid(coordinateIssues(location.latitude, location.longitude));
      next = { latitude: location.latitude, longitude: location.longitude, placeId: null, precision: location.precision, citationId: location.citationId };
    }
    if (next.citationId !== null) {
      const on = prepared(db, 'SELECT entity_id FROM citations WHERE id = ?').pluck().get(next.citationId) as string | null | undefined;
      if (on === undefined) throw new WorkbenchFailure('not_found', 'That citation is no longer in the case.');
      if (on !== id) throw invalid(`The citation supporting a location must be one of ${quoted(entity.label)}’s own.`, ['citationId']);
    }
  }
  const label = next === null ? `Remove the location of ${quoted(entity.label)}` : `Locate ${quoted(entity.label)}`;
  const unchanged = next === null ? entity.location === null : entity.location !== null && sameLocation(entity.location, next);
  if (unchanged) return runCommand(db, label, () => entity);
  return runCommand(db, label, () => {
    writeLocation(db, id, next);
    return getEntity(db, id) as Entity;
  });
}
