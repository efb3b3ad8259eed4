import type { Entity } from '../../app/domain';
import type { EntityMergeInput } from '../../app/editing/schemas';
import type { MergeResult } from '../../app/editing/types';
import { attributeIssues, formatCount, LIMITS, normaliseAliases, periodIssues } from '../../app/editing/validate';
import { deleteEntity, getEntity } from '../entities';
import { runCommand, type CommandOutcome } from '../history';
import { insertMergeRecord, repointEntityReferences } from '../mergeRecords';
import { writeLocation } from '../locations';
import { prepared, type Db } from '../types';
import { fieldsOf, writeEntity } from './entityCommands';
import { invalid, quoted, requireEntity } from './common';

/**
 * Merges `absorbedId` into `survivorId` (two records of the same actor) as one undoable step.
 * Nothing of either is lost: the absorbed label and aliases become aliases of the survivor; its
 * links, citations, notes and callouts are re-pointed to the survivor; its description, dates and
 * colour fill the survivor's blanks, and its attributes are added where the survivor has none of
 * that name. A link between the two becomes a self-loop and is kept, with its evidence (the
 * result lists them so the analyst can delete them). Two links that now say the same thing are
 * both kept: each carries its own citations. The merge record keeps the absorbed entity as it was.
 */
export function mergeEntitiesCommand(db: Db, { survivorId, absorbedId }: EntityMergeInput): CommandOutcome<MergeResult> {
  if (survivorId === absorbedId) throw invalid('An entity cannot be merged into itself; choose two different entities.');
  const survivor = requireEntity(db, survivorId, 'The entity to keep is no longer in the case.');
  const absorbed = requireEntity(db, absorbedId, 'The entity to merge is no longer in the case.');

  const aliases = normaliseAliases(survivor.label, [...survivor.aliases, absorbed.label, ...absorbed.aliases]);
  if (aliases.length > LIMITS.aliases) {
    throw invalid(
      `Merged, ${quoted(survivor.label)} would have ${formatCount(aliases.length)} aliases; an entity can have at most ${formatCount(LIMITS.aliases)}.`,
    );
  }
  const attributes = { ...absorbed.attributes, ...survivor.attributes };
  const filledPeriod = { startDate: survivor.startDate ?? absorbed.startDate, endDate: survivor.endDate ?? absorbed.endDate };
  const period = periodIssues(filledPeriod.startDate, filledPeriod.endDate).length === 0 ? filledPeriod : { startDate: survivor.startDate, endDate: survivor.endDate };
  const fields = {
    ...fieldsOf(survivor),
    aliases,
    description: survivor.description ?? absorbed.description,
    ...period,
    attributes: attributeIssues(attributes).length === 0 ? attributes : survivor.attributes,
    color: survivor.color ?? absorbed.color,
  };

  const selfLoops = prepared(
    db,
    'SELECT id FROM links WHERE (source_id = @a AND target_id = @b) OR (source_id = @b AND target_id = @a) ORDER BY created_at, id',
  )
    .pluck()
    .all({ a: survivorId, b: absorbedId }) as string[];

  return runCommand(db, `Merge ${quoted(absorbed.label)} into ${quoted(survivor.label)}`, (): MergeResult => {
    writeEntity(db, survivorId, fields);
    const moved = repointEntityReferences(db, absorbedId, survivorId);
    mergeLocations(db, survivor, absorbed);
    const record = insertMergeRecord(db, {
      survivorId,
      survivorLabel: survivor.label,
      absorbedId,
      absorbedLabel: absorbed.label,
      absorbed,
      moved: { ...moved, aliases: aliases.length - survivor.aliases.length },
    });
    deleteEntity(db, absorbedId);
    return { entity: getEntity(db, survivorId) as Entity, record, selfLoops };
  });
}

/**
 * Locations in a merge (after the citations have moved to the survivor, so a location's
 * citation is still the survivor's own): the survivor keeps its location, or takes the
 * absorbed entity's unless that one was at the survivor itself; entities that were at the
 * absorbed place are now at the survivor (the survivor's own such location is dropped).
 */
function mergeLocations(db: Db, survivor: Entity, absorbed: Entity): void {
  if (survivor.location === null && absorbed.location !== null && absorbed.location.placeId !== survivor.id) {
    writeLocation(db, survivor.id, absorbed.location);
  }
  if (survivor.location?.placeId === absorbed.id) writeLocation(db, survivor.id, absorbed.location?.placeId === null ? absorbed.location : null);
  prepared(db, 'UPDATE entity_locations SET place_id = @survivor WHERE place_id = @absorbed AND entity_id <> @survivor').run({ survivor: survivor.id, absorbed: absorbed.id });
}
