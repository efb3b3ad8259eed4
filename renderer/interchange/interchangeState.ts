import { createStore, type Store } from '../store';

/** Which File › Import / File › Export dialog is open; the export choice a menu item asked for. */
export interface InterchangeUiState {
  open: 'import' | 'export' | null;
  /** An EXPORT_CHOICES id to select, and to start at once (File › Export › GraphML…). */
  exportChoice: string | null;
  exportNow: boolean;
  /** Import: read the file main has at once (one dropped on the window) instead of waiting for "Choose file". */
  importNow?: boolean;
}

export type InterchangeStore = Store<InterchangeUiState>;

/** One per window, like the rest of the UI state; the dialogs and the commands share it. */
export const interchangeStore: InterchangeStore = createStore<InterchangeUiState>({ open: null, exportChoice: null, exportNow: false });
