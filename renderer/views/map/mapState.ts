import { createStore } from '../../store';

/** The map's own state, kept while it is hidden behind another view. */
export interface MapState {
  /**
   * Where the map was left (d3-zoom's transform) for which chart and at which frame size (the
   * projection is fitted to the frame, so a transform means nothing at another size): the map
   * comes back there, and opens fitted on the located entities otherwise.
   */
  view: { caseKey: string; k: number; x: number; y: number; width: number; height: number } | null;
}

export const mapStore = createStore<MapState>({ view: null });
