import type { Core } from 'cytoscape';
import type { WorkbenchApi } from '../app/bridge';

declare global {
  interface Window {
    /** The typed bridge to main (preload in Electron, a Playwright binding in e2e). */
    workbench: WorkbenchApi;
    /** For e2e tests only (read-only): the chart's Cytoscape instance. */
    __workbenchChart?: { readonly cy: Core };
  }
}
