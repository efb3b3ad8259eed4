import type { InterchangeGraph, SkippedItem } from './graph';

/**
 * What an import will do (the preview) and what it did (the report): shared by the store, the
 * handlers, the CLI and the import dialog.
 */

/** An entity already in the case, as the preview names it. */
export interface EntityRef {
  id: string;
  label: string;
  type: string;
}

export interface MergeCandidate extends EntityRef {
  /** The name of the existing entity that matched (its label or one of its aliases). */
  matchedName: string;
  sameType: boolean;
  /**
   * 1 when a name is the same once normalised (merged by default when the types fit); below 1 for
   * a near-identical name (a transliteration), offered to the analyst and never merged by default.
   */
  similarity: number;
}

export type EntityAction = 'create' | 'merge' | 'skip';

export interface EntityPlan {
  key: string;
  label: string;
  type: string;
  action: EntityAction;
  into: EntityRef | null;
  reason: string;
  candidates: MergeCandidate[];
}

export interface LinkPlan {
  key: string;
  type: string;
  label: string | null;
  sourceLabel: string;
  targetLabel: string;
  action: EntityAction;
  /** The existing link it merges into. */
  into: string | null;
  reason: string;
}

/** A label, name or value cut to fit what the case holds, with the item it belongs to. */
export interface CutValue {
  /** The item, as the analyst would name it: `entity "Iyad ag Ghali…"`. */
  what: string;
  /** Which of its values was cut: "label", "alias", "type", "title". */
  field: string;
  /** Characters in the file, and characters kept. */
  length: number;
  kept: number;
}

/** Whether the import will be one undoable step; past the history's size limit it cannot be. */
export interface ImportUndo {
  undoable: boolean;
  /** Why not, in a sentence for the analyst (null when it can be undone). */
  reason: string | null;
}

/** What an import will do, before it does it. */
export interface ImportPlan {
  format: InterchangeGraph['format'];
  entities: EntityPlan[];
  links: LinkPlan[];
  counts: {
    entities: Record<EntityAction, number>;
    links: Record<EntityAction, number>;
    /** Sources the import will create: the file itself (unless imported before) and the file's own sources new to the case. */
    sources: number;
    /** Citations the import will create: the file's own and the file's citation of each item. */
    citations: number;
    notes: number;
    /** Parts of the file that are not imported (listed in `skipped`). */
    skippedInFile: number;
  };
  /** Values that will be cut to fit, with their items. */
  cut: CutValue[];
  undo: ImportUndo;
  warnings: string[];
  skipped: SkippedItem[];
  /** The same file (by SHA-256) was imported before, as this source. */
  alreadyImported: { sourceId: string; title: string; importedAt: string } | null;
}

/** The analyst's choice for one incoming entity, overriding the preview's proposal. */
export type EntityDecision = { action: 'create' } | { action: 'skip' } | { action: 'merge'; into: string };

export interface ImportReport {
  fileSourceId: string;
  created: { entities: number; links: number; sources: number; citations: number; notes: number };
  merged: { entities: number; links: number };
  /** Everything skipped: items the analyst or the plan left out, and parts of the file that are not imported (`inFile`, listed in `leftOut`). */
  skipped: { entities: number; links: number; citations: number; notes: number; inFile: number };
  /** Values cut to fit, with their items. */
  cut: CutValue[];
  /** Whether Undo can take the import back (false: it was past the history's size limit, as the preview said). */
  undoable: boolean;
  warnings: string[];
  /** Parts of the file left out before planning (an invalid STIX object, a deleted MISP attribute), each with its reason. */
  leftOut: SkippedItem[];
}


/** The preview the import dialog shows; `previewId` commits it through `interchange.import`. */
export interface ImportPreview {
  previewId: string;
  file: { name: string; path: string; bytes: number; sha256: string; format: InterchangeGraph['format']; formatLabel: string };
  plan: ImportPlan;
  /** The plan lists only the first items of long lists (all merges and skips are always listed). */
  truncated: { entities: boolean; links: boolean };
  /** Tables (CSV, spreadsheets): what the reader understood (layout, encoding, header, dates) and the first rows as read. */
  table?: InterchangeGraph['table'];
}

/** Everything an import left out: items skipped by the plan or the analyst, and parts of the file it could not import. */
export function skippedTotal(report: Pick<ImportReport, 'skipped'>): number {
  const { entities, links, citations, notes, inFile } = report.skipped;
  return entities + links + citations + notes + inFile;
}

/** One cut value in a sentence: `entity "Abu …": label cut from 8,000,004 to 1,000 characters`. */
export function describeCut(cut: CutValue): string {
  return `${cut.what}: ${cut.field} cut from ${cut.length.toLocaleString('en')} to ${cut.kept.toLocaleString('en')} characters`;
}
