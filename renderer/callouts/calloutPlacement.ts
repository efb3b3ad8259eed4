import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { calloutCorner, calloutScale, leaderEnd, samePlace, toRendered, type CalloutPlace, type Point, type ViewportState } from './calloutGeometry';

/** A callout as the overlay places it (a saved one, or the one being written). */
export interface PlacedCallout extends CalloutPlace {
  id: string;
}

/**
 * Keeps the callout notes over their model points while the chart pans and zooms and tied entities
 * move. Positions are written straight to the notes' styles once per animation frame: a pan or a
 * node drag re-renders no React component (ARCHITECTURE.md: positions during a drag are never in
 * React state).
 */
export interface CalloutPlacement {
  /** Binds to the chart's Cytoscape instance and the SVG that holds the leader lines; returns the unbinding. */
  attach: (cy: Core, leaders: SVGSVGElement) => () => void;
  /** The element that shows a callout (null when it unmounts). */
  register: (id: string, element: HTMLElement | null) => void;
  /** The callouts of the chart now (after every refetch). */
  setCallouts: (callouts: readonly PlacedCallout[]) => void;
  /**
   * Shows a callout with its corner at a model point (during a drag, and after the drop until the
   * refetched chart holds `expected`), or as stored again with null.
   */
  override: (id: string, corner: Point | null, expected?: CalloutPlace) => void;
  /** The model point of a callout's corner as shown now; null if it is not shown. */
  cornerOf: (id: string) => Point | null;
  /** The model position of an entity's node; null when the chart does not show it. */
  entityAt: (id: string) => Point | null;
  viewport: () => ViewportState;
  /** Drops a callout's override once the chart holds what it expected (e.g. a drop that changed nothing). */
  settle: (id: string) => void;
  /** Places the callouts again at the next frame (e.g. when a note's text changed its size). */
  schedule: () => void;
  /** Places them now (before focusing a note that has just been shown). */
  placeNow: () => void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function createCalloutPlacement(): CalloutPlacement {
  let cy: Core | null = null;
  let svg: SVGSVGElement | null = null;
  let callouts = new Map<string, PlacedCallout>();
  const elements = new Map<string, HTMLElement>();
  const overrides = new Map<string, { corner: Point; expected?: CalloutPlace }>();
  const lines = new Map<string, SVGLineElement>();
  let frame: number | null = null;

  const entityAt = (id: string): Point | null => {
    if (!cy || cy.destroyed()) return null;
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode() || !node.visible()) return null;
    const { x, y } = node.position();
    return { x, y };
  };

  const viewport = (): ViewportState => (cy && !cy.destroyed() ? { pan: cy.pan(), zoom: cy.zoom() } : { pan: { x: 0, y: 0 }, zoom: 1 });

  const cornerOf = (id: string): Point | null => {
    const over = overrides.get(id);
    if (over) return over.corner;
    const callout = callouts.get(id);
    return callout ? calloutCorner(callout, entityAt) : null;
  };

  const lineFor = (id: string): SVGLineElement | null => {
    if (!svg) return null;
    let line = lines.get(id);
    if (!line) {
      line = document.createElementNS(SVG_NS, 'line');
      line.dataset.callout = id;
      svg.appendChild(line);
      lines.set(id, line);
    }
    return line;
  };

  const dropLine = (id: string) => {
    lines.get(id)?.remove();
    lines.delete(id);
  };

  const place = () => {
    frame = null;
    if (!cy || cy.destroyed()) return;
    const view = viewport();
    for (const [id, element] of elements) {
      const callout = callouts.get(id);
      const corner = cornerOf(id);
      if (!callout || !corner) {
        element.style.visibility = 'hidden';
        dropLine(id);
        continue;
      }
      const at = toRendered(corner, view);
      const scale = calloutScale(view.zoom, element.dataset.editing === 'true');
      element.style.visibility = 'visible';
      element.style.transform = `translate(${at.x}px, ${at.y}px) scale(${scale})`;
      const node = callout.entityId === null ? null : entityAt(callout.entityId);
      if (!node) {
        dropLine(id);
        continue;
      }
      // offsetWidth/Height ignore the transform: the box on screen is that times the scale.
      const box = { x1: at.x, y1: at.y, x2: at.x + element.offsetWidth * scale, y2: at.y + element.offsetHeight * scale };
      const from = toRendered(node, view);
      const end = leaderEnd(box, from);
      const line = end ? lineFor(id) : null;
      if (!end || !line) {
        dropLine(id);
        continue;
      }
      line.setAttribute('x1', String(from.x));
      line.setAttribute('y1', String(from.y));
      line.setAttribute('x2', String(end.x));
      line.setAttribute('y2', String(end.y));
    }
    for (const id of lines.keys()) if (!elements.has(id)) dropLine(id);
  };

  const schedule = () => {
    if (frame === null) frame = requestAnimationFrame(place);
  };

  return {
    attach(core, leaders) {
      cy = core;
      svg = leaders;
      const onPosition = (event: EventObject) => {
        const id = (event.target as NodeSingular).id();
        // Only a node that a callout is tied to moves a callout.
        for (const callout of callouts.values()) {
          if (callout.entityId === id) {
            schedule();
            return;
          }
        }
      };
      // 'add remove' and 'style' (a filter hiding a node) show or hide tied callouts; 'resize' keeps the pan's origin.
      core.on('viewport resize add remove style', schedule);
      core.on('position', 'node', onPosition);
      schedule();
      return () => {
        core.off('viewport resize add remove style', schedule);
        core.off('position', 'node', onPosition);
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
        for (const id of [...lines.keys()]) dropLine(id);
        if (cy === core) {
          cy = null;
          svg = null;
        }
      };
    },
    register(id, element) {
      if (element) elements.set(id, element);
      else elements.delete(id);
      schedule();
    },
    setCallouts(list) {
      callouts = new Map(list.map((c) => [c.id, c]));
      // A dropped callout keeps its new place until the chart refetched after the drop holds it.
      for (const [id, over] of overrides) {
        const now = callouts.get(id);
        if (!now || (over.expected && samePlace(now, over.expected))) overrides.delete(id);
      }
      schedule();
    },
    override(id, corner, expected) {
      if (corner === null) overrides.delete(id);
      else overrides.set(id, expected ? { corner, expected } : { corner });
      schedule();
    },
    settle(id) {
      const over = overrides.get(id);
      const now = callouts.get(id);
      if (over?.expected && now && samePlace(now, over.expected)) {
        overrides.delete(id);
        schedule();
      }
    },
    cornerOf,
    entityAt,
    viewport,
    schedule,
    placeNow() {
      if (frame !== null) cancelAnimationFrame(frame);
      place();
    },
  };
}
