import type { Core, SingularElementArgument } from 'cytoscape';
import type { UiStore } from '../store';
import { UI_CLASS } from './stylesheet';

/**
 * Emphasis derived from UI state, applied as classes (elements are never recreated): the links of
 * the selected entities are drawn stronger, what is not next to the selection steps back, and the
 * selection's entities and their neighbours are marked near (labelled at any zoom on a large chart).
 * Only elements whose emphasis differs are touched: Cytoscape restyles an element for every class
 * call, even one that changes nothing, and a chart update must not restyle the whole chart.
 */
export function bindStyleSync(cy: Core, store: UiStore): () => void {
  let last = store.getState().selection;
  let lastChart = store.getState().chart;
  const apply = () => {
    const { selection, chart } = store.getState();
    if (selection === last && chart === lastChart) return;
    last = selection;
    lastChart = chart;
    const incident = new Set<string>();
    const focus = new Set<string>();
    for (const { id } of selection) {
      const ele = cy.getElementById(id);
      if (ele.empty()) continue;
      focus.add(id);
      if (ele.group() === 'nodes') {
        ele.connectedEdges().forEach((edge) => {
          incident.add(edge.id());
          focus.add(edge.id());
          edge.connectedNodes().forEach((n) => {
            focus.add(n.id());
          });
        });
      } else {
        ele.connectedNodes().forEach((n) => {
          focus.add(n.id());
        });
      }
    }
    const fading = focus.size > 0;
    cy.batch(() => {
      if (!fading && incident.size === 0) {
        // Nothing selected: only the elements that still carry emphasis change.
        cy.elements(`.${UI_CLASS.incident}, .${UI_CLASS.faded}, .${UI_CLASS.near}`).forEach((ele) => {
          setClass(ele, UI_CLASS.incident, false);
          setClass(ele, UI_CLASS.faded, false);
          setClass(ele, UI_CLASS.near, false);
        });
        return;
      }
      cy.elements().forEach((ele) => {
        const id = ele.id();
        setClass(ele, UI_CLASS.incident, incident.has(id));
        setClass(ele, UI_CLASS.faded, fading && !focus.has(id));
        setClass(ele, UI_CLASS.near, focus.has(id) && ele.isNode());
      });
    });
  };
  return store.subscribe(apply);
}

function setClass(ele: SingularElementArgument, name: string, on: boolean): void {
  if (ele.hasClass(name) !== on) ele.toggleClass(name, on);
}
