/**
 * Level of detail for a large chart (LARGE_CHART_NODES or more), beside its stylesheet rules
 * (stylesheet.ts, largeChartRules): entity labels, and the type icons with them, are mapped only on
 * the entities in view once the chart is zoomed in far enough to read them and only where they have
 * room (and on the selection and its neighbours); elsewhere an entity is a disc in its type's
 * colour. A large chart is fitted from its node positions.
 *
 * Why a class and not a zoom rule: Cytoscape has no zoom selector, and an entity whose label is
 * mapped costs its label's texture on every frame even where `min-zoomed-font-size` hides the text
 * (measured in `npm run bench`, render: the 1,000-node chart's first frame spent most of its
 * drawing on hidden labels). So a large chart maps no labels until the analyst zooms in, and then
 * only for the few hundred entities on screen.
 */
import type { Core } from 'cytoscape';
import { UI_CLASS } from './stylesheet';

/** From this zoom up the entities in view carry their labels (14 px labels are 7 px and more). */
export const LABEL_ZOOM = 0.5;
/**
 * How long the viewport must rest before the labels in view are updated. Each update restyles the
 * newly labelled entities and Cytoscape then redraws the chart without its layer cache for a
 * moment, so it must not fall between the steps of a pan (120 ms did, in the bench's pan/zoom frames).
 */
export const LABEL_SETTLE_MS = 250;
/** The labelled area reaches this far beyond the screen (a share of its size), so a short pan finds labels drawn. */
const VIEW_MARGIN = 0.25;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box grown by a share of its width and height on every side. */
export function widen(box: Box, share: number): Box {
  const dx = (box.x2 - box.x1) * share;
  const dy = (box.y2 - box.y1) * share;
  return { x1: box.x1 - dx, y1: box.y1 - dy, x2: box.x2 + dx, y2: box.y2 + dy };
}

/**
 * The zoom and pan that show every point in a viewport of width × height with `padding` px
 * around, each point taken as a disc of `radius` (the largest node). The same answer as
 * Cytoscape's fit without its label-aware bounding box of every element, which a large chart's
 * first frame cannot afford; null when there is nothing to fit.
 */
export function fitPoints(
  points: Iterable<{ x: number; y: number }>,
  view: { width: number; height: number; padding: number; radius: number; minZoom: number; maxZoom: number },
): { zoom: number; pan: { x: number; y: number } } | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  if (x1 === Infinity) return null;
  x1 -= view.radius;
  y1 -= view.radius;
  x2 += view.radius;
  y2 += view.radius;
  const w = Math.max(1, view.width - 2 * view.padding);
  const h = Math.max(1, view.height - 2 * view.padding);
  const zoom = Math.min(view.maxZoom, Math.max(view.minZoom, Math.min(w / (x2 - x1), h / (y2 - y1))));
  return { zoom, pan: { x: view.width / 2 - (zoom * (x1 + x2)) / 2, y: view.height / 2 - (zoom * (y1 + y2)) / 2 } };
}

/** A screen cell (px) holds one label at most: about one label's width and two lines' height. */
export const LABEL_CELL = { width: 140, height: 44 } as const;

export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  /** Links on the chart: where labels compete for a cell, the best-connected entity's wins. */
  degree: number;
}

/**
 * The entities to label in a view, as a map does with its place names: of the entities inside
 * `box` (model coordinates), at most one per LABEL_CELL of the screen at this zoom, the one with
 * the most links (then the first given). A label is legible when it has room, not only when its
 * font is large enough: on a dense chart at full zoom every label drawn would be one unreadable
 * heap, and each mapped label costs its texture on every frame.
 */
export function labelledInView(candidates: Iterable<LabelCandidate>, box: Box, zoom: number): Set<string> {
  const cellW = LABEL_CELL.width / zoom;
  const cellH = LABEL_CELL.height / zoom;
  const best = new Map<string, LabelCandidate>();
  for (const c of candidates) {
    if (c.x < box.x1 || c.x > box.x2 || c.y < box.y1 || c.y > box.y2) continue;
    const cell = `${Math.floor((c.x - box.x1) / cellW)}:${Math.floor((c.y - box.y1) / cellH)}`;
    const held = best.get(cell);
    if (held === undefined || c.degree > held.degree) best.set(cell, c);
  }
  return new Set([...best.values()].map((c) => c.id));
}

export interface LabelDetail {
  /** Updates the labelled entities now (after a chart is drawn or its level of detail changes). */
  refresh: () => void;
  dispose: () => void;
}

/**
 * Keeps UI_CLASS.inView on the entities of a large chart chosen by labelledInView while it is
 * zoomed in to LABEL_ZOOM or more, and on none otherwise; only elements whose class changes are touched.
 * `isLarge` says whether the large chart's level of detail is in force; `viewBox` is the model
 * area on screen (cy.extent() unless a test gives its own).
 */
export function bindLabelDetail(cy: Core, isLarge: () => boolean, viewBox: () => Box = () => cy.extent()): LabelDetail {
  const inView = UI_CLASS.inView;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether any entity may carry the class (so a zoomed-out pan need not look). */
  let labelled = false;
  const update = () => {
    timer = null;
    if (cy.destroyed()) return;
    const wanted = isLarge() && cy.zoom() >= LABEL_ZOOM ? widen(viewBox(), VIEW_MARGIN) : null;
    if (wanted === null && !labelled) return;
    labelled = wanted !== null;
    cy.batch(() => {
      if (wanted === null) {
        cy.nodes(`.${inView}`).removeClass(inView);
        return;
      }
      const nodes = cy.nodes();
      const chosen = labelledInView(
        nodes.map((node) => {
          const p = node.position();
          return { id: node.id(), x: p.x, y: p.y, degree: Number(node.data('degree') ?? 0) };
        }),
        wanted,
        cy.zoom(),
      );
      nodes.forEach((node) => {
        const on = chosen.has(node.id());
        if (node.hasClass(inView) !== on) node.toggleClass(inView, on);
      });
    });
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    // Below the label zoom with nothing labelled there is nothing to do: a zoomed-out pan stays free.
    if (cy.zoom() < LABEL_ZOOM && !labelled) return;
    timer = setTimeout(update, LABEL_SETTLE_MS);
  };
  cy.on('viewport', schedule);
  return {
    refresh() {
      if (timer !== null) clearTimeout(timer);
      update();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      cy.off('viewport', schedule);
    },
  };
}
