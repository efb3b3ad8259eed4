import type { Core } from 'cytoscape';
import type { UiStore } from '../store';
import { UI_CLASS } from './stylesheet';

/** Emphasis derived from UI state: the links of the selected entities are drawn stronger. */
export function bindStyleSync(cy: Core, store: UiStore): () => void {
  let last = store.getState().selection;
  const apply = () => {
    const selection = store.getState().selection;
    if (selection === last) return;
    last = selection;
    cy.batch(() => {
      cy.edges(`.${UI_CLASS.incident}`).removeClass(UI_CLASS.incident);
      const entityIds = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
      // Past a handful of nodes the emphasis is noise, not help.
      if (entityIds.length === 0 || entityIds.length > 8) return;
      for (const id of entityIds) cy.getElementById(id).connectedEdges().addClass(UI_CLASS.incident);
    });
  };
  return store.subscribe(apply);
}
