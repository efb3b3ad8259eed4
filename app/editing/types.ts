import type { Entity, LinkStrength, MergeRecord, Note, Source } from '../domain';

/**
 * What the editing channels return and what the `case.edited` event says. Pure types shared by
 * main (which builds them) and the renderer (which shows them).
 */

/** One step of the undo history, newest last. */
export interface HistoryEntry {
  seq: number;
  label: string;
  at: string;
  /** False once undone: it is then on the redo stack. */
  done: boolean;
}

/** Whether Undo and Redo can run and what they would say ("Undo Delete “JNIM”"). */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** The latest steps (up to 50 done and 50 undone), oldest first. */
  entries: HistoryEntry[];
}

/** The ids a command (or its undo or redo) created, changed or deleted, by kind: what to refetch. */
export interface ChangedIds {
  entities: string[];
  links: string[];
  sources: string[];
  citations: string[];
  notes: string[];
  annotations: string[];
  mergeRecords: string[];
}

/** The ids of one kind of row a change created, updated and deleted (an id is in one list at most). */
export interface RowIds {
  created: string[];
  updated: string[];
  deleted: string[];
}

/**
 * What one change did to the case, by kind and id: enough for the renderer to ask for just those
 * rows (`case.rows`) and redraw just those chart elements.
 */
export interface CaseDelta {
  entities: RowIds;
  links: RowIds;
  sources: RowIds;
  citations: RowIds;
  notes: RowIds;
  annotations: RowIds;
  mergeRecords: RowIds;
  /** Entities and links whose evidence summary, drawn strength or note count may have changed. */
  derived: { entities: string[]; links: string[] };
  /** Entities whose stored position on a chart changed (placed, moved or removed). */
  positions: string[];
  /**
   * Entities put on or taken off a chart (the chart is a view onto the case). Main adds the links
   * at them to `derived.links` before announcing: a link appears or goes with its end.
   */
  membership: string[];
}

/** What made a change: a command, its undo or redo, an import, a placement that is not an edit, a restored backup. */
export type CaseEditAction = 'do' | 'undo' | 'redo' | 'import' | 'layout' | 'restore';

/** Payload of the `case.edited` event, sent after every change to the open case, whatever made it. */
export interface CaseEdit {
  action: CaseEditAction;
  /** The command's label, e.g. "Rename “JNIM”". */
  label: string;
  changed: ChangedIds;
  /** The same change with created, updated and deleted told apart, and what it changed indirectly. */
  delta: CaseDelta;
  /**
   * True when the change cannot be told row by row (a backup restored over the case): the
   * renderer reloads everything. `delta` is then empty.
   */
  reset: boolean;
  /**
   * Announcement number, set by main: one more than the previous announcement of this process
   * (`chart.load` returns the latest). A gap tells the renderer it missed one and must reload.
   */
  version: number;
  /** Node positions on a chart moved (a move command, or an entity created at a point, merged or deleted). */
  positionsChanged: boolean;
  history: HistoryState;
}

/** An empty delta (nothing changed). */
export function emptyDelta(): CaseDelta {
  const ids = (): RowIds => ({ created: [], updated: [], deleted: [] });
  return {
    entities: ids(),
    links: ids(),
    sources: ids(),
    citations: ids(),
    notes: ids(),
    annotations: ids(),
    mergeRecords: ids(),
    derived: { entities: [], links: [] },
    positions: [],
    membership: [],
  };
}

/** What deleting entities or links takes with it, for the confirmation dialog. */
export interface DeletePreview {
  entities: { id: string; label: string }[];
  /** Links deleted with the entities (or the links asked for). */
  links: { id: string; label: string }[];
  /** Citations on the deleted entities and links (their sources stay). */
  citations: number;
  notes: number;
  annotations: number;
  /** One sentence for the dialog, e.g. "Deleting “JNIM” also deletes 12 links, 30 citations and 2 notes." */
  summary: string;
}

export interface MergeResult {
  /** The surviving entity as it is after the merge. */
  entity: Entity;
  record: MergeRecord;
  /** Links that now join the survivor to itself (they were between the two): kept, with their evidence. */
  selfLoops: string[];
}

/** A link's strength: what the chart draws, what the citations say, and the analyst's choice. */
export interface LinkStrengthDetail {
  effective: LinkStrength;
  derived: LinkStrength;
  override: LinkStrength | null;
}

/** A source in the sources list: without its document text, which can be long. */
export interface SourceSummary extends Omit<Source, 'body'> {
  hasBody: boolean;
  /** Length of the document text in characters (0 without one). */
  bodyLength: number;
  citations: number;
}

/** A note in the notes panel, with a label for what it is on. */
export interface NoteListItem extends Note {
  /** "Case", the entity's label, or "Source → Target" for a link. */
  targetLabel: string;
}

export type SearchHitKind = 'entity' | 'link' | 'note' | 'citation' | 'annotation';

/** A run of snippet text; `match` marks the words that matched the query. Shown as text, never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchHitKind;
  id: string;
  /** The field that matched best: label, alias, description, attributes, body, quote, comment, text. */
  field: string;
  /** What the hit is, in words: the entity's label, "A → B", the note's first line… */
  title: string;
  snippet: SnippetPart[];
  /** The chart item to select and centre: the entity or link itself, or what the note, citation or callout is on. */
  focus: { kind: 'entity' | 'link'; id: string } | null;
}
