/**
 * The side panel's layout: its width and whether it is collapsed, remembered in main's settings
 * file (`panels.side`), and the handle the mounted panel registers so the command (View › Side
 * panel, its shortcut, the top bar's button) can collapse and expand it.
 */
import type { PanelLayout, Settings } from '../../app/settings';
import { createStore, type Store } from '../store';

export const SIDE_PANEL_ID = 'side';
/** The width the side panel opens at, and is reset to by a double-click on its divider. */
export const SIDE_PANEL_DEFAULT_WIDTH = 344;
/** Narrower than this the inspector's fields no longer fit: dragged further, the panel collapses. */
export const SIDE_PANEL_MIN_WIDTH = 240;
/** The chart keeps at least this much of the window. */
export const MAIN_AREA_MIN_WIDTH = 320;

export const DEFAULT_SIDE_PANEL: PanelLayout = { width: SIDE_PANEL_DEFAULT_WIDTH, collapsed: false };

/** The remembered layout, or the default one for a panel that has none. */
export function sidePanelLayout(settings: Settings): PanelLayout {
  return settings.panels[SIDE_PANEL_ID] ?? DEFAULT_SIDE_PANEL;
}

/** What the mounted side panel lets the commands do. */
export interface SidePanelHandle {
  collapse: () => void;
  expand: () => void;
}

export interface PanelState {
  /** Whether the side panel is on screen to be collapsed or expanded (the commands' enablement). */
  sideMounted: boolean;
  sideCollapsed: boolean;
}

export interface PanelStore extends Store<PanelState> {
  /** Called by the side panel when it mounts (with its handle) and unmounts (with null). */
  attach: (handle: SidePanelHandle | null) => void;
  toggleSide: () => void;
  /** Opens the side panel if it is collapsed (e.g. when the Analysis tab is asked for). */
  showSide: () => void;
}

export function createPanelStore(): PanelStore {
  const store = createStore<PanelState>({ sideMounted: false, sideCollapsed: false });
  let handle: SidePanelHandle | null = null;
  return {
    ...store,
    attach(next) {
      handle = next;
      store.setState({ sideMounted: next !== null });
    },
    toggleSide() {
      if (store.getState().sideCollapsed) handle?.expand();
      else handle?.collapse();
    },
    showSide() {
      if (store.getState().sideCollapsed) handle?.expand();
    },
  };
}

export const panelStore = createPanelStore();
