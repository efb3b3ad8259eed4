/**
 * The render part of `npm run bench` (`BENCH_SECTIONS=render`, `--quick` for a subset): the app's
 * chart beside plain Cytoscape (default style) and sigma.js v3 + graphology, on the same
 * preferential-attachment graphs with the same positions, in the same Chromium and run.
 *
 * - first frame: from the page's navigation start to the renderer's first drawn frame holding
 *   every element. The app is the built renderer against the real handlers and a real case file,
 *   its replies crossing as one JSON string (as Electron's IPC sends one serialised message);
 *   the references get the graph the same way.
 * - viewport frame: a zoom or pan step until the renderer drew it and the next animation frame began
 *   (median of the steps).
 * - heap: the page's JS heap after a garbage collection, once the chart is drawn.
 * - first layout of a case with no stored positions: the first frame (provisional placement),
 *   the layout's end, and the longest task of the UI thread meanwhile (PerformanceObserver).
 * - layout engines in Node: graphology-layout-forceatlas2 (what the first layout runs) and fCoSE
 *   (the analyst's "Lay out again") on the same graphs.
 * - the WebGL layer (renderer/chart/gl, a prototype not yet in the app) as a third page,
 *   'workbench-gl' (e2e/bench/pages/glPage.ts), beside sigma.js: first frame and pan/zoom frame.
 * Writes test-results/render-bench.json.
 *
 * BENCH_RENDER_PAGES=sigma,gl (any of app, sigma, cytoscape, gl; all by default) runs only those
 * pages, and only the rows they make (the no-positions rows need the app); for iterating on one.
 * BENCH_GL_EDGES=lines or =quads has the WebGL layer draw links that way, not by its own choice;
 * BENCH_GL_MOTION=moving has it draw the pan/zoom steps as moving frames (glPage.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import cytoscape from 'cytoscape';
// The extension ships no types (renderer/cytoscape-fcose.d.ts declares them for the renderer only).
// @ts-expect-error: untyped module
import fcose from 'cytoscape-fcose';
import { chromium, type Browser, type Page } from 'playwright';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../../main/caseSession';
import { dispatchToWire } from '../../main/dispatch';
import { createHandlers } from '../../main/handlers';
import { RecentCases } from '../../main/recentCases';
import { APP_ORIGIN as APP_PROTOCOL_ORIGIN, APP_RESPONSE_HEADERS, contentTypeForAsset, resolveAppAssetPath } from '../../main/security';
import { firstLayoutPositions } from '../../app/layout/firstLayout';
import { benchGraph, writeBenchCase, type BenchGraph } from './graphs';

cytoscape.use(fcose as cytoscape.Ext);

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SIZES = (process.env.BENCH_RENDER_SIZES ?? '1000,5000,20000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_RENDER_ROUNDS ?? (QUICK ? 1 : 3));
/** At 20,000 one round each (a round takes a while); BENCH_RENDER_ROUNDS overrides. */
const roundsFor = (n: number) => (process.env.BENCH_RENDER_ROUNDS ? ROUNDS : n >= 20_000 ? 1 : ROUNDS);
const VIEWPORT_STEPS = QUICK ? 8 : 16;
const ORIGIN = 'http://workbench.localhost';
const RENDERER_DIR = resolve(process.env.WORKBENCH_RENDERER_DIR ?? 'dist/renderer');
const OUT = 'test-results/render-bench.json';
const PAGES = new Set((process.env.BENCH_RENDER_PAGES ?? 'app,sigma,cytoscape,gl').split(',').map((p) => p.trim()));
const GL_EDGES = process.env.BENCH_GL_EDGES === 'lines' || process.env.BENCH_GL_EDGES === 'quads' ? process.env.BENCH_GL_EDGES : null;
const GL_VARIANT = [GL_EDGES === null ? '' : `edges=${GL_EDGES}`, process.env.BENCH_GL_MOTION === 'moving' ? 'motion=moving' : ''].filter((p) => p !== '');
const GL_QUERY = GL_VARIANT.length === 0 ? '' : `?${GL_VARIANT.join('&')}`;
/** How the rows name a variant of the WebGL page. */
const GL_NAME = `WebGL layer (prototype)${GL_EDGES === null ? '' : `, links as ${GL_EDGES}`}`;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-precise-memory-info',
];

function bundle(entry: string): string {
  return buildSync({ entryPoints: [resolve(entry)], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, logLevel: 'error' })
    .outputFiles[0]!.text;
}

const LONG_TASK_OBSERVER = `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

const referenceHtml = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%;overflow:hidden}#chart{position:absolute;inset:0}</style></head><body><div id="chart"></div><script>${script}</script></body></html>`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
}

interface PageRun {
  firstFrameMs: number;
  /** The app only: Cytoscape has drawn the chart and it can be edited (after the WebGL preview on a large chart). */
  readyMs?: number;
  /** The app only: the longest task of the UI thread begun between the first frame and ready to edit. */
  longestToReadyMs?: number;
  /** The app only: after the pan/zoom steps, until Cytoscape has drawn the view at rest (null: it drew every step). */
  restFrameMs?: number | null;
  /** The app and plain Cytoscape: selecting the entity at the view's centre, until its last frame (selectFrame). */
  selectMs?: number | null;
  /** The page's performance marks (ms from navigation start), for diagnostics. */
  marks?: Record<string, number>;
  viewportFrameMs: number | null;
  heapMb: number | null;
}

interface LayoutRun {
  firstFrameMs: number;
  /** The layout was asked of its worker; its positions were applied (page times). */
  layoutAskedMs: number;
  layoutDoneMs: number;
  /** The laid-out chart was first on screen: its preview drawn again at the layout's places (null: it was not, the build had ended). */
  layoutShownMs: number | null;
  /** The force layout's own time in its worker (null where the app does not say). */
  layoutComputedMs: number | null;
  longestTaskMs: number;
  longTasks: number;
  /** The longest task that started after the first frame: the task drawing the first frame itself (it holds the mark) left out. */
  longestAfterFirstFrameMs: number;
  longTasksAfterFirstFrame: number;
}

/** Serves the built renderer exactly as main's app:// protocol does, the reference pages, and nothing else. */
async function routePage(page: Page, references: Record<string, string>): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      return route.abort('blockedbyclient');
    }
    const reference = references[url.pathname];
    if (reference !== undefined) return route.fulfill({ status: 200, body: reference, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const file = resolveAppAssetPath(RENDERER_DIR, APP_PROTOCOL_ORIGIN + route.request().url().slice(ORIGIN.length));
    if (file === null || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeForAsset(file) } });
  });
}

async function heapMb(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    return usage.usedSize / 2 ** 20;
  } catch {
    return null;
  }
}

/** A CDP CPU profile of the page from now (diagnostics for BENCH_PROFILE, not a figure). */
async function startProfile(page: Page): Promise<{ stop: (file: string) => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

async function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? Number.NaN, name);
}

/** Median time of viewport steps; the page's __benchStep applies one and resolves once drawn. */
async function viewportFrames(page: Page): Promise<number> {
  const times = await page.evaluate(async (steps) => {
    const step = (window as unknown as { __benchStep: (i: number) => Promise<void> }).__benchStep;
    const out: number[] = [];
    for (let i = 0; i < steps; i++) {
      const started = performance.now();
      await step(i);
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - started);
    }
    return out;
  }, VIEWPORT_STEPS);
  return median(times);
}

/** Gives the app's page the same viewport steps as the plain Cytoscape page, on its own Cytoscape. */
/**
 * After the steps: how long until Cytoscape has drawn the view at rest (the WebGL layer draws the
 * frames of a large chart's motion; Cytoscape draws once the view has rested). Null when Cytoscape
 * drew every step itself and draws nothing more.
 */
async function restFrame(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const cy = (window as unknown as { __workbenchChart: { cy: { on(e: string, f: () => void): void; removeListener(e: string, f: () => void): void } } }).__workbenchChart.cy;
    if (((window as unknown as { __benchGlFrames?: number }).__benchGlFrames ?? 0) === 0) return null;
    const started = performance.now();
    const listener: (() => void)[] = [];
    const drawn = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      listener.push(() => {
        cy.removeListener('render', listener[0]!);
        clearTimeout(timer);
        resolve(true);
      });
      cy.on('render', listener[0]!);
    });
    return drawn ? performance.now() - started : null;
  });
}

/**
 * Selects the entity nearest the view's centre, as a click would (Cytoscape's select; the app's
 * emphasis of its neighbourhood follows): the time until the last frame drawn for it (no frame
 * for 500 ms after). Null when nothing is drawn within 60 s.
 */
async function selectFrame(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    interface Node {
      renderedPosition(): { x: number; y: number };
      select(): void;
    }
    interface Cy {
      on(e: string, f: () => void): void;
      removeListener(e: string, f: () => void): void;
      nodes(): { toArray(): Node[] };
      width(): number;
      height(): number;
    }
    const cy = (window as unknown as { __workbenchChart: { cy: Cy } }).__workbenchChart.cy;
    const cx = cy.width() / 2;
    const cyh = cy.height() / 2;
    let best: Node | null = null;
    let bestD = Infinity;
    for (const node of cy.nodes().toArray()) {
      const p = node.renderedPosition();
      const d = Math.hypot(p.x - cx, p.y - cyh);
      if (d < bestD) {
        bestD = d;
        best = node;
      }
    }
    if (best === null) return null;
    let last: number | null = null;
    const listener = [() => (last = performance.now())];
    cy.on('render', listener[0]!);
    const started = performance.now();
    best.select();
    const quiet = 500;
    while (performance.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      if (last !== null && performance.now() - last > quiet) break;
    }
    cy.removeListener('render', listener[0]!);
    return last === null ? null : last - started;
  });
}

async function installAppSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    interface Cy {
      on(events: string, fn: () => void): void;
      removeListener(events: string, fn: () => void): void;
      zoom(): number;
      zoom(options: object): void;
      panBy(by: object): void;
      width(): number;
      height(): number;
    }
    const cy = (window as unknown as { __workbenchChart: { cy: Cy } }).__workbenchChart.cy;
    const counter = window as unknown as { __benchGlFrames: number };
    counter.__benchGlFrames = 0;
    cy.on('glframe', () => (counter.__benchGlFrames += 1));
    const changes = [
      { zoom: 1.25, panX: 0, panY: 0 },
      { zoom: 1, panX: 60, panY: 40 },
      { zoom: 0.8, panX: 0, panY: 0 },
      { zoom: 1, panX: -60, panY: -40 },
    ];
    (window as unknown as { __benchStep: (i: number) => Promise<void> }).__benchStep = async (i: number) => {
      const change = changes[i % 4]!;
      // Drawn by Cytoscape ('render') or, on a large chart while the view moves, by the WebGL layer ('glframe', renderer/chart/glMotion.ts).
      // (No named function in page code: the bench's transform would wrap it in a helper the page lacks.)
      const listener: (() => void)[] = [];
      const done = new Promise<void>((r) => {
        listener.push(() => {
          cy.removeListener('render glframe', listener[0]!);
          r();
        });
        cy.on('render glframe', listener[0]!);
      });
      if (change.zoom !== 1) cy.zoom({ level: cy.zoom() * change.zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      else cy.panBy({ x: change.panX, y: change.panY });
      await done;
    };
  });
}

class Bench {
  private readonly tmp = tempFolder('awb-bench-render-');
  private readonly bridge = bundle('e2e/bench/pages/appBridge.ts');
  private readonly references = {
    '/bench/cytoscape.html': referenceHtml(bundle('e2e/bench/pages/cytoscapePage.ts')),
    '/bench/sigma.html': referenceHtml(bundle('e2e/bench/pages/sigmaPage.ts')),
    '/bench/gl.html': referenceHtml(bundle('e2e/bench/pages/glPage.ts')),
  };
  constructor(private readonly browser: Browser) {}

  cleanup(): void {
    this.tmp.cleanup();
  }

  casePath(name: string): string {
    return this.tmp.file(name);
  }

  private async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await routePage(page, this.references);
    await page.addInitScript({ content: LONG_TASK_OBSERVER });
    return page;
  }

  /**
   * BENCH_TRACE=file.json: a Chromium trace of the open (diagnostics, not a figure): which task
   * waits for what, e.g. the compositor reading a WebGL canvas back without a GPU.
   */
  private async startTrace(page: Page, suffix = ''): Promise<{ stop: () => Promise<void> }> {
    const file = process.env.BENCH_TRACE;
    if (!file) return { stop: () => Promise.resolve() };
    const path = file.replace(/(\.json)?$/, `${suffix}.json`);
    await this.browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'v8', 'gpu', 'cc'] });
    return {
      stop: async () => {
        await this.browser.stopTracing();
      },
    };
  }

  /** The app on a case file: the built renderer, the real handlers, replies as JSON strings. */
  private async openApp(casePath: string): Promise<{ page: Page; close: () => Promise<void>; problems: string[] }> {
    const session = new CaseSession();
    session.open(casePath);
    const handlers = createHandlers({
      session,
      dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
      recent: new RecentCases(this.tmp.file('recent.json')),
      emit: () => undefined,
    });
    const problems: string[] = [];
    const page = await this.newPage();
    await page.exposeBinding('__benchInvokeJson', async (_source, channel: string, inputJson: string) =>
      JSON.stringify(await dispatchToWire(handlers, channel, inputJson === '' ? undefined : JSON.parse(inputJson), (name, error) => problems.push(`${name}: ${String(error)}`))),
    );
    await page.addInitScript({ content: this.bridge });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return {
      page,
      problems,
      close: async () => {
        await page.context().close();
        session.close();
      },
    };
  }

  async app(casePath: string, measureViewport: boolean): Promise<PageRun> {
    const { page, close, problems } = await this.openApp(casePath);
    try {
      // BENCH_PROFILE=file.cpuprofile: a CPU profile of the app's open (diagnostics, not a figure).
      const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
      const tracing = await this.startTrace(page);
      await page.goto(`${ORIGIN}/index.html${process.env.BENCH_APP_QUERY ?? ''}`);
      await page.locator('body[data-chart-ready="true"]').waitFor({ timeout: 300_000 });
      await tracing.stop();
      const firstFrameMs = await markTime(page, 'chart-first-frame');
      const readyMs = await markTime(page, 'chart-ready');
      const openTasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks);
      const longestToReadyMs = Math.max(0, ...openTasks.filter((t) => t.start >= firstFrameMs && t.start <= readyMs).map((t) => t.duration));
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
      if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
      let viewportFrameMs: number | null = null;
      let restFrameMs: number | null = null;
      let selectMs: number | null = null;
      if (measureViewport) {
        await installAppSteps(page);
        // BENCH_PROFILE_REST=file.cpuprofile: a CPU profile of the pan/zoom, the rest and the selection (diagnostics).
        const restProfiler = process.env.BENCH_PROFILE_REST ? await startProfile(page) : null;
        viewportFrameMs = await viewportFrames(page);
        restFrameMs = await restFrame(page);
        selectMs = await selectFrame(page);
        if (restProfiler) await restProfiler.stop(process.env.BENCH_PROFILE_REST!);
      }
      const heap = await heapMb(page);
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return { firstFrameMs, readyMs, longestToReadyMs, viewportFrameMs, restFrameMs, selectMs, heapMb: heap, marks };
    } finally {
      await close();
    }
  }

  async reference(kind: 'cytoscape' | 'sigma' | 'gl', graph: BenchGraph, measureViewport: boolean): Promise<PageRun> {
    const page = await this.newPage();
    const json = JSON.stringify({
      nodes: graph.nodes.map((n) => ({ id: n.id, label: n.label, x: n.x, y: n.y })),
      edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    });
    await page.exposeBinding('__benchGraphJson', () => json);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
      await page.goto(`${ORIGIN}/bench/${kind}.html${kind === 'gl' ? GL_QUERY : ''}`);
      await page.waitForFunction(() => (window as unknown as { __benchReady?: boolean }).__benchReady === true, undefined, { timeout: 300_000 });
      const firstFrameMs = await markTime(page, 'bench-first-frame');
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
      if (profiler) await profiler.stop(process.env.BENCH_PROFILE!.replace(/(\.cpuprofile)?$/, `.${kind}.cpuprofile`));
      const viewportFrameMs = measureViewport ? await viewportFrames(page) : null;
      // Plain Cytoscape draws a selection too: the reference for the app's.
      const selectMs = measureViewport && kind === 'cytoscape' ? await selectFrame(page) : null;
      const heap = await heapMb(page);
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return { firstFrameMs, viewportFrameMs, selectMs, heapMb: heap, marks };
    } finally {
      await page.context().close();
    }
  }

  /** A case with no stored positions: first frame, end of the first layout, longest UI task meanwhile. */
  async firstLayout(casePath: string): Promise<LayoutRun> {
    const { page, close, problems } = await this.openApp(casePath);
    try {
      const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
      const tracing = await this.startTrace(page, '.layout');
      await page.goto(`${ORIGIN}/index.html${process.env.BENCH_APP_QUERY ?? ''}`);
      await page.locator('body[data-chart-ready="true"]').waitFor({ timeout: 300_000 });
      await tracing.stop();
      const firstFrameMs = await markTime(page, 'chart-first-frame');
      await page
        .waitForFunction(() => performance.getEntriesByName('chart-layout-stop', 'mark').length > 0, undefined, { timeout: Number(process.env.BENCH_LAYOUT_TIMEOUT_MS ?? 300_000), polling: 100 })
        .catch(async (error: unknown) => {
          // Say why: the app's own error banner and what the page or main reported.
          const banner = await page.locator('[role="alert"]').allTextContents();
          throw new Error(`${error instanceof Error ? error.message : String(error)}; on screen: ${banner.join(' | ') || 'no error'}; reported: ${problems.join(' | ') || 'nothing'}`);
        });
      const layoutDoneMs = await markTime(page, 'chart-layout-stop');
      const layoutAskedMs = await markTime(page, 'chart-layout-start');
      const shown = await markTime(page, 'chart-layout-shown');
      const layoutShownMs = Number.isNaN(shown) ? null : shown;
      const layoutComputedMs = await page.evaluate(() => {
        const detail = (performance.getEntriesByName('chart-layout-stop', 'mark')[0] as PerformanceMark | undefined)?.detail as { computedMs?: number | null } | undefined;
        return detail?.computedMs ?? null;
      });
      if (profiler) await profiler.stop(process.env.BENCH_PROFILE!.replace(/(\.cpuprofile)?$/, '.layout.cpuprofile'));
      const tasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks);
      // From the first frame (the chart is on screen) to the layout's end: what the analyst sees.
      const during = tasks.filter((t) => t.start + t.duration >= firstFrameMs && t.start <= layoutDoneMs);
      if (problems.length > 0) throw new Error(problems.join('\n'));
      const after = during.filter((t) => t.start >= firstFrameMs);
      return {
        firstFrameMs,
        layoutAskedMs,
        layoutDoneMs,
        layoutShownMs,
        layoutComputedMs,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        longTasks: during.length,
        longestAfterFirstFrameMs: Math.max(0, ...after.map((t) => t.duration)),
        longTasksAfterFirstFrame: after.length,
      };
    } finally {
      await close();
    }
  }
}

interface Row {
  measure: string;
  nodes: number;
  ours: number;
  reference: string;
  referenceValue: number | null;
  ratio: number | null;
  target: string;
  unit: string;
}

function timeNode(fn: () => void): number {
  const started = nodePerformance.now();
  fn();
  return nodePerformance.now() - started;
}

function fcoseMs(graph: BenchGraph): number {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 34, height: 34 } }],
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
      ...graph.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  const ms = timeNode(() => cy.layout({ name: 'fcose', quality: 'default', randomize: true, animate: false, fit: false } as cytoscape.LayoutOptions).run());
  // A headless Cytoscape keeps its animation timer running until destroyed: left alive, it kept the bench from exiting.
  cy.destroy();
  return ms;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run "npm run build" first (npm run bench builds it).');
  const browser = await chromium.launch({ executablePath: process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const bench = new Bench(browser);
  const rows: Row[] = [];
  const add = (row: Omit<Row, 'ratio'>) => {
    const ratio = row.referenceValue === null || row.referenceValue === 0 ? null : row.ours / row.referenceValue;
    rows.push({ ...row, ratio });
    console.log(
      `  ${row.measure} @${row.nodes}: ours ${row.ours.toFixed(1)} ${row.unit}, ${row.reference} ${row.referenceValue?.toFixed(1) ?? '-'}${ratio === null ? '' : `, ratio ${ratio.toFixed(2)}`}`,
    );
  };
  try {
    for (const n of SIZES) {
      const started = nodePerformance.now();
      const graph = benchGraph(n);
      const placed = bench.casePath(`placed-${n}.awcase`);
      writeBenchCase(placed, graph, true);
      console.log(`render bench: ${n} nodes, ${graph.edges.length} links (graph and case in ${((nodePerformance.now() - started) / 1000).toFixed(1)} s)`);
      const app: PageRun[] = [];
      const cy: PageRun[] = [];
      const sigma: PageRun[] = [];
      const webgl: PageRun[] = [];
      const rounds = roundsFor(n);
      const viewportToo = n === Math.max(...SIZES);
      if (process.env.BENCH_ONLY_LAYOUT === '1') {
        // Diagnostics: the no-positions open alone (BENCH_PROFILE profiles it).
        const unplaced = bench.casePath(`unplaced-${n}.awcase`);
        writeBenchCase(unplaced, graph, false);
        const layout = await bench.firstLayout(unplaced);
        console.log(
          `  layout only: first frame ${layout.firstFrameMs.toFixed(0)} ms, laid out on screen ${layout.layoutShownMs === null ? '-' : (Math.min(layout.layoutShownMs, layout.layoutDoneMs) - layout.firstFrameMs).toFixed(0)} ms after, layout done ${(layout.layoutDoneMs - layout.firstFrameMs).toFixed(0)} ms after (asked at ${layout.layoutAskedMs.toFixed(0)} ms, computed in ${layout.layoutComputedMs?.toFixed(0) ?? '?'} ms), longest task ${layout.longestTaskMs.toFixed(0)} ms (${layout.longTasks} long), started after the first frame ${layout.longestAfterFirstFrameMs.toFixed(0)} ms (${layout.longTasksAfterFirstFrame} long)`,
        );
        continue;
      }
      if (process.env.BENCH_PROFILE) {
        const run = await bench.app(placed, false);
        console.log(`  profile only: first frame ${run.firstFrameMs.toFixed(0)} ms; marks ${JSON.stringify(run.marks)}`);
        if (process.env.BENCH_PROFILE_REFERENCES === '1') {
          console.log(`  profile only: plain Cytoscape first frame ${(await bench.reference('cytoscape', graph, false)).firstFrameMs.toFixed(0)} ms`);
          console.log(`  profile only: sigma.js first frame ${(await bench.reference('sigma', graph, false)).firstFrameMs.toFixed(0)} ms`);
        }
        continue;
      }
      for (let r = 0; r < rounds; r++) {
        // Interleaved, so a machine busy for a while slows all of them alike.
        if (PAGES.has('app')) {
          app.push(await bench.app(placed, viewportToo && r === 0));
          // BENCH_MARKS=1: the app's performance marks of each open (diagnostics).
          if (process.env.BENCH_MARKS === '1') console.log(`  app round ${r + 1}: marks ${JSON.stringify(app[app.length - 1]!.marks)}`);
        }
        if (PAGES.has('sigma')) sigma.push(await bench.reference('sigma', graph, viewportToo && r === 0));
        if (PAGES.has('cytoscape')) cy.push(await bench.reference('cytoscape', graph, viewportToo && r === 0));
        if (PAGES.has('gl')) {
          webgl.push(await bench.reference('gl', graph, viewportToo && r === 0));
          const marks = webgl[webgl.length - 1]!.marks ?? {};
          console.log(`  workbench-gl round ${r + 1}: graph built ${marks['gl-graph']} ms, first frame ${marks['bench-first-frame']} ms, GPU done ${marks['gl-pixels']} ms`);
        }
      }
      const m = (runs: PageRun[], key: 'firstFrameMs' | 'readyMs') => median(runs.map((run) => run[key] ?? Number.NaN));
      if (PAGES.has('app') && PAGES.has('sigma') && PAGES.has('cytoscape')) {
        add({ measure: `first frame (median of ${rounds})`, nodes: n, ours: m(app, 'firstFrameMs'), reference: 'sigma.js', referenceValue: m(sigma, 'firstFrameMs'), target: '<= 1.0', unit: 'ms' });
        add({ measure: `first frame (median of ${rounds})`, nodes: n, ours: m(app, 'firstFrameMs'), reference: 'plain Cytoscape', referenceValue: m(cy, 'firstFrameMs'), target: '-', unit: 'ms' });
        // From 1,000 entities the first frame is the WebGL preview; the chart can be edited once Cytoscape has drawn it.
        add({ measure: `chart ready to edit, Cytoscape drawn (median of ${rounds})`, nodes: n, ours: m(app, 'readyMs'), reference: 'sigma.js', referenceValue: m(sigma, 'firstFrameMs'), target: '-', unit: 'ms' });
        // Cytoscape is built under the preview a slice a task; what remains long is mostly its
        // first frame of the whole chart (at 20,000 the bulk layer's first WebGL frame, read back
        // without a GPU).
        add({ measure: 'longest UI task, first frame to ready to edit', nodes: n, ours: median(app.map((run) => run.longestToReadyMs ?? Number.NaN)), reference: '-', referenceValue: null, target: '-', unit: 'ms' });
        if (viewportToo) {
          add({ measure: `pan/zoom frame (median of ${VIEWPORT_STEPS})`, nodes: n, ours: app[0]!.viewportFrameMs!, reference: 'sigma.js', referenceValue: sigma[0]!.viewportFrameMs, target: '<= 200 ms and <= 1.0', unit: 'ms' });
          add({ measure: `pan/zoom frame (median of ${VIEWPORT_STEPS})`, nodes: n, ours: app[0]!.viewportFrameMs!, reference: 'plain Cytoscape', referenceValue: cy[0]!.viewportFrameMs, target: '-', unit: 'ms' });
          const selected = app[0]!.selectMs;
          if (selected !== null && selected !== undefined) {
            add({ measure: 'select an entity, to its last frame', nodes: n, ours: selected, reference: 'plain Cytoscape', referenceValue: cy[0]?.selectMs ?? null, target: '-', unit: 'ms' });
          }
          const rest = app[0]!.restFrameMs;
          if (rest !== null && rest !== undefined) {
            add({ measure: 'after a pan/zoom: Cytoscape draws the view at rest', nodes: n, ours: rest, reference: 'sigma.js pan/zoom frame', referenceValue: sigma[0]!.viewportFrameMs, target: '-', unit: 'ms' });
          }
          add({ measure: 'renderer JS heap', nodes: n, ours: app[0]!.heapMb ?? Number.NaN, reference: 'sigma.js', referenceValue: sigma[0]!.heapMb, target: '<= 500 MB', unit: 'MB' });
        }
      }
      // The WebGL layer (prototype) beside the references.
      const glMeasure = `first frame: ${GL_NAME} (median of ${rounds})`;
      if (PAGES.has('gl') && PAGES.has('sigma')) add({ measure: glMeasure, nodes: n, ours: m(webgl, 'firstFrameMs'), reference: 'sigma.js', referenceValue: m(sigma, 'firstFrameMs'), target: '<= 1.0', unit: 'ms' });
      if (PAGES.has('gl') && PAGES.has('cytoscape')) add({ measure: glMeasure, nodes: n, ours: m(webgl, 'firstFrameMs'), reference: 'plain Cytoscape', referenceValue: m(cy, 'firstFrameMs'), target: '-', unit: 'ms' });
      if (viewportToo && PAGES.has('gl') && PAGES.has('sigma')) {
        const glViewport = `pan/zoom frame: ${GL_NAME}${process.env.BENCH_GL_MOTION === 'moving' ? ', moving frames' : ''} (median of ${VIEWPORT_STEPS})`;
        add({ measure: glViewport, nodes: n, ours: webgl[0]!.viewportFrameMs!, reference: 'sigma.js', referenceValue: sigma[0]!.viewportFrameMs, target: '<= 200 ms and <= 1.0', unit: 'ms' });
        if (PAGES.has('cytoscape')) add({ measure: glViewport, nodes: n, ours: webgl[0]!.viewportFrameMs!, reference: 'plain Cytoscape', referenceValue: cy[0]!.viewportFrameMs, target: '-', unit: 'ms' });
        add({ measure: 'renderer JS heap: WebGL layer (prototype)', nodes: n, ours: webgl[0]!.heapMb ?? Number.NaN, reference: 'sigma.js', referenceValue: sigma[0]!.heapMb, target: '-', unit: 'MB' });
      }

      // The first layout of a case with no stored positions (the app's).
      if (!PAGES.has('app') || process.env.BENCH_SKIP_LAYOUT === '1') continue;
      const unplaced = bench.casePath(`unplaced-${n}.awcase`);
      writeBenchCase(unplaced, graph, false);
      const layout = await bench.firstLayout(unplaced);
      const fa2 = timeNode(() => firstLayoutPositions(toLayoutInput(graph)));
      add({ measure: 'no positions: first frame', nodes: n, ours: layout.firstFrameMs, reference: 'stored positions', referenceValue: m(app, 'firstFrameMs'), target: '-', unit: 'ms' });
      const layoutTarget = `<= ${n <= 1000 ? 500 : n <= 5000 ? 2000 : 8000} ms`;
      // The layout is asked of its worker as the data arrives and computes while Cytoscape is built
      // on the UI thread; its positions can be applied once that build has drawn the first frame.
      add({ measure: 'no positions: layout done (from first frame)', nodes: n, ours: layout.layoutDoneMs - layout.firstFrameMs, reference: 'same layout in Node', referenceValue: fa2, target: layoutTarget, unit: 'ms' });
      // The laid-out chart on screen: its preview drawn again at the layout's places while Cytoscape
      // is still built under it, or Cytoscape's own frame when that comes first.
      const onScreenMs = Math.min(layout.layoutShownMs ?? Number.POSITIVE_INFINITY, layout.layoutDoneMs) - layout.firstFrameMs;
      add({ measure: 'no positions: laid-out chart on screen (from first frame)', nodes: n, ours: onScreenMs, reference: 'same layout in Node', referenceValue: fa2, target: layoutTarget, unit: 'ms' });
      if (layout.layoutComputedMs !== null) {
        add({ measure: 'no positions: layout computed, in its worker', nodes: n, ours: layout.layoutComputedMs, reference: 'same layout in Node', referenceValue: fa2, target: layoutTarget, unit: 'ms' });
      }
      add({ measure: 'no positions: layout asked to applied', nodes: n, ours: layout.layoutDoneMs - layout.layoutAskedMs, reference: 'asked to the first frame', referenceValue: layout.firstFrameMs - layout.layoutAskedMs, target: '-', unit: 'ms' });
      add({ measure: `no positions: longest UI task while laying out (${layout.longTasks} long)`, nodes: n, ours: layout.longestTaskMs, reference: '-', referenceValue: null, target: '<= 50 ms', unit: 'ms' });
      // The row above counts the task that draws the first frame (it ends after the mark it sets); this one only tasks begun once the chart is on screen.
      add({
        measure: `no positions: longest UI task begun after the first frame (${layout.longTasksAfterFirstFrame} long)`,
        nodes: n,
        ours: layout.longestAfterFirstFrameMs,
        reference: '-',
        referenceValue: null,
        target: '<= 50 ms',
        unit: 'ms',
      });
      const forceAtlas = timeNode(() => forceAtlas2Reference(graph));
      add({ measure: 'layout engine in Node: first layout', nodes: n, ours: fa2, reference: 'graphology-layout-forceatlas2 (100 its)', referenceValue: forceAtlas, target: '-', unit: 'ms' });
      // fCoSE only at 1,000: at 5,000 it took 1,958 s (measured 2026-12-04), more than the rest of the bench.
      if (n <= 1000) add({ measure: 'layout engine in Node: first layout', nodes: n, ours: fa2, reference: 'fCoSE (default quality)', referenceValue: fcoseMs(graph), target: '-', unit: 'ms' });
    }
  } finally {
    await browser.close();
    bench.cleanup();
  }

  console.log('\nAnalyst Workbench render benchmark (Debian Chromium, no GPU; references in the same browser and run)\n');
  console.log(`${'measure'.padEnd(58)} ${'nodes'.padStart(6)} ${'ours'.padStart(9)} ${'reference'.padEnd(40)} ${'ref'.padStart(9)} ${'ratio'.padStart(6)}  target`);
  for (const row of rows) {
    console.log(
      `${row.measure.padEnd(58)} ${String(row.nodes).padStart(6)} ${row.ours.toFixed(0).padStart(9)} ${row.reference.padEnd(40)} ${(row.referenceValue?.toFixed(0) ?? '-').padStart(9)} ${(row.ratio?.toFixed(2) ?? '-').padStart(6)}  ${row.target} (${row.unit})`,
    );
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({ quick: QUICK, sizes: SIZES, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${OUT}`);
}

function toLayoutInput(graph: BenchGraph): { ids: string[]; edges: [number, number][] } {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i] as const));
  return { ids: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => [index.get(e.source)!, index.get(e.target)!]) };
}

/** graphology-layout-forceatlas2 itself, 100 iterations (Barnes-Hut above 2,000 nodes), from a random start. */
function forceAtlas2Reference(graph: BenchGraph): void {
  const g = new Graph({ type: 'undirected', multi: true });
  let s = 3;
  const random = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  for (const n of graph.nodes) g.addNode(n.id, { x: random() * 1000, y: random() * 1000 });
  for (const e of graph.edges) g.addEdgeWithKey(e.id, e.source, e.target);
  forceAtlas2.assign(g, { iterations: 100, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 2000 } });
}

await main();
