import type { Core } from 'cytoscape';
import { sameSelection, type SelectedElement, type UiStore } from '../store';

/** What Cytoscape has selected, as the store keeps it. */
export function readSelection(cy: Core): SelectedElement[] {
  return cy.$(':selected').map((ele) => ({ kind: ele.isNode() ? 'entity' : 'link', id: ele.id() }));
}

/**
 * Keeps the store's selection and Cytoscape's in step. Clicks and box selections reach the store
 * once per gesture (a box selecting 40 nodes emits 40 events: they are batched into one update);
 * selections made elsewhere (inspector, commands) are applied to the chart.
 */
export function bindSelectionSync(cy: Core, store: UiStore): () => void {
  let scheduled = false;
  let applied = store.getState().selection;

  const flush = () => {
    scheduled = false;
    if (cy.destroyed()) return;
    const next = readSelection(cy);
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
    cy.off('select unselect remove', onChartSelection);
  };
}
