import type { Core } from 'cytoscape';
import type { Viewport } from '../../app/domain';

export const VIEWPORT_SAVE_DELAY_MS = 500;

export interface ViewportCommit {
  /** Stops saving (while a chart loads: its own fit is not the analyst's view). Drops a pending save. */
  suspend: () => void;
  /** Saves again from now on, for this chart. */
  resume: (chartId: string) => void;
  dispose: () => void;
}

export function readViewport(cy: Core): Viewport {
  const pan = cy.pan();
  return { zoom: cy.zoom(), panX: pan.x, panY: pan.y };
}

/** Saves the pan and zoom once the analyst has stopped moving the chart for a moment. */
export function bindViewportCommit(cy: Core, save: (chartId: string, viewport: Viewport) => void): ViewportCommit {
  let chartId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const onViewport = () => {
    if (chartId === null) return;
    const target = chartId;
    cancel();
    timer = setTimeout(() => {
      timer = null;
      if (!cy.destroyed()) save(target, readViewport(cy));
    }, VIEWPORT_SAVE_DELAY_MS);
  };
  cy.on('viewport', onViewport);
  return {
    suspend() {
      chartId = null;
      cancel();
    },
    resume(id) {
      chartId = id;
    },
    dispose() {
      cancel();
      cy.off('viewport', onViewport);
    },
  };
}
