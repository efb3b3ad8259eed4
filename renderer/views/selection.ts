/**
 * The one selection every view shares: the UI store's `selection` (renderer/store.ts), which the
 * chart keeps in step with Cytoscape (chart/selectionSync.ts) and the inspector reads. A view
 * selects through these functions, never by keeping a selection of its own, so selecting in any
 * view selects in all of them and in the inspector.
 */
import { useMemo } from 'react';
import { useStore, type SelectedElement, type UiStore } from '../store';

/** How a click (or Enter) on an item changes the selection: replace it, or add/remove that item. */
export type SelectMode = 'replace' | 'toggle';

/** The mode a pointer or key event asks for: Shift, Ctrl or Command toggles, as on the chart. */
export function selectModeOf(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectMode {
  return event.shiftKey || event.ctrlKey || event.metaKey ? 'toggle' : 'replace';
}

/** The selection after choosing `elements` in `mode` (a toggle keeps the order the analyst selected in). */
export function nextSelection(current: readonly SelectedElement[], elements: readonly SelectedElement[], mode: SelectMode): SelectedElement[] {
  if (mode === 'replace') return [...elements];
  const toggled = new Set(elements.map((e) => e.id));
  const kept = current.filter((s) => !toggled.has(s.id));
  const currentIds = new Set(current.map((s) => s.id));
  const added = elements.filter((e) => !currentIds.has(e.id));
  return [...kept, ...added];
}

export function selectElements(store: UiStore, elements: readonly SelectedElement[], mode: SelectMode = 'replace'): void {
  store.setState((state) => ({ selection: nextSelection(state.selection, elements, mode) }));
}

/** The ids selected now, as a set (for drawing the selection in a view). */
export function useSelectedIds(store: UiStore): ReadonlySet<string> {
  const selection = useStore(store, (s) => s.selection);
  return useMemo(() => new Set(selection.map((s) => s.id)), [selection]);
}
