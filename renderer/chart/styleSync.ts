import type { Core, SingularElementArgument } from 'cytoscape';
import type { UiStore } from '../store';
import type { Box } from './levelOfDetail';
import { UI_CLASS } from './stylesheet';

/**
 * Where the elements away from the selection are faded by class: every element ('all'); on a
 * large chart drawn by Cytoscape alone, the elements in a box around the view ('view', the only
 * ones it draws; refreshed when the view rests); or none, where the WebGL layer draws the chart's
 * bulk and fades it itself ('layer', glMotion.ts). A class on each of 70,000 elements costs
 * Cytoscape a restyle of each, 1.6 s at 20,000 entities for one click.
 */
export type FadeScope = { kind: 'all' } | { kind: 'layer' } | { kind: 'view'; box: Box };

export interface StyleSync {
  /** Whether the selection's neighbourhood is emphasised now (what is away from it is faded). */
  readonly fading: boolean;
  /** Applies the emphasis again for the fade's scope now (the view rested, or the layer came or went). */
  refresh(): void;
  dispose(): void;
}

/**
 * Emphasis derived from UI state, applied as classes (elements are never recreated): the links of
 * the selected entities are drawn stronger, what is not next to the selection steps back, and the
 * selection's entities and their neighbours are marked near (labelled at any zoom on a large chart).
 * Only elements whose emphasis differs are touched: Cytoscape restyles an element for every class
 * call, even one that changes nothing, and a chart update must not restyle the whole chart.
 */
export function bindStyleSync(cy: Core, store: UiStore, fadeScope: () => FadeScope = () => ({ kind: 'all' })): StyleSync {
  let last = store.getState().selection;
  let lastChart = store.getState().chart;
  let fading = false;
  const apply = (force = false) => {
    const { selection, chart } = store.getState();
    if (!force && selection === last && chart === lastChart) return;
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
    fading = focus.size > 0;
    const scope = fadeScope();
    const box = scope.kind === 'view' ? scope.box : null;
    const inScope = (ele: SingularElementArgument): boolean => {
      if (scope.kind === 'all') return true;
      if (box === null) return false;
      const within = (p: { x: number; y: number }) => p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
      // A link crossing the view with both ends outside it is left unfaded (rare, and thin).
      if (ele.isNode()) return within(ele.position());
      return within(ele.source().position()) || within(ele.target().position());
    };
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
        setClass(ele, UI_CLASS.faded, fading && !focus.has(id) && inScope(ele));
        setClass(ele, UI_CLASS.near, focus.has(id) && ele.isNode());
      });
    });
  };
  const unsubscribe = store.subscribe(() => apply());
  return {
    get fading() {
      return fading;
    },
    refresh: () => {
      // Nothing faded, nothing to move: a pan without a selection costs nothing here.
      if (fading) apply(true);
    },
    dispose: unsubscribe,
  };
}

function setClass(ele: SingularElementArgument, name: string, on: boolean): void {
  if (ele.hasClass(name) !== on) ele.toggleClass(name, on);
}
