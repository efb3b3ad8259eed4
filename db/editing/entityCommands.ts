import type { Entity } from '../../app/domain';
import type { EntityAliasInput, EntityBulkUpdateInput, EntityCreateInput, EntityIdsInput, EntityUpdateInput } from '../../app/editing/schemas';
import type { DeletePreview } from '../../app/editing/types';
import {
  colorIssues,
  entityIssues,
  formatCount,
  LIMITS,
  normaliseAliases,
  normaliseColor,
  normaliseEntityFields,
  type EntityFields,
} from '../../app/editing/validate';
import { WorkbenchFailure } from '../../app/result';
import { defaultChart, saveChartPositions } from '../charts';
import { deleteEntity, getEntity, insertEntity, replaceAliases, updateEntity } from '../entities';
import { runCommand, type CommandOutcome } from '../history';
import { linkTitle } from '../search';
import { prepared, type Db } from '../types';
import { failIfInvalid, invalid, plural, quoted, requireAll, requireChart, requireEntity, sameValues } from './common';

/** The fields of an entity as the inspector edits them. */
export function fieldsOf(entity: Entity): EntityFields {
  return {
    type: entity.type,
    label: entity.label,
    aliases: entity.aliases,
    description: entity.description,
    startDate: entity.startDate,
    endDate: entity.endDate,
    attributes: entity.attributes,
    color: entity.color,
  };
}

function sameFields(a: EntityFields, b: EntityFields): boolean {
  return sameValues(a, b);
}

/** Writes `fields` over an entity (row and aliases). */
export function writeEntity(db: Db, id: string, fields: EntityFields): void {
  const { aliases, ...row } = fields;
  updateEntity(db, id, row);
  replaceAliases(db, id, aliases);
}

/** Creates an entity, optionally placed on a chart, as one undoable step. */
export function createEntityCommand(db: Db, input: EntityCreateInput): CommandOutcome<Entity> {
  const fields = normaliseEntityFields({
    type: input.type,
    label: input.label,
    aliases: input.aliases ?? [],
    description: input.description ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    attributes: input.attributes ?? {},
    color: input.color ?? null,
  });
  failIfInvalid(entityIssues(fields));
  const { position } = input;
  if (position) requireChart(db, position.chartId);
  return runCommand(db, `Create ${quoted(fields.label)}`, () => {
    const entity = insertEntity(db, fields);
    if (position) saveChartPositions(db, position.chartId, [{ entityId: entity.id, x: position.x, y: position.y }]);
    // Made by the analyst, so it goes on the chart: unplaced, the chart places it when it draws it.
    else prepared(db, 'INSERT INTO chart_nodes (chart_id, entity_id) VALUES (?, ?)').run(defaultChart(db).id, entity.id);
    return entity;
  });
}

/** Changes any of an entity's fields (aliases included) as one step; nothing changed, no step. */
export function updateEntityCommand(db: Db, { id, changes }: EntityUpdateInput): CommandOutcome<Entity> {
  const current = requireEntity(db, id);
  const before = fieldsOf(current);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<EntityFields>;
  const fields = normaliseEntityFields({ ...before, ...defined });
  failIfInvalid(entityIssues(fields));
  const renamed = fields.label !== before.label;
  const onlyRenamed = renamed && sameFields({ ...fields, label: before.label, aliases: before.aliases }, { ...before });
  const label = onlyRenamed ? `Rename ${quoted(before.label)} to ${quoted(fields.label)}` : `Edit ${quoted(fields.label)}`;
  if (sameFields(fields, before)) return unchanged(db, label, current);
  return runCommand(db, label, () => {
    writeEntity(db, id, fields);
    return getEntity(db, id) as Entity;
  });
}

/** A command that would change nothing: no step, no write, the item as it is. */
function unchanged<T>(db: Db, label: string, value: T): CommandOutcome<T> {
  return runCommand(db, label, () => value);
}

/** Adds one alias (a no-op when the entity already goes by that name). */
export function addAliasCommand(db: Db, { id, alias }: EntityAliasInput): CommandOutcome<Entity> {
  const entity = requireEntity(db, id);
  const trimmed = alias.trim();
  if (trimmed.length === 0) throw invalid('An alias needs some text.', ['alias']);
  if (trimmed.length > LIMITS.alias) {
    throw invalid(`An alias can be at most ${formatCount(LIMITS.alias)} characters; this one has ${formatCount(trimmed.length)}.`, ['alias']);
  }
  const aliases = normaliseAliases(entity.label, [...entity.aliases, trimmed]);
  const label = `Add alias ${quoted(trimmed)} to ${quoted(entity.label)}`;
  if (aliases.length === entity.aliases.length) return unchanged(db, label, entity);
  if (aliases.length > LIMITS.aliases) throw invalid(`An entity can have at most ${LIMITS.aliases} aliases.`, ['alias']);
  return runCommand(db, label, () => {
    writeEntity(db, id, { ...fieldsOf(entity), aliases });
    return getEntity(db, id) as Entity;
  });
}

/** Removes one alias; `not_found` when the entity has no such alias. */
export function removeAliasCommand(db: Db, { id, alias }: EntityAliasInput): CommandOutcome<Entity> {
  const entity = requireEntity(db, id);
  const key = alias.trim().toLowerCase();
  const aliases = entity.aliases.filter((a) => a.toLowerCase() !== key);
  if (aliases.length === entity.aliases.length) {
    throw new WorkbenchFailure('not_found', `${quoted(alias)} is not an alias of ${quoted(entity.label)}.`);
  }
  return runCommand(db, `Remove alias ${quoted(alias)} from ${quoted(entity.label)}`, () => {
    writeEntity(db, id, { ...fieldsOf(entity), aliases });
    return getEntity(db, id) as Entity;
  });
}

/** What deleting these entities takes with it: their links, and the citations, notes and callouts on both. */
export function previewEntityDeletion(db: Db, ids: readonly string[]): DeletePreview {
  requireAll(db, 'entities', ids);
  const list = JSON.stringify([...new Set(ids)]);
  const entities = prepared(db, 'SELECT id, label FROM entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY label COLLATE NOCASE, id').all(
    list,
  ) as { id: string; label: string }[];
  const linkIds = prepared(
    db,
    `SELECT id FROM links WHERE source_id IN (SELECT value FROM json_each(@ids)) OR target_id IN (SELECT value FROM json_each(@ids))
     ORDER BY created_at, id`,
  )
    .pluck()
    .all({ ids: list }) as string[];
  return describeDeletion(db, entities, linkIds);
}

/** Counts what goes with the given entities and links, and says it in one sentence. */
export function describeDeletion(db: Db, entities: { id: string; label: string }[], linkIds: string[]): DeletePreview {
  const entityList = JSON.stringify(entities.map((e) => e.id));
  const linkList = JSON.stringify(linkIds);
  const count = (table: 'citations' | 'notes') =>
    prepared(
      db,
      `SELECT count(*) FROM ${table} WHERE entity_id IN (SELECT value FROM json_each(@entities)) OR link_id IN (SELECT value FROM json_each(@links))`,
    )
      .pluck()
      .get({ entities: entityList, links: linkList }) as number;
  const citations = count('citations');
  const notes = count('notes');
  const annotations = prepared(db, 'SELECT count(*) FROM annotations WHERE entity_id IN (SELECT value FROM json_each(?))').pluck().get(entityList) as number;
  const links = linkIds.map((id) => ({ id, label: linkTitle(db, id) }));

  const what =
    entities.length === 0
      ? linkIds.length === 1
        ? `the link ${links[0]?.label ?? ''}`
        : plural(linkIds.length, 'link')
      : entities.length === 1
        ? quoted(entities[0]?.label ?? '')
        : plural(entities.length, 'entity', 'entities');
  const goes = [
    ...(entities.length > 0 && linkIds.length > 0 ? [plural(linkIds.length, 'link')] : []),
    ...(citations > 0 ? [plural(citations, 'citation')] : []),
    ...(notes > 0 ? [plural(notes, 'note')] : []),
    ...(annotations > 0 ? [plural(annotations, 'callout')] : []),
  ];
  const summary =
    goes.length === 0
      ? `Deleting ${what} deletes nothing else.`
      : `Deleting ${what} also deletes ${goes.length === 1 ? goes[0] : `${goes.slice(0, -1).join(', ')} and ${goes.at(-1)}`}.`;
  return { entities, links, citations, notes, annotations, summary };
}

/** Deletes entities with everything attached to them, as one undoable step; returns what went. */
export function deleteEntitiesCommand(db: Db, { ids }: EntityIdsInput): CommandOutcome<DeletePreview> {
  const preview = previewEntityDeletion(db, ids);
  const first = preview.entities[0];
  const label = preview.entities.length === 1 && first ? `Delete ${quoted(first.label)}` : `Delete ${plural(preview.entities.length, 'entity', 'entities')}`;
  return runCommand(db, label, () => {
    for (const { id } of preview.entities) deleteEntity(db, id);
    return preview;
  });
}

/** Sets the type and/or colour of many entities in one step (multi-select in the chart). */
export function bulkUpdateEntitiesCommand(db: Db, input: EntityBulkUpdateInput): CommandOutcome<{ updated: number }> {
  if (input.type === undefined && input.color === undefined) throw invalid('Choose a type or a colour to apply.');
  const type = input.type?.trim();
  if (type !== undefined) {
    if (type.length === 0) throw invalid('Choose a type for the entities.', ['type']);
    if (type.length > LIMITS.type) throw invalid(`A type id can be at most ${LIMITS.type} characters.`, ['type']);
  }
  const color = input.color === undefined ? undefined : normaliseColor(input.color);
  if (color !== undefined) failIfInvalid(colorIssues(color));
  requireAll(db, 'entities', input.ids);
  const unique = [...new Set(input.ids)];
  const n = plural(unique.length, 'entity', 'entities');
  const label =
    type !== undefined && color !== undefined
      ? `Change type and colour of ${n}`
      : type !== undefined
        ? `Change type of ${n} to ${type.replace(/_/g, ' ')}`
        : color === null
          ? `Reset colour of ${n}`
          : `Colour ${n}`;
  return runCommand(db, label, () => {
    let updated = 0;
    for (const id of unique) {
      const entity = getEntity(db, id) as Entity;
      const before = fieldsOf(entity);
      const after = { ...before, ...(type !== undefined ? { type } : {}), ...(color !== undefined ? { color } : {}) };
      if (sameFields(before, after)) continue;
      updateEntity(db, id, after);
      updated++;
    }
    return { updated };
  });
}
