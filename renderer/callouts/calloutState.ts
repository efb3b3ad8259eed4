import type { Core } from 'cytoscape';
import { createStore, type Store } from '../store';
import { cornerCentredOn, tiedOffset, type Point } from './calloutGeometry';

/** The id the callout being written has until it is saved (never a stored id: those are UUIDs). */
export const DRAFT_ID = 'draft';

/** A callout being written: where it goes (a model point, or the offset from its entity). */
export interface CalloutDraft {
  /** Tells one draft from the next (a new one may be started while the last is being saved). */
  serial: number;
  entityId: string | null;
  x: number;
  y: number;
  /** Set once saved: the draft stays on screen until the refetched chart shows the stored callout. */
  savedId: string | null;
}

export interface CalloutState {
  draft: CalloutDraft | null;
  /** The callout whose text is being edited (DRAFT_ID for the draft). */
  editingId: string | null;
  /** A callout to focus as soon as it is shown (after it was written with the keyboard). */
  focusId: string | null;
}

/**
 * The callouts' own UI state: which one is being written or edited. The callouts themselves are
 * chart data (the `chart` of the UI store, refetched after every edit), never kept here.
 */
export const calloutStore: Store<CalloutState> = createStore<CalloutState>({ draft: null, editingId: null, focusId: null });

let drafts = 0;

function startDraft(entityId: string | null, at: Point): void {
  drafts += 1;
  calloutStore.setState({ draft: { serial: drafts, entityId, x: at.x, y: at.y, savedId: null }, editingId: DRAFT_ID });
}

/** Opens a new, empty callout for writing with its corner at a model point. */
export function startCalloutAt(at: Point): void {
  startDraft(null, at);
}

/** Opens a new, empty callout tied to an entity, beside its node; false if the chart does not show it. */
export function startCalloutOn(cy: Core, entityId: string): boolean {
  const node = cy.getElementById(entityId);
  if (node.empty() || !node.isNode()) return false;
  startDraft(entityId, tiedOffset(node.width(), node.height()));
  return true;
}

/** Opens a new callout centred in the view. */
export function startCalloutInView(centre: Point): void {
  startCalloutAt(cornerCentredOn(centre));
}

/** Forgets the draft and any edit (another case opened, or the chart closed). */
export function resetCallouts(): void {
  calloutStore.setState({ draft: null, editingId: null, focusId: null });
}
