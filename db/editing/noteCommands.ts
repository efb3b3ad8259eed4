import type { Annotation, Note, NoteTarget } from '../../app/domain';
import type {
  AnnotationCreateInput,
  AnnotationUpdateInput,
  IdInput,
  MoveNodesInput,
  NoteCreateInput,
  NoteListInput,
  NoteUpdateInput,
} from '../../app/editing/schemas';
import type { NoteListItem } from '../../app/editing/types';
import { annotationTextIssues, blankToNull, noteAuthorIssues, noteBodyIssues } from '../../app/editing/validate';
import { WorkbenchFailure } from '../../app/result';
import { deleteAnnotation, getAnnotation, insertAnnotation, updateAnnotation } from '../annotations';
import { chartPositions, defaultChart, saveChartPositions } from '../charts';
import { getEntity } from '../entities';
import { getLink } from '../links';
import { runCommand, type CommandOutcome } from '../history';
import { deleteNote, getNote, insertNote, listNotes, notesFor, updateNote } from '../notes';
import { linkTitle } from '../search';
import type { Db } from '../types';
import { failIfInvalid, plural, quoted, requireChart, requireEntity, sameValues } from './common';

/** "the case", "“JNIM”", "the link “A” → “B”": what a note is on, checked to exist. */
function describeTarget(db: Db, target: NoteTarget): string {
  if (target.kind === 'case') return 'the case';
  if (target.kind === 'entity') {
    const entity = getEntity(db, target.id);
    if (!entity) throw new WorkbenchFailure('not_found', 'The entity for this note is no longer in the case.');
    return quoted(entity.label);
  }
  if (!getLink(db, target.id)) throw new WorkbenchFailure('not_found', 'The link for this note is no longer in the case.');
  return `the link ${linkTitle(db, target.id)}`;
}

function requireNote(db: Db, id: string): Note {
  const note = getNote(db, id);
  if (!note) throw new WorkbenchFailure('not_found', 'That note is no longer in the case.');
  return note;
}

/** Adds a Markdown note (kept verbatim, HTML and all: the renderer shows it as text) as one step. */
export function createNoteCommand(db: Db, input: NoteCreateInput): CommandOutcome<Note> {
  const author = blankToNull(input.author);
  failIfInvalid([...noteBodyIssues(input.body), ...noteAuthorIssues(author)]);
  const onWhat = describeTarget(db, input.target);
  return runCommand(db, `Add note to ${onWhat}`, () =>
    insertNote(db, { target: input.target, body: input.body, author, credibility: input.credibility ?? null }),
  );
}

export function updateNoteCommand(db: Db, { id, changes }: NoteUpdateInput): CommandOutcome<Note> {
  const note = requireNote(db, id);
  const before = { body: note.body, author: note.author, credibility: note.credibility };
  const fields = {
    body: changes.body ?? note.body,
    author: changes.author === undefined ? note.author : blankToNull(changes.author),
    credibility: changes.credibility === undefined ? note.credibility : changes.credibility,
  };
  failIfInvalid([...noteBodyIssues(fields.body), ...noteAuthorIssues(fields.author)]);
  const label = `Edit note on ${describeTarget(db, note.target)}`;
  if (sameValues(fields, before)) return runCommand(db, label, () => note);
  return runCommand(db, label, () => {
    updateNote(db, id, fields);
    return getNote(db, id) as Note;
  });
}

/** Deletes a note as one step (undo brings it back: its text stays in the history until cleared). */
export function deleteNoteCommand(db: Db, { id }: IdInput): CommandOutcome<null> {
  const note = requireNote(db, id);
  return runCommand(db, `Delete note on ${describeTarget(db, note.target)}`, () => {
    deleteNote(db, id);
    return null;
  });
}

/** The notes panel: every note (or those on one item), filtered by text in body or author, newest first. */
export function listNotesForPanel(db: Db, input: NoteListInput): NoteListItem[] {
  const notes = input?.target ? notesFor(db, input.target) : listNotes(db);
  const needle = input?.text?.trim().toLocaleLowerCase() ?? '';
  const labels = new Map<string, string>();
  const labelOf = (target: NoteTarget): string => {
    if (target.kind === 'case') return 'Case';
    const cached = labels.get(target.id);
    if (cached !== undefined) return cached;
    const label = target.kind === 'entity' ? (getEntity(db, target.id)?.label ?? '(deleted entity)') : linkTitle(db, target.id);
    labels.set(target.id, label);
    return label;
  };
  return notes
    .filter((n) => needle.length === 0 || n.body.toLocaleLowerCase().includes(needle) || (n.author ?? '').toLocaleLowerCase().includes(needle))
    .map((n) => ({ ...n, targetLabel: labelOf(n.target) }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
}

function requireAnnotation(db: Db, id: string): Annotation {
  const annotation = getAnnotation(db, id);
  if (!annotation) throw new WorkbenchFailure('not_found', 'That callout is no longer on the chart.');
  return annotation;
}

/** Places a text callout on a chart (the case's chart by default), optionally tied to an entity. */
export function createAnnotationCommand(db: Db, input: AnnotationCreateInput): CommandOutcome<Annotation> {
  failIfInvalid(annotationTextIssues(input.text));
  const chartId = input.chartId ?? defaultChart(db).id;
  requireChart(db, chartId);
  const entityId = input.entityId ?? null;
  if (entityId !== null) requireEntity(db, entityId, 'The entity for this callout is no longer in the case.');
  return runCommand(db, 'Add callout', () => insertAnnotation(db, { chartId, entityId, x: input.x, y: input.y, text: input.text }));
}

export function updateAnnotationCommand(db: Db, { id, changes }: AnnotationUpdateInput): CommandOutcome<Annotation> {
  const annotation = requireAnnotation(db, id);
  const before = { entityId: annotation.entityId, x: annotation.x, y: annotation.y, text: annotation.text };
  const fields = {
    entityId: changes.entityId === undefined ? annotation.entityId : changes.entityId,
    x: changes.x ?? annotation.x,
    y: changes.y ?? annotation.y,
    text: changes.text ?? annotation.text,
  };
  failIfInvalid(annotationTextIssues(fields.text));
  if (fields.entityId !== null) requireEntity(db, fields.entityId, 'The entity for this callout is no longer in the case.');
  const moved = fields.x !== before.x || fields.y !== before.y;
  const label = moved && fields.text === before.text && fields.entityId === before.entityId ? 'Move callout' : 'Edit callout';
  if (sameValues(fields, before)) return runCommand(db, label, () => annotation);
  return runCommand(db, label, () => {
    updateAnnotation(db, id, fields);
    return getAnnotation(db, id) as Annotation;
  });
}

export function deleteAnnotationCommand(db: Db, { id }: IdInput): CommandOutcome<null> {
  requireAnnotation(db, id);
  return runCommand(db, 'Delete callout', () => {
    deleteAnnotation(db, id);
    return null;
  });
}

/**
 * Moves nodes as one undoable step (a drag, or a layout the analyst ran, named as such). Positions
 * of entities no longer in the case are skipped; an unchanged position is no change.
 */
export function moveNodesCommand(db: Db, { chartId, positions, reason }: MoveNodesInput): CommandOutcome<{ moved: number }> {
  requireChart(db, chartId);
  const current = new Map(chartPositions(db, chartId).map((p) => [p.entityId, p]));
  const changed = positions.filter((p) => {
    const at = current.get(p.entityId);
    return !at || at.x !== p.x || at.y !== p.y;
  });
  const only = changed.length === 1 && changed[0] ? getEntity(db, changed[0].entityId) : null;
  const label =
    reason === 'layout' ? 'Lay out the chart' : only ? `Move ${quoted(only.label)}` : `Move ${plural(changed.length, 'entity', 'entities')}`;
  return runCommand(db, label, () => ({ moved: changed.length === 0 ? 0 : saveChartPositions(db, chartId, changed) }));
}
