/**
 * Pan and zoom on a large chart drawn by the WebGL layer (gl/) while the view moves (issue #14).
 * Cytoscape redraws every element on each change of the view: two seconds a frame at 20,000
 * entities without a GPU. While the view moves, its frames are skipped and the WebGL layer draws
 * the chart instead, over Cytoscape's canvases, from what Cytoscape shows (each entity's place,
 * size, colour, opacity and visibility, read when the motion starts); once the view has rested,
 * Cytoscape draws the chart once at the new view and the layer goes.
 *
 * Only the view moves meanwhile: the layer's canvases take no pointer events, and a drag, a click
 * or a selection reaches Cytoscape as before. An export (Cytoscape drawing to another canvas) is
 * never skipped.
 */
import type { Core } from 'cytoscape';
import { withAlpha } from './gl/buffers';
import type { GlGraph, GlScene } from './gl/glScene';
import { linkColour, type GlPreview } from './glPreview';
import type { ChartPalette } from './stylesheet';

/** Cytoscape's canvas renderer, as far as this module touches it (its render is the one Cytoscape's own WebGL mode replaces the same way). */
interface CanvasRenderer {
  render(options?: { forcedContext?: unknown }): void;
  redrawHint(group: 'eles' | 'drag' | 'select', value: boolean): void;
  redraw(options?: unknown): void;
}

/** The event the chart emits after a frame drawn by the layer (Cytoscape's own is 'render'). */
export const GL_FRAME_EVENT = 'glframe';

export interface GlMotionOptions {
  /** Whether the chart is drawn this way now (a large chart). */
  enabled: () => boolean;
  palette: () => ChartPalette;
  /** How long the view must rest before Cytoscape draws it (ms). */
  settleMs?: number;
  /**
   * Called when the view has rested, before Cytoscape draws it: what changes with the view (the
   * labels in view) changes now, so Cytoscape draws the view at rest once, not twice.
   */
  beforeRest?: () => void;
}

export interface GlMotion {
  /** The layer is drawing the chart (the view is moving or Cytoscape has not redrawn it yet). */
  readonly active: boolean;
  dispose(): void;
}

/** Cytoscape's parsed style of an element (its typings do not declare pstyle). */
interface StyledNode {
  pstyle(name: string): { value: unknown };
}

function colourOf(value: unknown, opacity: number): number {
  const [r = 0, g = 0, b = 0] = Array.isArray(value) ? (value as number[]) : [127, 140, 141];
  return withAlpha((((r & 255) << 24) | ((g & 255) << 16) | ((b & 255) << 8)) >>> 0, opacity);
}

/** The chart as Cytoscape shows it now, for the layer: hidden entities and links left out. */
export function graphFromCytoscape(cy: Core, palette: ChartPalette): GlGraph {
  const nodes = cy.nodes().filter((node) => node.visible());
  const n = nodes.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const radius = new Float32Array(n);
  const color = new Uint32Array(n);
  const labels: string[] = new Array<string>(n);
  const priority = new Float32Array(n);
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    const p = node.position();
    x[i] = p.x;
    y[i] = p.y;
    radius[i] = node.outerWidth() / 2;
    const style = node as unknown as StyledNode;
    color[i] = colourOf(style.pstyle('background-color').value, Number(style.pstyle('opacity').value ?? 1));
    labels[i] = String(node.data('label') ?? '');
    priority[i] = Number(node.data('degree') ?? 0);
    index.set(node.id(), i);
  });
  const ends: number[] = [];
  cy.edges().forEach((edge) => {
    const a = index.get(edge.source().id());
    const b = index.get(edge.target().id());
    if (a === undefined || b === undefined || !edge.visible()) return;
    ends.push(a, b);
  });
  return { x, y, radius, color, edges: Uint32Array.from(ends), edgeColor: linkColour(palette, cy.zoom()), labels, labelPriority: priority };
}

export function bindGlMotion(cy: Core, layer: GlPreview, options: GlMotionOptions): GlMotion {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cytoscapeRender = renderer.render.bind(renderer);
  const settleMs = options.settleMs ?? 150;
  let moving = false;
  /** The layer shows the chart until Cytoscape has drawn the view it rested at. */
  let shown = false;
  let scene: GlScene | null = null;
  let settle: ReturnType<typeof setTimeout> | null = null;

  const view = () => ({ zoom: cy.zoom(), panX: cy.pan().x, panY: cy.pan().y });

  renderer.render = (renderOptions) => {
    if (!moving || renderOptions?.forcedContext) {
      cytoscapeRender(renderOptions);
      return;
    }
    if (scene === null || layer.scene !== scene) {
      // The first frame of a motion: the chart as Cytoscape shows it, drawn whole.
      scene = layer.draw(graphFromCytoscape(cy, options.palette()), view()) ? layer.scene : null;
      if (scene === null) {
        // No WebGL: Cytoscape draws the motion itself.
        moving = false;
        cytoscapeRender(renderOptions);
        return;
      }
    } else {
      scene.setViewport(view());
      scene.draw('moving');
    }
    shown = true;
    // The rest is counted from the frame drawn: a slow first frame does not end the motion.
    armSettle();
    cy.emit(GL_FRAME_EVENT);
  };

  const onViewport = () => {
    if (!options.enabled()) return;
    // Each motion starts from the chart as Cytoscape shows it then (read once, not kept current
    // by listening to every element's events, which Cytoscape would then emit one by one).
    if (!moving) scene = null;
    moving = true;
    armSettle();
  };
  const armSettle = () => {
    if (settle !== null) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      moving = false;
      options.beforeRest?.();
      // Cytoscape draws the view it rests at; the layer goes once that frame is drawn.
      renderer.redrawHint('eles', true);
      renderer.redrawHint('drag', true);
      renderer.redraw();
    }, settleMs);
  };
  const onRender = () => {
    if (moving || !shown) return;
    shown = false;
    scene = null;
    layer.hide();
  };
  cy.on('viewport', onViewport);
  cy.on('render', onRender);

  return {
    get active() {
      return shown || moving;
    },
    dispose() {
      if (settle !== null) clearTimeout(settle);
      cy.removeListener('viewport', onViewport);
      cy.removeListener('render', onRender);
      renderer.render = cytoscapeRender;
      layer.hide();
    },
  };
}
