import cytoscape, { type Core, type ElementDefinition, type SingularElementArgument } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { WorkbenchApi } from '../../app/bridge';
import type { ChartData, ChartSketch } from '../../app/contract';
import type { NodePosition } from '../../app/domain';
import { MARK_CHART_READY, MARK_FIRST_FRAME, MARK_GL_PREVIEW, MARK_LAYOUT_SHOWN, MARK_LAYOUT_START, MARK_LAYOUT_STOP, setChartReadyFlag } from '../session';
import { glPreview, previewGraph, sketchGraph } from './glPreview';
import { bindGlMotion, manyInView } from './glMotion';
import type { UiStore } from '../store';
import type { ChartDelta } from '../data/caseData';
import { chartElements, diffElements, elementChange, hasAllPositions, isDataClass, updateDrawnElement, type ChartElement, type ElementSnapshot } from './elements';
import { createFirstLayoutRunner, elementsLayoutInput, firstLayoutRequest, provisionalPlacement, type FirstLayoutJob, type FirstLayoutRunner, type LaidOut } from './firstLayout';
import { JobCancelledError } from '../analysis/workerClient';
import { firstLayoutBudgetMs, type Point } from '../../app/layout/firstLayout';
import type { Viewport } from './gl/camera';
import type { GlGraph } from './gl/glScene';
import { FCOSE_FIRST_LAYOUT_MAX } from './firstLayoutTasks';
import { FIT_PADDING, animateNodesTo, computeLayout, placeBesideNeighbours, placeNodes, placeNodesInSteps, saveLayoutStep } from './layout';
import { allPositions, bindPositionCommit } from './positionCommit';
import { bindSelectionSync } from './selectionSync';
import { bindStyleSync } from './styleSync';
import { bindLabelDetail, fitPoints, LABEL_ZOOM, widen } from './levelOfDetail';
import { buildChartStylesheet, chartImageUrls, chartPalette, LARGE_CHART_NODES, NODE_SIZE_MAX } from './stylesheet';
import { bindViewportCommit } from './viewportCommit';

cytoscape.use(fcose);

/** Nodes a delta adds without positions up to this many are placed beside their neighbours; more, and the chart is laid out. */
const PLACE_BESIDE_MAX = 20;
/** On a large chart drawn by Cytoscape alone, the fade covers the view and half a view around it (the rest is faded when the view rests there). */
const FADE_VIEW_MARGIN = 0.5;

/** What commands can ask of the chart. */
export interface ChartHandle {
  fit: () => void;
  zoomBy: (factor: number) => void;
  /** Runs the layout again (animated) and saves the new positions once it stops, as one undoable step. */
  relayout: () => Promise<void>;
  /** Centres an element without changing the zoom. */
  focus: (id: string) => void;
  /** The Cytoscape instance, read by image export (renderer/export/readChart.ts); not for driving the chart. */
  readonly cy?: Core;
}

/**
 * A controller bound to the chart's Cytoscape instance by a feature outside the chart folder
 * (e.g. the analysis overlay); returns its unbinding. Bound after the chart's own controllers.
 */
export type ChartExtension = (cy: Core) => () => void;

export interface MountedChart {
  handle: ChartHandle;
  destroy: () => void;
}

/**
 * Creates the Cytoscape instance for a container, once, and drives it from the store through small
 * controllers. React never passes elements or positions: the chart data in the store is diffed
 * into Cytoscape by id, so reloading a case keeps what did not change.
 */
/** The theme the app shows now (renderer/theme.ts keeps it on the root element). */
function shownTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/**
 * Removes elements by id in one call. Cytoscape's remove looks through every element left on the
 * chart for a compound parent after each call, so removing thousands one by one is quadratic:
 * undoing an expansion of 5,100 entities took seconds to minutes.
 */
function removeAll(cy: Core, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const eles = cy.collection();
  for (const id of ids) {
    const ele = cy.getElementById(id);
    if (ele.nonempty()) eles.merge(ele);
  }
  eles.remove();
}

export function mountChart(
  container: HTMLElement,
  store: UiStore,
  api: WorkbenchApi,
  extensions: readonly ChartExtension[] = [],
  /** The first-layout worker, started with the window (main.tsx); without one the chart starts its own. */
  sharedFirstLayout: FirstLayoutRunner | null = null,
): MountedChart {
  const cy = cytoscape({
    container,
    style: buildChartStylesheet({ theme: shownTheme() }),
    minZoom: 0.08,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'single',
    motionBlur: false,
    textureOnViewport: false,
    pixelRatio: 'auto',
  });
  window.__workbenchChart = Object.freeze({ cy });

  const reportError = (message: string) => store.setState({ error: message });
  const savePositions = async (chartId: string, positions: NodePosition[]) => {
    const result = await api['chart.savePositions']({ chartId, positions });
    if (!result.ok) reportError(`The chart layout was not saved: ${result.error.message}`);
  };
  const currentChartId = () => store.getState().chart?.chartId ?? null;
  const firstLayout = sharedFirstLayout ?? createFirstLayoutRunner();

  const unbindSelection = bindSelectionSync(cy, store);
  const unbindPositions = bindPositionCommit(cy, (positions) => {
    const chartId = currentChartId();
    if (chartId === null) return;
    // A drag is an edit: one undoable step (chart.moveNodes), announced by case.edited.
    const entityIds = new Set(store.getState().chart?.entities.map((e) => e.id));
    const moved = positions.filter((p) => entityIds.has(p.entityId));
    if (moved.length === 0) return;
    void api['chart.moveNodes']({ chartId, positions: moved }).then((result) => {
      if (!result.ok) reportError(`The move was not saved: ${result.error.message}`);
    });
  });
  const viewport = bindViewportCommit(cy, (chartId, value) => {
    void api['chart.saveViewport']({ chartId, viewport: value }).then((result) => {
      if (!result.ok && result.error.code !== 'no_case') reportError(`The chart view was not saved: ${result.error.message}`);
    });
  });

  /** Whether the large chart's level of detail is in force (see stylesheet.ts). */
  let large = false;
  /** The theme the stylesheet was built for. */
  let theme = shownTheme();
  // While the first layout runs the nodes are at a provisional place: labelled once it is done.
  const labelDetail = bindLabelDetail(cy, () => large && !store.getState().layoutRunning);
  /** Switches the level of detail when the chart crosses LARGE_CHART_NODES (a restyle of every element: rare). */
  const setLevelOfDetail = (entities: number) => {
    const wanted = entities >= LARGE_CHART_NODES;
    if (wanted === large) return;
    large = wanted;
    cy.style(buildChartStylesheet({ large, theme }));
    labelDetail.refresh();
  };
  /**
   * Fits the chart to the window. A large chart is fitted from its node positions (the largest
   * node's size around them): Cytoscape's fit measures every element with its label first, seconds
   * on a large chart's first frame; a small chart keeps that fit, labels included.
   */
  const fitChart = (opening = false) => {
    if (!large) {
      cy.fit(undefined, FIT_PADDING);
      return;
    }
    // On opening every node counts: asking which are visible would compute every element's style
    // before the first frame needs it (filters hide few, and are applied after the chart is drawn).
    const fitted = fitPoints(
      (opening ? cy.nodes() : cy.nodes(':visible')).map((node) => node.position()),
      { width: cy.width(), height: cy.height(), padding: FIT_PADDING, radius: NODE_SIZE_MAX / 2, minZoom: cy.minZoom(), maxZoom: cy.maxZoom() },
    );
    if (fitted) cy.viewport(fitted);
  };
  // The chart follows the app's theme (theme.ts sets data-theme on the root): a restyle, only when it changes.
  const themeWatch = new MutationObserver(() => {
    const next = shownTheme();
    if (next === theme || cy.destroyed()) return;
    theme = next;
    cy.style(buildChartStylesheet({ large, theme }));
  });
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  /** Identifies what is drawn: another case file means starting from an empty chart. */
  let shownKey: string | null = null;
  /** Bumped by each show; a layout finishing for an older one does not mark the chart ready. */
  let showing = 0;
  /** The show whose first layout ran last: only it clears layoutRunning. */
  let firstLayoutToken = 0;
  /** A first layout started for a show and not yet applied: a newer show cancels it. */
  let pendingLayout: FirstLayoutJob | null = null;

  const drawnSnapshot = (ele: SingularElementArgument): ElementSnapshot => ({
    group: ele.isNode() ? 'nodes' : 'edges',
    data: ele.data() as Record<string, unknown>,
    // Classes from UI state (emphasis, analysis) are their controllers', not the data's: left out.
    classes: ele
      .classes()
      .filter((c) => isDataClass(c))
      .join(' '),
  });
  const snapshot = (): Map<string, ElementSnapshot> => {
    const map = new Map<string, ElementSnapshot>();
    cy.elements().forEach((ele) => {
      map.set(ele.id(), drawnSnapshot(ele));
    });
    return map;
  };

  const toDefinition = (element: ChartElement, positions: ReadonlyMap<string, Point>): ElementDefinition => {
    const definition: ElementDefinition = { group: element.group, data: { ...element.data }, classes: element.classes };
    const position = element.group === 'nodes' ? positions.get(element.data.id) : undefined;
    if (position) definition.position = { x: position.x, y: position.y };
    return definition;
  };

  const markReady = (token: number, firstFrameMarked = false) => {
    if (token !== showing || cy.destroyed()) return;
    // The preview goes; the layer drawing a large chart's bulk under Cytoscape's detail stays (glMotion.ts).
    if (preview.place === 'over') preview.hide();
    setChartReadyFlag(true);
    if (!firstFrameMarked) performance.mark(MARK_FIRST_FRAME);
    performance.mark(MARK_CHART_READY);
    store.setState({ chartStatus: 'ready' });
  };

  /**
   * A large chart's first frame, drawn while Cytoscape builds (glPreview.ts): by WebGL, or on a 2D
   * canvas where WebGL is software-rendered (flatPreview.ts). ?chartPreview=off (the bench's
   * comparison), =webgl or =canvas (one drawer, whatever the machine).
   */
  const preview = glPreview(container);
  const previewParam = new URLSearchParams(window.location.search).get('chartPreview');
  const previewWanted = previewParam !== 'off';
  const previewDrawer = previewParam === 'webgl' || previewParam === 'canvas' ? previewParam : 'auto';
  /** A large chart's pans and zooms drawn by WebGL while the view moves (glMotion.ts); off with ?chartMotion=off. */
  const motionWanted = new URLSearchParams(window.location.search).get('chartMotion') !== 'off';
  /** A large zoomed-out chart's bulk drawn by WebGL under Cytoscape's detail (glMotion.ts); off with ?chartBulk=off. */
  const bulkWanted = new URLSearchParams(window.location.search).get('chartBulk') !== 'off';
  const motion = bindGlMotion(cy, preview, {
    enabled: () => motionWanted && large && store.getState().chartStatus === 'ready' && !cy.destroyed(),
    // Zoomed out below the labels, or with many entities in view however far zoomed in (a dense chart).
    rest: () => bulkWanted && large && !cy.destroyed() && (cy.zoom() < LABEL_ZOOM || manyInView(cy, LARGE_CHART_NODES)),
    palette: () => chartPalette(theme),
    fade: () => style.fading,
    // The view rested: its labels, and the fade of what is away from the selection where Cytoscape draws it.
    beforeRest: () => {
      labelDetail.refresh();
      style.refresh();
    },
    onBulkChange: () => {
      if (!cy.destroyed()) style.refresh();
    },
  });
  /**
   * The selection's emphasis (styleSync.ts). On a large chart the fade of what is away from it is
   * the layer's where the layer draws the bulk, else a class on the elements around the view.
   */
  const style = bindStyleSync(cy, store, () => {
    if (!large) return { kind: 'all' };
    if (motion.bulkWanted()) return { kind: 'layer' };
    return { kind: 'view', box: widen(cy.extent(), FADE_VIEW_MARGIN) };
  });
  /** The view Cytoscape will open a large chart at: its saved one, or fitted as fitChart fits it. */
  const openingView = (saved: ChartData['viewport'], points: Iterable<Point>): Viewport | null => {
    if (saved) return saved;
    const size = { width: container.clientWidth, height: container.clientHeight };
    const fitted = fitPoints(points, { ...size, padding: FIT_PADDING, radius: NODE_SIZE_MAX / 2, minZoom: cy.minZoom(), maxZoom: cy.maxZoom() });
    return fitted && { zoom: fitted.zoom, panX: fitted.pan.x, panY: fitted.pan.y };
  };
  /**
   * Draws a large chart's preview at `view` (glPreview.ts `picture`), the graph made for its zoom,
   * and marks it: the first frame, or the laid-out chart shown (`laidOut`). False when nothing drew it.
   */
  const drawPicture = (view: Viewport | null, graphAt: (zoom: number) => GlGraph | null, kind: 'first' | 'laid-out', from?: 'sketch'): boolean => {
    const graph = view && graphAt(view.zoom);
    const drawer = view && graph ? preview.picture(graph, view, previewDrawer) : null;
    if (!graph || drawer === null) return false;
    const detail = { nodes: graph.x.length, links: graph.edges.length / 2, drawer, ...(from ? { from } : {}) };
    if (kind === 'laid-out') {
      performance.mark(MARK_LAYOUT_SHOWN, { detail });
    } else {
      performance.mark(MARK_GL_PREVIEW, { detail });
      performance.mark(MARK_FIRST_FRAME);
    }
    return true;
  };
  /**
   * Draws the preview of a chart about to be built from nothing (`laidOut`: again, at the places
   * its first layout gave, fitted to them). False when there is none (a small chart, or neither
   * WebGL nor a 2D canvas could draw it): Cytoscape's own frame is then the first.
   */
  const drawPreview = (data: ChartData, elements: readonly ChartElement[], positions: ReadonlyMap<string, Point>, laidOut = false): boolean => {
    if (!previewWanted || data.entities.length < LARGE_CHART_NODES) return false;
    const view = openingView(laidOut ? null : data.viewport, positions.values());
    return drawPicture(view, (zoom) => previewGraph(elements, positions, chartPalette(theme), zoom), laidOut ? 'laid-out' : 'first');
  };

  /** The chart whose sketch the preview shows (chart.sketch, drawn before its data came), or null. */
  let sketched: string | null = null;
  /**
   * Draws a large chart's preview from its sketch while its data is still read: the same picture
   * drawPreview draws from the data (sketchGraph), at the same view. show() then keeps it rather
   * than drawing it again.
   */
  const drawSketch = (sketch: ChartSketch) => {
    if (!previewWanted || sketch.x.length < LARGE_CHART_NODES || shownData !== null || !cy.elements().empty()) return;
    const points = sketch.x.map((x, i) => ({ x, y: sketch.y[i]! }));
    if (drawPicture(openingView(sketch.viewport, points), (zoom) => sketchGraph(sketch, chartPalette(theme), zoom), 'first', 'sketch')) sketched = sketch.chartId;
  };

  /**
   * The show that holds Cytoscape's drawing (0: none): while a chart is built in steps
   * (buildInSteps), a frame between two steps would draw and measure a chart half built, and a
   * chart whose first layout is already computed is drawn once, at its laid-out positions, not
   * first at its provisional ones. A newer show ends the hold; exports draw to their own canvas as ever.
   */
  let heldFor = 0;
  const releaseDrawing = () => {
    if (heldFor === 0) return;
    heldFor = 0;
    if (!cy.destroyed()) cy.forceRender();
  };
  /** Cytoscape's pending style and rendered-style work, done now (its renderer's own flush). */
  let flushStyle = () => {};
  {
    const renderer = (cy as unknown as { renderer(): { render(options?: { forcedContext?: unknown }): void; flushRenderedStyleQueue?: () => void } }).renderer();
    if (renderer.flushRenderedStyleQueue) flushStyle = renderer.flushRenderedStyleQueue.bind(renderer);
    const render = renderer.render.bind(renderer);
    renderer.render = (options) => {
      if (heldFor !== 0 && heldFor === showing && !options?.forcedContext) return;
      render(options);
    };
  }

  /**
   * Adds the elements to an empty Cytoscape a slice a task (nodes before links, as given), each
   * task about BUILD_STEP_MS, while its drawing is held (heldFor); the analyst cannot grab,
   * select, pan or zoom the half-built chart meanwhile (the preview shows it). A slice is made
   * as large as the last one's time per element says fits in a step (from BUILD_SLICE_FIRST
   * elements, between BUILD_SLICE_MIN and BUILD_SLICE_MAX), and its definitions are made as it
   * is added. Stops, leaving what was added, once `alive` is false; resolves to whether every
   * element was added.
   */
  const buildInSteps = async (elements: readonly ChartElement[], define: (element: ChartElement) => ElementDefinition, alive: () => boolean): Promise<boolean> => {
    const interaction = {
      panning: cy.userPanningEnabled(),
      zooming: cy.userZoomingEnabled(),
      boxSelection: cy.boxSelectionEnabled(),
      grab: cy.autoungrabify(),
      select: cy.autounselectify(),
    };
    cy.userPanningEnabled(false);
    cy.userZoomingEnabled(false);
    cy.boxSelectionEnabled(false);
    cy.autoungrabify(true);
    cy.autounselectify(true);
    let next = 0;
    let slice = BUILD_SLICE_FIRST;
    try {
      while (next < elements.length) {
        // Every slice in a task of its own, the first too (its caller's task has work of its own).
        await nextTask();
        if (!alive() || cy.destroyed()) return false;
        // One slice a task, as large as should take BUILD_STEP_MS.
        const started = performance.now();
        const end = Math.min(elements.length, next + slice);
        const definitions: ElementDefinition[] = [];
        for (let i = next; i < end; i++) definitions.push(define(elements[i]!));
        cy.add(definitions);
        // Styled and measured now, in this step: else the next frame does it for every element
        // added since the last one, in one task.
        flushStyle();
        const perElement = (performance.now() - started) / (end - next);
        next = end;
        slice = Math.max(BUILD_SLICE_MIN, Math.min(BUILD_SLICE_MAX, Math.floor(BUILD_STEP_MS / Math.max(perElement, 1e-3))));
      }
      return true;
    } finally {
      if (!cy.destroyed()) {
        cy.userPanningEnabled(interaction.panning);
        cy.userZoomingEnabled(interaction.zooming);
        cy.boxSelectionEnabled(interaction.boxSelection);
        cy.autoungrabify(interaction.grab);
        cy.autounselectify(interaction.select);
      }
    }
  };

  /**
   * Starts loading the glyphs and badges these elements are drawn with into Cytoscape's own image
   * cache, so they are there when it first draws them (under the preview, a large chart's build
   * takes longer than they do). Else each node drawn before its image loads is drawn again when
   * it does: a second full frame of a large chart.
   */
  const loadImages = (elements: readonly ChartElement[]) => {
    const renderer = (cy as unknown as { renderer(): { getCachedImage?: (url: string, crossOrigin: string, onLoad: () => void) => unknown } }).renderer();
    if (!renderer.getCachedImage) return;
    const nodes: { typeKey: string; notes?: number | undefined }[] = [];
    for (const element of elements) if (element.group === 'nodes') nodes.push(element.data);
    for (const url of chartImageUrls(nodes, large)) renderer.getCachedImage(url, 'anonymous', () => undefined);
  };

  /** The chart data drawn last: a delta made from it can be applied as it is. */
  let shownData: ChartData | null = null;

  const show = async (data: ChartData | null, delta: ChartDelta | null) => {
    if (data === null) {
      showing += 1;
      pendingLayout?.cancel();
      pendingLayout = null;
      sketched = null;
      preview.hide();
      viewport.suspend();
      shownKey = null;
      shownData = null;
      cy.elements().remove();
      return;
    }
    const key = `${store.getState().caseInfo?.path ?? ''}\u0000${data.chartId}`;
    const freshCase = key !== shownKey;
    shownKey = key;
    const base = shownData;
    shownData = data;
    if (delta !== null && !freshCase && delta.base === base) {
      // Applied to what is drawn: a drawing still in progress (waiting for a frame or its first
      // layout) goes on, and is marked ready when done. Only a chart drawn anew supersedes it.
      applyDelta(data, delta);
      return;
    }
    showing += 1;
    const token = showing;
    viewport.suspend();
    // The chart is drawn anew: a first layout still computing for the one before is dropped.
    pendingLayout?.cancel();
    pendingLayout = null;

    const positions = new Map(data.positions.map((p) => [p.entityId, p]));
    const elements = chartElements(data);
    const placed = hasAllPositions(
      data.entities.map((e) => e.id),
      data.positions,
    );
    /**
     * A large chart with no stored positions: its force layout starts now, in its worker, from
     * the elements about to be drawn, and runs while Cytoscape is built on this thread (seconds
     * at 20,000 entities); the same input gives the provisional placement.
     */
    const earlyInput = !placed && data.entities.length > FCOSE_FIRST_LAYOUT_MAX ? elementsLayoutInput(elements) : null;
    const earlyJob = earlyInput && firstLayout.start({ kind: 'force', input: earlyInput });
    /** The early layout's positions, once they are back. */
    let earlyAnswer: LaidOut | null = null;
    const layoutAskedAt = performance.now();
    /** Cytoscape is being built under the preview (buildInSteps) for this show. */
    let building = false;
    if (earlyJob) {
      performance.mark(MARK_LAYOUT_START);
      pendingLayout = earlyJob;
      earlyJob.promise.then(
        (answer) => {
          earlyAnswer = answer;
          // Back while Cytoscape is still built under the preview: the preview shows the laid-out
          // chart, its links too, at once; Cytoscape takes the same places once it is built.
          if (building && token === showing && preview.place === 'over') drawPreview(data, elements, answer.positions, true);
        },
        () => undefined,
      );
    }
    /**
     * Where the nodes are drawn first: their stored positions, or, for a large chart laid out
     * anew, the provisional placement (the preview shows it at once, and Cytoscape is built at it).
     */
    const provisional = earlyInput ? provisionalPlacement(cy, earlyInput) : null;
    const drawnAt: ReadonlyMap<string, Point> = provisional ?? positions;
    // The preview was drawn already from the chart's sketch (a placed chart's), or is drawn now. A
    // provisional placement's preview shows the entities only: its links, drawn across the whole
    // window before the layout pulls them together, cost WebGL without a GPU seconds at 20,000.
    const fromSketch = sketched === data.chartId && placed && preview.place === 'over';
    sketched = null;
    const previewed =
      (freshCase || cy.elements().empty()) &&
      (fromSketch || drawPreview(data, earlyInput ? elements.filter((element) => element.group === 'nodes') : elements, drawnAt));
    if (previewed) {
      // The preview is shown once this frame is composited; the build may then take the thread.
      // Meanwhile nothing is drawn in Cytoscape: a delta arriving then must not be applied to it,
      // so it finds no base and is drawn whole.
      shownData = null;
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (token !== showing || cy.destroyed()) return;
      shownData = data;
    }
    setLevelOfDetail(data.entities.length);
    loadImages(elements);
    if (previewed && cy.elements().empty()) {
      // The preview is on screen: Cytoscape is built under it a slice a task, so the window
      // answers meanwhile (one task of seconds at 20,000 entities otherwise).
      shownData = null;
      heldFor = token;
      building = true;
      const built = await buildInSteps(elements, (element) => toDefinition(element, drawnAt), () => token === showing);
      building = false;
      if (!built || token !== showing || cy.destroyed()) return;
      shownData = data;
    } else {
      cy.batch(() => {
        if (freshCase) cy.elements().remove();
        const diff = diffElements(snapshot(), elements);
        // An element drawn anew (a link whose ends changed) stays selected.
        const reselect = diff.remove.filter((id) => cy.getElementById(id).selected());
        removeAll(cy, diff.remove);
        for (const element of diff.update) updateDrawnElement(cy.getElementById(element.data.id), element);
        if (diff.add.length > 0) cy.add(diff.add.map((element) => toDefinition(element, positions)));
        for (const id of reselect) cy.getElementById(id).select();
      });
    }

    if (placed) {
      // A chart with no saved view opens fitted to the window (a new chart, a case just imported).
      if (freshCase || (base !== null && base.entities.length === 0)) {
        if (data.viewport) cy.viewport({ zoom: data.viewport.zoom, pan: { x: data.viewport.panX, y: data.viewport.panY } });
        else fitChart(true);
      }
      releaseDrawing();
    } else {
      // Drawn at once at a provisional placement; the first layout runs in a worker, so the window
      // stays responsive, and the chart is ready (editable) once it is applied and saved. A large
      // chart was built at the placement its preview shows: when the layout is already back (it ran
      // while Cytoscape was built), Cytoscape's first frame is the laid-out chart and the preview
      // stays until then; else Cytoscape draws the provisional placement meanwhile.
      let answered = previewed && earlyJob !== null && earlyAnswer !== null;
      if (previewed && earlyJob && !answered) {
        // The preview shows the provisional placement meanwhile: the layout is awaited as long as
        // its time budget still runs, rather than Cytoscape drawing that placement first (a full
        // frame, then another once the layout lands).
        const waitMs = firstLayoutBudgetMs(data.entities.length) + LAYOUT_WAIT_SLACK_MS - (performance.now() - layoutAskedAt);
        if (waitMs > 0) await Promise.race([earlyJob.promise.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, waitMs))]);
        if (token !== showing || cy.destroyed()) return;
        answered = earlyAnswer !== null;
      }
      if (previewed) {
        fitChart(true);
        if (!answered) {
          if (preview.place === 'over') preview.hide();
          releaseDrawing();
        }
      } else {
        placeNodes(cy, provisional ?? provisionalPlacement(cy), () => fitChart(true));
      }
      if (!answered) await afterNextFrame(cy);
      if (token !== showing || cy.destroyed()) return;
      if (!previewed) performance.mark(MARK_FIRST_FRAME);
      firstLayoutToken = token;
      store.setState({ layoutRunning: true });
      let laidOut: LaidOut | null = null;
      try {
        if (!earlyJob) performance.mark(MARK_LAYOUT_START);
        laidOut = earlyJob ? await earlyJob.promise : { positions: await firstLayout.run(cy), computedMs: null };
      } catch (error) {
        if (token === showing) reportLayoutFailure(error);
      }
      if (pendingLayout === earlyJob) pendingLayout = null;
      // Cleared by the last first layout started, whether or not a newer show superseded its chart.
      if (firstLayoutToken === token && !cy.destroyed()) store.setState({ layoutRunning: false });
      if (token !== showing || cy.destroyed()) return;
      if (laidOut) {
        // In steps, so that applying 20,000 positions is not one long task of the window.
        if (!(await placeNodesInSteps(cy, laidOut.positions, () => fitChart(true), () => token === showing))) return;
        performance.mark(MARK_LAYOUT_STOP, { detail: { computedMs: laidOut.computedMs } });
        // Saved once, in one call, in a task of its own; drawing does not wait for it.
        setTimeout(() => {
          if (!cy.destroyed()) void savePositions(data.chartId, allPositions(cy));
        }, 0);
      }
      // The labels for the view, then drawn from here on, laid out or not (a layout that failed
      // leaves the provisional placement): one frame, not one before the labels and one after.
      labelDetail.refresh();
      releaseDrawing();
      await afterNextFrame(cy);
      markReady(token, true);
      if (token === showing) viewport.resume(data.chartId);
      return;
    }
    labelDetail.refresh();
    await afterNextFrame(cy);
    markReady(token, previewed);
    if (token === showing) viewport.resume(data.chartId);
  };

  /**
   * Applies one delta: only the elements it names are added, updated, removed or moved, so an
   * edit on a 20,000-node chart touches what it changed. Nodes it adds without a stored position
   * are placed beside their neighbours (or laid out with the chart when there are many).
   */
  const applyDelta = (data: ChartData, delta: ChartDelta) => {
    // What goes is removed before a change of level of detail restyles what is drawn: undoing an
    // expansion of thousands would otherwise restyle them all with the small chart's full style first.
    if (delta.removed.length > 0) cy.batch(() => removeAll(cy, delta.removed));
    setLevelOfDetail(data.entities.length);
    const unplaced: string[] = [];
    const reselect: string[] = [];
    cy.batch(() => {
      const add: ElementDefinition[] = [];
      const redrawn: string[] = [];
      for (const element of delta.elements) {
        const id = element.data.id;
        const existing = cy.getElementById(id);
        const change = existing.empty() ? 'add' : elementChange(drawnSnapshot(existing), element);
        if (change === 'same') continue;
        if (change === 'update') {
          updateDrawnElement(existing, element);
          continue;
        }
        const kept = existing.nonempty() && existing.isNode() ? { ...existing.position() } : null;
        // An element drawn anew (a link whose ends changed) stays selected.
        if (existing.nonempty() && existing.selected()) reselect.push(id);
        if (existing.nonempty()) redrawn.push(id);
        const definition = toDefinition(element, delta.positions);
        if (kept && !definition.position) definition.position = kept;
        if (element.group === 'nodes' && !definition.position) unplaced.push(id);
        add.push(definition);
      }
      removeAll(cy, redrawn);
      if (add.length > 0) cy.add(add);
      for (const id of reselect) cy.getElementById(id).select();
      for (const id of delta.moved) {
        const node = cy.getElementById(id);
        const p = delta.positions.get(id);
        if (node.empty() || !p || node.grabbed()) continue;
        const now = node.position();
        if (Math.abs(now.x - p.x) > 0.01 || Math.abs(now.y - p.y) > 0.01) node.position({ x: p.x, y: p.y });
      }
    });
    const wasEmpty = delta.base.entities.length === 0 && data.entities.length > 0;
    if (unplaced.length > PLACE_BESIDE_MAX || (wasEmpty && unplaced.length > 0)) {
      if (cy.nodes().length <= FCOSE_FIRST_LAYOUT_MAX) {
        placeNodes(cy, computeLayout(cy), () => fitChart(true));
        void savePositions(data.chartId, allPositions(cy));
        return;
      }
      // Many entities came without places onto a large chart (an expansion, an import): drawn at
      // once beside their neighbours, then the chart is laid out in the first-layout worker.
      // fCoSE here, on this thread, froze the window for minutes at 5,000.
      placeBesideNeighbours(cy, unplaced);
      if (wasEmpty) fitChart(true);
      labelDetail.refresh();
      void layOutInWorker(data.chartId, unplaced);
      return;
    }
    if (unplaced.length > 0) {
      placeBesideNeighbours(cy, unplaced);
      void savePositions(
        data.chartId,
        unplaced.map((id) => ({ entityId: id, ...cy.getElementById(id).position() })),
      );
    }
    // A chart with no saved view that was empty opens fitted to what came (an import into a new case).
    if (wasEmpty && !data.viewport) fitChart(true);
    labelDetail.refresh();
  };

  /**
   * Lays the drawn chart out in the first-layout worker (the force layout past
   * FCOSE_FIRST_LAYOUT_MAX entities), then applies the positions in steps and saves them, as a
   * chart's first layout is (not an undoable edit). A newer layout, or a chart drawn anew,
   * cancels it; edits meanwhile do not (an entity they add keeps its place).
   */
  const layOutInWorker = async (chartId: string, unplaced: readonly string[]) => {
    if (pendingLayout !== null) {
      // A layout of the chart is already computing: the newcomers keep their places beside their neighbours.
      void savePositions(
        chartId,
        unplaced.map((id) => ({ entityId: id, ...cy.getElementById(id).position() })),
      );
      return;
    }
    if (!(await layOutDrawnChart(() => fitChart(true)))) return;
    setTimeout(() => {
      if (!cy.destroyed()) void savePositions(chartId, allPositions(cy));
    }, 0);
    labelDetail.refresh();
  };

  /**
   * The drawn chart laid out in the first-layout worker (the force layout past
   * FCOSE_FIRST_LAYOUT_MAX entities) and its positions applied in steps, with layoutRunning set
   * meanwhile. A newer layout, or a chart drawn anew, cancels it (and sees to the flag itself);
   * edits meanwhile do not (deltas are applied to the drawn chart, an added entity keeps its place).
   * Resolves to whether the positions were applied; the caller saves them.
   */
  const layOutDrawnChart = async (fit: () => void): Promise<boolean> => {
    const token = showing;
    const job = firstLayout.start(firstLayoutRequest(cy));
    pendingLayout = job;
    store.setState({ layoutRunning: true });
    let laidOut: LaidOut | null = null;
    try {
      laidOut = await job.promise;
    } catch (error) {
      reportLayoutFailure(error);
    }
    if (pendingLayout !== job && pendingLayout !== null) return false;
    pendingLayout = null;
    if (cy.destroyed()) return false;
    store.setState({ layoutRunning: false });
    if (!laidOut) return false;
    return placeNodesInSteps(cy, laidOut.positions, fit, () => token === showing && !cy.destroyed());
  };

  /** A layout that failed says so; one cancelled (a newer chart or layout) does not. */
  const reportLayoutFailure = (error: unknown) => {
    if (error instanceof JobCancelledError || cy.destroyed()) return;
    reportError(`The chart could not be laid out: ${error instanceof Error ? error.message : String(error)}`);
  };

  /** Draws a chart; a failure says so rather than leaving "Loading the chart…" on screen. */
  const showChart = (chart: ChartData | null, delta: ChartDelta | null) => {
    show(chart, delta).catch((error: unknown) => {
      if (cy.destroyed()) return;
      reportError(`The chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
      store.setState({ chartStatus: 'error' });
    });
  };
  let lastChart = store.getState().chart;
  let lastSketch: ChartSketch | null = null;
  const sketchChanged = (sketch: ChartSketch | null) => {
    if (sketch === lastSketch) return;
    lastSketch = sketch;
    if (sketch !== null && lastChart === null) drawSketch(sketch);
    else if (sketch === null && lastChart === null && sketched !== null) {
      // The chart could not be read after all: its sketch goes.
      sketched = null;
      preview.hide();
    }
  };
  const unsubscribe = store.subscribe(() => {
    const { chart, chartDelta, chartSketch } = store.getState();
    if (chart !== lastChart) {
      lastChart = chart;
      showChart(chart, chartDelta);
    }
    sketchChanged(chartSketch);
  });
  if (lastChart !== null) showChart(lastChart, null);
  else sketchChanged(store.getState().chartSketch);
  const unbindExtensions = extensions.map((extend) => extend(cy));

  const resizeObserver = new ResizeObserver(() => cy.resize());
  resizeObserver.observe(container);

  const handle: ChartHandle = {
    cy,
    fit() {
      fitChart();
    },
    zoomBy(factor) {
      const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    async relayout() {
      const chartId = currentChartId();
      if (chartId === null || cy.nodes().length === 0 || store.getState().layoutRunning) return;
      const token = showing;
      store.setState({ layoutRunning: true });
      if (cy.nodes().length > FCOSE_FIRST_LAYOUT_MAX) {
        // A large chart: the force layout in the first-layout worker (fCoSE here, on this thread,
        // would take the window for seconds to minutes), placed in steps rather than animated
        // (an animation of thousands of nodes is a long task a frame).
        if (!(await layOutDrawnChart(() => fitChart())) || token !== showing) return;
      } else {
        await nextFrame();
        if (cy.destroyed()) return;
        // Computed at once, then shown as an animation from where the nodes stand now.
        const before = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }] as const));
        const after = computeLayout(cy);
        cy.batch(() => {
          cy.nodes().positions((node) => before.get(node.id()) ?? node.position());
        });
        await animateNodesTo(cy, after);
        if (cy.destroyed()) return;
        store.setState({ layoutRunning: false });
        if (token !== showing) return;
      }
      // An analyst-run layout is an edit: one undoable step (the chart's own nodes only).
      const entityIds = new Set(store.getState().chart?.entities.map((e) => e.id));
      const failure = await saveLayoutStep(api, chartId, allPositions(cy).filter((p) => entityIds.has(p.entityId)));
      if (failure !== null) reportError(`The chart layout was not saved: ${failure}`);
    },
    focus(id) {
      const ele = cy.getElementById(id);
      if (ele.empty()) return;
      cy.stop(true, false);
      cy.animate({ center: { eles: ele } }, { duration: 180 });
    },
  };

  return {
    handle,
    destroy() {
      showing += 1;
      pendingLayout?.cancel();
      pendingLayout = null;
      if (!sharedFirstLayout) firstLayout.dispose();
      for (const unbind of unbindExtensions) unbind();
      unsubscribe();
      resizeObserver.disconnect();
      themeWatch.disconnect();
      viewport.dispose();
      labelDetail.dispose();
      unbindPositions();
      style.dispose();
      unbindSelection();
      motion.dispose();
      preview.hide();
      cy.destroy();
      if (window.__workbenchChart?.cy === cy) delete window.__workbenchChart;
    },
  };
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The longest wait for the chart's next frame before going on without it (ms). */
const FRAME_WAIT_MAX_MS = 1000;

/** How much longer than its time budget (firstLayoutBudgetMs) a large chart's first layout is awaited under its preview. */
const LAYOUT_WAIT_SLACK_MS = 300;

/**
 * A chart built in steps adds one slice of elements a task, as many as fit in BUILD_STEP_MS at
 * the time per element the last slice took.
 * Fixed slices of 250 made steps of 50-150 ms at 5,000 entities (a slice of links costs more than
 * one of nodes, and both more once the chart is large).
 */
const BUILD_SLICE_FIRST = 50;
const BUILD_SLICE_MIN = 20;
const BUILD_SLICE_MAX = 1000;
const BUILD_STEP_MS = 25;

/** Resolves in a task of its own, at once (a message to itself: timers nested this deep wait 4 ms each). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves once Cytoscape has drawn a frame holding the current elements and positions. */
function afterNextFrame(cy: Core): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      cy.removeListener('render', finish);
      resolve();
    };
    cy.on('render', finish);
    // An empty chart may not draw at all: two animation frames are enough for the renderer's loop.
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(finish)));
    // A window that draws no frames for a while (hidden, or a busy machine) still gets its chart
    // ready: a timer runs where animation frames may not.
    setTimeout(finish, FRAME_WAIT_MAX_MS);
  });
}
