/**
 * The WebGL layer (gl/) drawing a large chart, beside Cytoscape (issue #14). Cytoscape draws every
 * element it shows in one task: two seconds a frame at 20,000 entities without a GPU.
 *
 * - While the view moves, Cytoscape's frames are skipped and the layer draws the chart, from what
 *   Cytoscape shows (each entity's place, size, colour, opacity and visibility, each link's colour),
 *   read when the motion starts. Once the view has rested, Cytoscape draws it.
 * - At rest, on a large chart zoomed out below the zoom where labels are read (LABEL_ZOOM, the
 *   caller's `rest`), the layer also draws the bulk of the chart: the entities and links drawn as
 *   plain discs and lines, under Cytoscape's canvases. Cytoscape draws on top only the elements
 *   with detail (the selection and its neighbours, labels, note badges, an analysis answer's
 *   highlight, entities being dragged): a selection or an edit redraws the layer's picture and the
 *   few detailed elements, not every element through Cytoscape's canvas. What the layer draws is
 *   read again after every change Cytoscape's renderer is told of (its `notify`), except the moves
 *   of entities being dragged (Cytoscape draws those on its drag canvas).
 *
 * The layer's canvases take no pointer events: clicks, drags and box selection reach Cytoscape as
 * before. An export (Cytoscape drawing to another canvas) is Cytoscape's alone, never the layer's.
 * Compound (group) nodes are Cytoscape's: a chart with any is drawn by Cytoscape at rest.
 */
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import { withAlpha } from './gl/buffers';
import { nodeArrays, type GlGraph, type GlScene } from './gl/glScene';
import { rgba } from './gl/buffers';
import { LINK_WIDTH, linkColour, type GlPreview } from './glPreview';
import { FADED_OPACITY, NODE_BORDER_WIDTH, UI_CLASS, type ChartPalette } from './stylesheet';

/** Cytoscape's canvas renderer, as far as this module touches it (its render is the one Cytoscape's own WebGL mode replaces the same way). */
interface CanvasRenderer {
  render(options?: { forcedContext?: unknown }): void;
  redrawHint(group: 'eles' | 'drag' | 'select', value: boolean): void;
  redraw(options?: unknown): void;
  notify(eventName: string, eles?: { forEach(f: (ele: SingularElementArgument) => void): void }): void;
  /** Draws the node canvas's elements (the ones not being dragged), from its layered texture cache. */
  drawLayeredElements(context: CanvasRenderingContext2D, eles: SingularElementArgument[], pxRatio: number, extent: unknown): void;
  drawCachedElements(context: CanvasRenderingContext2D, eles: SingularElementArgument[], pxRatio: number, extent: unknown): void;
  getCachedZSortedEles(): SingularElementArgument[] & { nondrag: SingularElementArgument[]; drag: SingularElementArgument[] };
  data: { contexts: CanvasRenderingContext2D[] };
  NODE: number;
  DRAG: number;
}

/** The event the chart emits after a frame drawn by the layer (Cytoscape's own is 'render'). */
export const GL_FRAME_EVENT = 'glframe';

export interface GlMotionOptions {
  /** Whether the layer draws the chart's motion now (a large chart, ready). */
  enabled: () => boolean;
  /** Whether the layer draws the chart's bulk at rest now (a large chart zoomed out; see the module's comment). */
  rest?: () => boolean;
  /**
   * Whether what is away from the selection is faded (styleSync.ts): the layer fades the
   * elements it draws that carry no faded class (on a chart drawn in bulk they carry none).
   */
  fade?: () => boolean;
  /** Called (soon after, not while drawing) when the layer starts or stops drawing the bulk. */
  onBulkChange?: () => void;
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
  /** The layer is drawing the chart's motion (the view is moving or Cytoscape has not redrawn it yet). */
  readonly active: boolean;
  /** The layer draws the chart's bulk under Cytoscape's detail. */
  readonly drawsBulk: boolean;
  /** Whether the layer would draw the bulk at the view now (the caller's `rest`, no compound nodes, WebGL usable). */
  bulkWanted(): boolean;
  dispose(): void;
}

/** Cytoscape's parsed style of an element (its typings do not declare pstyle). */
interface Styled {
  pstyle(name: string): { value: unknown; pfValue?: number };
}

function colourOf(value: unknown, opacity: number): number {
  const [r = 0, g = 0, b = 0] = Array.isArray(value) ? (value as number[]) : [127, 140, 141];
  return withAlpha((((r & 255) << 24) | ((g & 255) << 16) | ((b & 255) << 8)) >>> 0, opacity);
}

/**
 * Classes whose whole effect the layer draws (an opacity, a link's colour) or that cannot be seen
 * below the label zoom (a dashed border or line less than a pixel wide); an element with any other
 * class is drawn by Cytoscape on top.
 */
const BULK_CLASSES = new Set<string>([UI_CLASS.faded, UI_CLASS.dim, UI_CLASS.hidden, UI_CLASS.collapsed, 'unsourced', 'directed']);

function plainClasses(ele: SingularElementArgument): boolean {
  for (const name of ele.classes()) if (!BULK_CLASSES.has(name) && !name.startsWith('tone-')) return false;
  return true;
}

/** Whether Cytoscape draws the element itself over the layer: it has something the layer does not draw. */
export function hasDetail(ele: SingularElementArgument): boolean {
  if (ele.selected() || !plainClasses(ele)) return true;
  if (ele.isNode()) return ele.grabbed() || ele.active() || ele.isParent() || Number(ele.data('notes') ?? 0) > 0;
  return false;
}

/**
 * The share of a line's length a dash pattern inks: the layer draws a dashed or dotted link as a
 * solid line that much fainter (the same ink; dashes a pixel long are not drawn apart anyway).
 */
function inkOfLine(style: Styled): number {
  const lineStyle = style.pstyle('line-style').value;
  if (lineStyle === 'dotted') return 0.5;
  if (lineStyle !== 'dashed') return 1;
  const pattern = style.pstyle('line-dash-pattern').value;
  const [on, off] = Array.isArray(pattern) ? (pattern as number[]).map(Number) : [6, 3];
  return on! > 0 && off! >= 0 ? on! / (on! + off!) : 1;
}

/** The chart as Cytoscape shows it, for the layer, and the elements with detail (hasDetail). */
export interface LayerRead {
  /** Every element shown, in its colours (what the layer draws while the view moves). */
  graph: GlGraph;
  /** The colours at rest: the elements with detail transparent (Cytoscape draws them, once). */
  restColor: Uint32Array;
  restEdgeColors: Uint32Array;
  detailed: SingularElementArgument[];
}

/**
 * The layer's graph of these elements as Cytoscape shows them: hidden entities and links left out;
 * each link in its own colour, as opaque as Cytoscape's line at this zoom covers one pixel.
 */
export function readElements(eles: readonly SingularElementArgument[], palette: ChartPalette, zoom: number, fade = false): LayerRead {
  /** Faded by the layer: away from the selection (no detail) and not faded by Cytoscape's class already. */
  const fadedHere = (ele: SingularElementArgument, detailed: boolean) => fade && !detailed && !ele.hasClass(UI_CLASS.faded);
  const nodes: NodeSingular[] = [];
  const edges: EdgeSingular[] = [];
  const detailed: SingularElementArgument[] = [];
  const detail = new Set<SingularElementArgument>();
  for (const ele of eles) {
    if (!ele.visible()) continue;
    if (ele.isNode()) nodes.push(ele);
    else edges.push(ele);
    if (hasDetail(ele)) {
      detailed.push(ele);
      detail.add(ele);
    }
  }
  const { x, y, radius, color, labels, labelPriority: priority, index } = nodeArrays(nodes.length);
  const restColor = new Uint32Array(nodes.length);
  nodes.forEach((node, i) => {
    const p = node.position();
    x[i] = p.x;
    y[i] = p.y;
    radius[i] = node.outerWidth() / 2;
    const style = node as unknown as Styled;
    const detailed = detail.has(node);
    const opacity = Number(style.pstyle('opacity').value ?? 1) * (fadedHere(node, detailed) ? FADED_OPACITY.node : 1);
    color[i] = colourOf(style.pstyle('background-color').value, opacity);
    restColor[i] = detailed ? 0 : color[i];
    labels[i] = String(node.data('label') ?? '');
    priority[i] = Number(node.data('degree') ?? 0);
    index.set(node.id(), i);
  });
  const ends = new Uint32Array(edges.length * 2);
  const edgeColors = new Uint32Array(edges.length);
  const restEdgeColors = new Uint32Array(edges.length);
  let k = 0;
  for (const edge of edges) {
    const a = index.get(edge.source().id());
    const b = index.get(edge.target().id());
    if (a === undefined || b === undefined) continue;
    const style = edge as unknown as Styled;
    const width = Number(style.pstyle('width').pfValue ?? 1);
    const detailed = detail.has(edge);
    const faded = fadedHere(edge, detailed) ? FADED_OPACITY.edge : 1;
    const opacity = Number(style.pstyle('opacity').value ?? 1) * Number(style.pstyle('line-opacity').value ?? 1) * inkOfLine(style) * faded;
    edgeColors[k] = colourOf(style.pstyle('line-color').value, Math.min(1, Math.max(0.15, width * zoom)) * opacity);
    restEdgeColors[k] = detailed ? 0 : edgeColors[k]!;
    ends[2 * k] = a;
    ends[2 * k + 1] = b;
    k += 1;
  }
  const all = k === edges.length;
  const graph: GlGraph = {
    x,
    y,
    radius,
    color,
    edges: all ? ends : ends.slice(0, 2 * k),
    edgeColor: linkColour(palette, zoom),
    edgeColors: all ? edgeColors : edgeColors.slice(0, k),
    labels,
    labelPriority: priority,
  };
  return { graph, restColor, restEdgeColors: all ? restEdgeColors : restEdgeColors.slice(0, k), detailed };
}

/** The chart as Cytoscape shows it now, for the layer: hidden entities and links left out. */
export function graphFromCytoscape(cy: Core, palette: ChartPalette, fade = false): GlGraph {
  return readElements(cy.elements().toArray(), palette, cy.zoom(), fade).graph;
}

/**
 * Whether at least `atLeast` entities are in view: where Cytoscape's frame costs most, and where
 * the layer draws the bulk at any zoom (its discs and lines then a pixel or two, as Cytoscape's).
 */
export function manyInView(cy: Core, atLeast: number): boolean {
  const box = cy.extent();
  let count = 0;
  for (const node of cy.nodes().toArray()) {
    const p = node.position();
    if (p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2 && ++count >= atLeast) return true;
  }
  return false;
}

/** A zoom this many times the one the links' opacity was read at (or its inverse) reads them again. */
const REREAD_ZOOM_FACTOR = 1.25;

export function bindGlMotion(cy: Core, layer: GlPreview, options: GlMotionOptions): GlMotion {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cytoscapeRender = renderer.render.bind(renderer);
  const cytoscapeNotify = renderer.notify.bind(renderer);
  const cytoscapeDrawLayered = renderer.drawLayeredElements.bind(renderer);
  const rest = options.rest ?? (() => false);
  const fade = options.fade ?? (() => false);
  /** Compound (group) nodes are Cytoscape's to draw: its flag first (set once a chart has had any), the nodes only then. */
  const noCompounds = () => !(cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes() || cy.nodes(':parent').empty();
  const bulkWanted = () => rest() && layer.usable && noCompounds();
  const settleMs = options.settleMs ?? 150;
  let moving = false;
  /** The layer shows the motion until Cytoscape has drawn the view it rested at. */
  let shown = false;
  /** The scene drawing this motion (null: read the chart at the next moving frame). */
  let scene: GlScene | null = null;
  let settle: ReturnType<typeof setTimeout> | null = null;

  /** The layer draws the bulk under Cytoscape's canvases. */
  let bulk = false;
  /** The element list the layer's graph was read from, and the elements with detail in it. */
  let readFrom: SingularElementArgument[] | null = null;
  let read: LayerRead | null = null;
  /** The layer shows the rest colours (the detail left to Cytoscape), not every element's. */
  let restColours = false;
  let readZoom = 1;
  let readPalette: ChartPalette | null = null;
  let readFade = false;
  /** Cytoscape's renderer was told of a change since the layer's graph was read. */
  let changed = true;
  /** The view the layer last drew the bulk at ('' : none). */
  let drawnView = '';

  const view = () => ({ zoom: cy.zoom(), panX: cy.pan().x, panY: cy.pan().y });
  /** Links and node borders as wide as Cytoscape draws them at this zoom (at least a pixel for links), borders in the canvas's colour. */
  let strokeKey = '';
  let strokeScene: GlScene | null = null;
  const applyStroke = (scene: GlScene) => {
    const zoom = cy.zoom();
    const palette = options.palette();
    const key = `${zoom} ${palette.nodeBorder}`;
    if (key === strokeKey && scene === strokeScene) return;
    scene.setStroke(Math.max(1, LINK_WIDTH * zoom), NODE_BORDER_WIDTH * zoom, rgba(palette.nodeBorder));
    strokeKey = key;
    strokeScene = scene;
  };
  const viewKey = () => `${cy.zoom()} ${cy.pan().x} ${cy.pan().y} ${cy.width()} ${cy.height()}`;

  let bulkNoticed = false;
  const noticeBulk = () => {
    if (bulk === bulkNoticed) return;
    bulkNoticed = bulk;
    if (options.onBulkChange) setTimeout(options.onBulkChange, 0);
  };

  const dropBulk = () => {
    if (!bulk) return;
    bulk = false;
    noticeBulk();
    readFrom = null;
    drawnView = '';
    if (!moving && !shown) layer.hide();
  };

  /** Reads the graph from `eles` and draws it in the layer (under Cytoscape's canvases), in its colours at rest or in motion; false without WebGL. */
  const readInto = (eles: SingularElementArgument[], atRest: boolean): boolean => {
    const palette = options.palette();
    if (readPalette !== null && readPalette !== palette) layer.hide(); // a new theme: a new background
    readFade = fade();
    const next = readElements(eles, palette, cy.zoom(), readFade);
    const drawn = atRest ? { ...next.graph, color: next.restColor, edgeColors: next.restEdgeColors } : next.graph;
    if (!layer.draw(drawn, view(), 'under', applyStroke)) return false;
    read = next;
    restColours = atRest;
    readFrom = eles;
    readZoom = cy.zoom();
    readPalette = palette;
    changed = false;
    drawnView = viewKey();
    return true;
  };

  /** The graph was read from every element (a motion's first frame) and none is being dragged: the same elements. */
  const readFromAll = (eles: SingularElementArgument[]) => {
    const all = renderer.getCachedZSortedEles();
    return readFrom === all && all.drag.length === 0 && eles === all.nondrag;
  };

  const stale = (eles: SingularElementArgument[]) => {
    const zoomRatio = cy.zoom() / readZoom;
    return (
      changed ||
      layer.scene === null ||
      (readFrom !== eles && !readFromAll(eles)) ||
      readPalette !== options.palette() ||
      readFade !== fade() ||
      zoomRatio > REREAD_ZOOM_FACTOR ||
      zoomRatio < 1 / REREAD_ZOOM_FACTOR
    );
  };

  /** At rest the elements with detail are left to Cytoscape; while the view moves the layer draws them too. */
  const showColours = (atRest: boolean) => {
    if (read === null || layer.scene === null || restColours === atRest) return;
    if (atRest) layer.scene.setColors(read.restColor, read.restEdgeColors);
    else layer.scene.setColors(read.graph.color, read.graph.edgeColors);
    restColours = atRest;
  };

  const clearCytoscapeCanvases = () => {
    for (const i of [renderer.NODE, renderer.DRAG]) {
      const context = renderer.data.contexts[i];
      if (!context) continue;
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, context.canvas.width, context.canvas.height);
      context.restore();
    }
  };

  renderer.drawLayeredElements = (context, eles, pxRatio, extent) => {
    if (context !== renderer.data.contexts[renderer.NODE]) {
      // Another canvas (an export): Cytoscape draws every element there, and the screen keeps its layer.
      cytoscapeDrawLayered(context, eles, pxRatio, extent);
      return;
    }
    const wanted = !moving && bulkWanted();
    if (!wanted) {
      dropBulk();
      cytoscapeDrawLayered(context, eles, pxRatio, extent);
      return;
    }
    if (stale(eles)) {
      if (!readInto(eles, true)) {
        dropBulk();
        cytoscapeDrawLayered(context, eles, pxRatio, extent);
        return;
      }
    }
    if (!restColours || drawnView !== viewKey()) {
      showColours(true);
      applyStroke(layer.scene!);
      layer.scene!.resize();
      layer.scene!.setViewport(view());
      layer.scene!.draw();
      drawnView = viewKey();
    }
    bulk = true;
    noticeBulk();
    layer.showLabels(false);
    // Cytoscape draws only the detail, over the layer's picture of everything else.
    renderer.drawCachedElements(context, read!.detailed, pxRatio, extent);
  };

  renderer.notify = (eventName, eles) => {
    if (changesElements(eventName, eles) && !onlyDragged(eventName, eles)) changed = true;
    cytoscapeNotify(eventName, eles);
  };

  renderer.render = (renderOptions) => {
    if (!moving || renderOptions?.forcedContext) {
      cytoscapeRender(renderOptions);
      return;
    }
    if (scene === null || layer.scene !== scene) {
      // The first frame of a motion: the layer's bulk as it stands if it is current, else the
      // chart as Cytoscape shows it, read now.
      const all = renderer.getCachedZSortedEles();
      const current = bulk && !changed && layer.scene !== null && (readFrom === all.nondrag ? all.drag.length === 0 : false);
      if (current || (bulkWanted() && readInto(all, false))) {
        scene = layer.scene;
        showColours(false);
        applyStroke(scene!);
        clearCytoscapeCanvases();
        layer.showLabels(true);
        scene!.setViewport(view());
        scene!.draw('moving');
        bulk = true;
        noticeBulk();
      } else {
        bulk = false;
        noticeBulk();
        scene = layer.draw(graphFromCytoscape(cy, options.palette(), fade()), view()) ? layer.scene : null;
      }
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
    drawnView = '';
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
    // Drawn at rest by Cytoscape alone: the motion's layer goes.
    if (!bulk) layer.hide();
  };
  cy.on('viewport', onViewport);
  cy.on('render', onRender);

  return {
    get active() {
      return shown || moving;
    },
    get drawsBulk() {
      return bulk;
    },
    bulkWanted,
    dispose() {
      if (settle !== null) clearTimeout(settle);
      cy.removeListener('viewport', onViewport);
      cy.removeListener('render', onRender);
      renderer.render = cytoscapeRender;
      renderer.notify = cytoscapeNotify;
      renderer.drawLayeredElements = cytoscapeDrawLayered;
      layer.hide();
    },
  };
}

/** Whether a notification may change how elements look ('draw' without elements is a step of a view animation). */
function changesElements(eventName: string, eles?: unknown): boolean {
  if (eventName === 'viewport' || eventName === 'gc' || eventName === 'resize') return false;
  return eventName !== 'draw' || eles !== undefined;
}

/**
 * A change that moves only entities being dragged (and their links): Cytoscape draws those on its
 * drag canvas, and the layer's picture (which has left them out since the drag began) stays.
 */
function onlyDragged(eventName: string, eles?: { forEach(f: (ele: SingularElementArgument) => void): void }): boolean {
  if ((eventName !== 'position' && eventName !== 'bounds') || eles === undefined) return false;
  let any = false;
  let all = true;
  eles.forEach((ele) => {
    any = true;
    if (!all) return;
    if (ele.isNode()) all = ele.grabbed();
    else all = ele.source().grabbed() || ele.target().grabbed();
  });
  return any && all;
}
