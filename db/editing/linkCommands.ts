import type { Link, LinkStrength } from '../../app/domain';
import type { LinkCreateInput, LinkIdsInput, LinkUpdateInput } from '../../app/editing/schemas';
import type { DeletePreview, LinkStrengthDetail } from '../../app/editing/types';
import { linkIssues, normaliseLinkFields } from '../../app/editing/validate';
import { deriveLinkStrength } from '../../app/linkStrength';
import { linkTypeDefinition } from '../../app/linkTypes';
import { citationsForLink } from '../citations';
import { deleteLink, getLink, insertLink, linkCitationGrades, listLinks, updateLink, type LinkUpdate } from '../links';
import { runCommand, type CommandOutcome } from '../history';
import { type Db } from '../types';
import { describeDeletion } from './entityCommands';
import { failIfInvalid, invalid, plural, quoted, requireAll, requireEntity, requireLink, sameValues } from './common';

function checkEnds(db: Db, sourceId: string, targetId: string): { source: string; target: string } {
  if (sourceId === targetId) throw invalid('A link joins two different entities; choose another end.', ['targetId']);
  const source = requireEntity(db, sourceId, 'The entity at the start of this link is no longer in the case.');
  const target = requireEntity(db, targetId, 'The entity at the end of this link is no longer in the case.');
  return { source: source.label, target: target.label };
}

function linkLabel(verb: string, type: string, ends: { source: string; target: string }): string {
  return `${verb} ${quoted(ends.source, 30)} ${linkTypeDefinition(type).label} ${quoted(ends.target, 30)}`;
}

/** Draws a link between two entities as one undoable step. */
export function createLinkCommand(db: Db, input: LinkCreateInput): CommandOutcome<Link> {
  const fields = normaliseLinkFields({
    type: input.type,
    directed: input.directed,
    label: input.label ?? null,
    description: input.description ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    attributes: input.attributes ?? {},
  });
  failIfInvalid(linkIssues(fields));
  const ends = checkEnds(db, input.sourceId, input.targetId);
  return runCommand(db, linkLabel('Link', fields.type, ends), () =>
    insertLink(db, { ...fields, sourceId: input.sourceId, targetId: input.targetId, strength: input.strength ?? null }),
  );
}

function updateOf(link: Link): LinkUpdate {
  return {
    type: link.type,
    sourceId: link.sourceId,
    targetId: link.targetId,
    directed: link.directed,
    label: link.label,
    description: link.description,
    startDate: link.startDate,
    endDate: link.endDate,
    attributes: link.attributes,
    strength: link.strength,
  };
}

/** Changes a link's fields, ends or hand-set strength (null: derive it again) as one step. */
export function updateLinkCommand(db: Db, { id, changes }: LinkUpdateInput): CommandOutcome<Link> {
  const link = requireLink(db, id);
  const before = updateOf(link);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<LinkUpdate>;
  const fields = normaliseLinkFields({ ...before, ...defined });
  failIfInvalid(linkIssues(fields));
  // A self-loop a merge left behind can still be edited; only new ends must be two different entities.
  const moved = fields.sourceId !== link.sourceId || fields.targetId !== link.targetId;
  const ends = moved
    ? checkEnds(db, fields.sourceId, fields.targetId)
    : { source: requireEntity(db, link.sourceId).label, target: requireEntity(db, link.targetId).label };
  const label = linkLabel('Edit link', fields.type, ends);
  if (sameValues(fields, before)) return runCommand(db, label, () => link);
  return runCommand(db, label, () => {
    updateLink(db, id, fields);
    return getLink(db, id) as Link;
  });
}

export function previewLinkDeletion(db: Db, ids: readonly string[]): DeletePreview {
  requireAll(db, 'links', ids);
  return describeDeletion(db, [], [...new Set(ids)]);
}

/** Deletes links with their citations and notes as one undoable step; returns what went. */
export function deleteLinksCommand(db: Db, { ids }: LinkIdsInput): CommandOutcome<DeletePreview> {
  const preview = previewLinkDeletion(db, ids);
  const first = preview.links[0];
  const label = preview.links.length === 1 && first ? `Delete link ${first.label}` : `Delete ${plural(preview.links.length, 'link')}`;
  return runCommand(db, label, () => {
    for (const { id } of preview.links) deleteLink(db, id);
    return preview;
  });
}

/** What the chart draws for every link: the hand-set strength, or the one its citations give. */
export function linkStrengths(db: Db): Record<string, LinkStrength> {
  const grades = linkCitationGrades(db);
  const out: Record<string, LinkStrength> = {};
  for (const link of listLinks(db)) out[link.id] = link.strength ?? deriveLinkStrength(grades.get(link.id) ?? []);
  return out;
}

/** One link's strength, effective, derived and hand-set, for the inspector. */
export function linkStrengthOf(db: Db, link: Link): LinkStrengthDetail {
  const derived = deriveLinkStrength(citationsForLink(db, link.id).map((c) => ({ reliability: c.source.reliability, credibility: c.credibility })));
  return { effective: link.strength ?? derived, derived, override: link.strength };
}
