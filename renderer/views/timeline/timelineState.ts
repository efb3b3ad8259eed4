import { createStore } from '../../store';
import type { LaneMode } from './timelineModel';

/** The timeline's own choices, kept while it is hidden behind another view. */
export interface TimelineState {
  laneMode: LaneMode;
  /** The entities with a lane when lanes are by entity (null: not chosen yet, the busiest are shown). */
  laneEntities: readonly string[] | null;
  /** The zoom (d3-zoom's scale and x translation), so coming back to the timeline keeps it. */
  zoom: { k: number; x: number } | null;
  /** The undated list is open. */
  undatedOpen: boolean;
}

export const timelineStore = createStore<TimelineState>({ laneMode: 'type', laneEntities: null, zoom: null, undatedOpen: true });
