import type { Core, EventObject, SingularElementArgument } from 'cytoscape';
import { sameSelection, type SelectedElement, type UiStore } from '../store';

/** What Cytoscape has selected, as the store keeps it (in the chart's element order). */
export function readSelection(cy: Core): SelectedElement[] {
  return cy.$(':selected').map((ele) => ({ kind: ele.isNode() ? 'entity' : 'link', id: ele.id() }));
}

/**
 * The chart's selection in the order the analyst made it: what was already selected keeps its
 * place and what was added since comes after it. Cytoscape reports its selection in element
 * order, which would turn "link A to B" into "B to A" whenever B was drawn first.
 */
export function inSelectionOrder(
  previous: readonly SelectedElement[],
  current: readonly SelectedElement[],
  selectedAt: ReadonlyMap<string, number> = new Map(),
): SelectedElement[] {
  const currentIds = new Set(current.map((s) => s.id));
  const kept = previous.filter((s) => currentIds.has(s.id));
  const keptIds = new Set(kept.map((s) => s.id));
  const added = current.filter((s) => !keptIds.has(s.id));
  const at = (s: SelectedElement) => selectedAt.get(s.id) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable: elements with no recorded time keep the chart's order.
  return [...kept, ...added.sort((a, b) => at(a) - at(b))];
}

/**
 * Keeps the store's selection and Cytoscape's in step. Clicks and box selections reach the store
 * once per gesture (a box selecting 40 nodes emits 40 events: they are batched into one update);
 * selections made elsewhere (inspector, commands) are applied to the chart.
 */
export function bindSelectionSync(cy: Core, store: UiStore): () => void {
  let scheduled = false;
  let applied = store.getState().selection;
  /** When each element was selected, for the order of several selected between two flushes. */
  const selectedAt = new Map<string, number>();
  let selectSeq = 0;

  const flush = () => {
    scheduled = false;
    if (cy.destroyed()) return;
    const next = inSelectionOrder(store.getState().selection, readSelection(cy), selectedAt);
    selectedAt.clear();
    if (!sameSelection(next, store.getState().selection)) {
      applied = next;
      store.setState({ selection: next });
    }
  };
  const onChartSelection = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };
  const onSelect = (event: EventObject) => {
    selectSeq += 1;
    selectedAt.set((event.target as SingularElementArgument).id(), selectSeq);
  };
  cy.on('select', onSelect);
  cy.on('select unselect remove', onChartSelection);

  const unsubscribe = store.subscribe(() => {
    const wanted = store.getState().selection;
    if (wanted === applied) return;
    applied = wanted;
    if (sameSelection(wanted, readSelection(cy))) return;
    const ids = new Set(wanted.map((s) => s.id));
    cy.batch(() => {
      cy.$(':selected')
        .filter((ele) => !ids.has(ele.id()))
        .unselect();
      for (const id of ids) cy.getElementById(id).select();
    });
  });

  return () => {
    unsubscribe();
    cy.off('select', onSelect);
    cy.off('select unselect remove', onChartSelection);
  };
}
