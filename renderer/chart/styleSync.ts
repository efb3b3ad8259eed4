import type { Core } from 'cytoscape';
import type { UiStore } from '../store';
import { UI_CLASS } from './stylesheet';

/**
 * Emphasis derived from UI state, applied as classes (elements are never recreated): the links of
 * the selected entities are drawn stronger, and what is not next to the selection steps back.
 */
export function bindStyleSync(cy: Core, store: UiStore): () => void {
  let last = store.getState().selection;
  let lastChart = store.getState().chart;
  const apply = () => {
    const { selection, chart } = store.getState();
    if (selection === last && chart === lastChart) return;
    last = selection;
    lastChart = chart;
    cy.batch(() => {
      cy.elements(`.${UI_CLASS.incident}, .${UI_CLASS.faded}`).removeClass(`${UI_CLASS.incident} ${UI_CLASS.faded}`);
      if (selection.length === 0) return;
      let focus = cy.collection();
      for (const { id } of selection) {
        const ele = cy.getElementById(id);
        if (ele.empty()) continue;
        if (ele.group() === 'nodes') {
          const edges = ele.connectedEdges();
          edges.addClass(UI_CLASS.incident);
          focus = focus.union(ele).union(edges).union(edges.connectedNodes());
        } else {
          focus = focus.union(ele).union(ele.connectedNodes());
        }
      }
      if (focus.nonempty()) cy.elements().difference(focus).addClass(UI_CLASS.faded);
    });
  };
  return store.subscribe(apply);
}
