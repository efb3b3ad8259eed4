/**
 * The views of the main area, in tab order. Adding a view is one entry here: its tab, its
 * View-menu command and shortcut, and its place in the host come from it (viewCommands.ts,
 * ViewHost.tsx). Every view reads the open case through the case cache (renderer/data/) and
 * selects through the shared selection (selection.ts).
 */
import type { ComponentType } from 'react';
import { LazyMapView } from './map/LazyMapView';
import { TableView } from './table/TableView';
import { TimelineView } from './timeline/TimelineView';
import { createViewStore } from './viewState';

export interface ViewDefinition {
  id: string;
  /** The tab's label, and the View menu's "Show …" item. */
  label: string;
  /** The shortcut that brings it to the front. */
  shortcut: string;
  /**
   * The view's content, mounted while it is in front. Null for the chart, which the host keeps
   * mounted all the time (Cytoscape is created once per window).
   */
  Component: ComponentType | null;
}

export const VIEWS: readonly ViewDefinition[] = [
  { id: 'chart', label: 'Chart', shortcut: 'Ctrl+1', Component: null },
  { id: 'timeline', label: 'Timeline', shortcut: 'Ctrl+2', Component: TimelineView },
  { id: 'map', label: 'Map', shortcut: 'Ctrl+3', Component: LazyMapView },
  { id: 'table', label: 'Table', shortcut: 'Ctrl+4', Component: TableView },
];

/** The window's one view state (like the interchange dialogs' store, shared by commands and components). */
export const viewStore = createViewStore(VIEWS.map((v) => v.id));
