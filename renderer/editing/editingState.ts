import type { DeletePreview, HistoryState } from '../../app/editing/types';
import { createStore, type Store } from '../store';

/** Where a new entity goes: model coordinates on the chart. */
export interface ChartPoint {
  x: number;
  y: number;
}

/** The editing dialogs; one at a time. */
export type EditingDialog =
  | { kind: 'createEntity'; at: ChartPoint; type: string | null }
  | { kind: 'deleteEntities'; ids: string[]; preview: DeletePreview }
  | { kind: 'deleteLinks'; ids: string[]; preview: DeletePreview }
  | { kind: 'createLink'; sourceId: string; targetId: string }
  | { kind: 'merge'; ids: [string, string] };

/** A right-click menu at a point on the page, for an entity, a link or the canvas. */
export interface ContextMenuState {
  pageX: number;
  pageY: number;
  target: { kind: 'entity' | 'link'; id: string } | { kind: 'canvas'; at: ChartPoint };
}

export interface EditingState {
  dialog: EditingDialog | null;
  /** A short message over the chart ("Undone: Rename “JNIM”"); cleared after a few seconds. */
  toast: { id: number; text: string } | null;
  history: HistoryState | null;
  paletteOpen: boolean;
  commandPaletteOpen: boolean;
  searchOpen: boolean;
  contextMenu: ContextMenuState | null;
  /** The sources window: which source is shown, and the passage to show (a citation's). */
  sources: { sourceId: string | null; citation: { quote: string; locator: string | null } | null } | null;
  /** The notes panel is open. */
  notesOpen: boolean;
}

export type EditingStore = Store<EditingState>;

export function createEditingStore(): EditingStore {
  return createStore<EditingState>({
    dialog: null,
    toast: null,
    history: null,
    paletteOpen: false,
    commandPaletteOpen: false,
    searchOpen: false,
    contextMenu: null,
    sources: null,
    notesOpen: false,
  });
}
