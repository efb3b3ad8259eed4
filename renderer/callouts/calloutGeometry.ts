/**
 * Where a callout is drawn. A callout's (x, y) is the top-left corner of its note in model (chart)
 * coordinates; tied to an entity, it is the offset of that corner from the entity's node centre, so
 * the note follows the node wherever it is dragged or laid out (as image export reads it:
 * renderer/export/readChart.ts). Cytoscape draws model point p at p × zoom + pan in the container.
 */

export interface Point {
  x: number;
  y: number;
}

export interface ViewportState {
  pan: Point;
  zoom: number;
}

/** What a callout stores about its place. */
export interface CalloutPlace {
  entityId: string | null;
  x: number;
  y: number;
}

/** The note's width in model units: the width image export wraps a callout's text to. */
export const CALLOUT_WIDTH = 180;

/** The note is drawn at the chart's zoom, but never smaller than this (below it the text is unreadable). */
export const MIN_CALLOUT_SCALE = 0.5;

/** Screen pixels a callout moves per arrow key (ten times that with Shift). */
export const NUDGE_PX = 10;

/** Container (rendered) pixels of a model point. */
export function toRendered(p: Point, view: ViewportState): Point {
  return { x: p.x * view.zoom + view.pan.x, y: p.y * view.zoom + view.pan.y };
}

/** The model point under container (rendered) pixels. */
export function toModel(p: Point, view: ViewportState): Point {
  return { x: (p.x - view.pan.x) / view.zoom, y: (p.y - view.pan.y) / view.zoom };
}

/**
 * The model point of a callout's top-left corner; null when it is tied to an entity the chart does
 * not show (deleted meanwhile, or hidden by a filter), which then hides the callout with it.
 */
export function calloutCorner(place: CalloutPlace, entityAt: (id: string) => Point | null): Point | null {
  if (place.entityId === null) return { x: place.x, y: place.y };
  const at = entityAt(place.entityId);
  return at ? { x: at.x + place.x, y: at.y + place.y } : null;
}

/** What to store for a callout whose corner is now at `corner`: the point itself, or its offset from the tied entity. */
export function placeFor(entityId: string | null, corner: Point, entityAt: (id: string) => Point | null): CalloutPlace | null {
  if (entityId === null) return { entityId, x: corner.x, y: corner.y };
  const at = entityAt(entityId);
  return at ? { entityId, x: corner.x - at.x, y: corner.y - at.y } : null;
}

/** A corner moved by a pointer that went `dx`, `dy` screen pixels at this zoom. */
export function movedBy(corner: Point, dx: number, dy: number, zoom: number): Point {
  return { x: corner.x + dx / zoom, y: corner.y + dy / zoom };
}

/** How much a note is scaled at this zoom (the text being edited is kept at least full size). */
export function calloutScale(zoom: number, editing: boolean): number {
  return editing ? Math.max(zoom, 1) : Math.max(zoom, MIN_CALLOUT_SCALE);
}

/** Where a new callout tied to an entity goes: above and to the right of its node, clear of it. */
export function tiedOffset(nodeWidth: number, nodeHeight: number): Point {
  return { x: nodeWidth / 2 + 40, y: -nodeHeight / 2 - 80 };
}

/** Where a new callout goes so that its note is centred on a point (e.g. the centre of the view). */
export function cornerCentredOn(p: Point): Point {
  return { x: p.x - CALLOUT_WIDTH / 2, y: p.y - 20 };
}

/**
 * The end of a leader line from `from` (the node centre) on the note's box: its nearest point on
 * the box's edge. Null when the point is inside the box (no line to draw).
 */
export function leaderEnd(box: { x1: number; y1: number; x2: number; y2: number }, from: Point): Point | null {
  const inside = from.x > box.x1 && from.x < box.x2 && from.y > box.y1 && from.y < box.y2;
  if (inside) return null;
  return { x: Math.min(Math.max(from.x, box.x1), box.x2), y: Math.min(Math.max(from.y, box.y1), box.y2) };
}

/** True when two stored places are the same (to the precision the file keeps them). */
export function samePlace(a: CalloutPlace, b: CalloutPlace): boolean {
  return a.entityId === b.entityId && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}
