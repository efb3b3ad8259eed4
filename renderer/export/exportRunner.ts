import type { Core } from 'cytoscape';
import type { WorkbenchApi } from '../../app/bridge';
import type { ChartAnnotation } from '../../app/export/annotations';
import { buildChartScene, type ChartScene } from '../../app/export/chartScene';
import type { CitedSource } from '../../app/export/footnote';
import type { SavedImage } from '../../app/export/imageChannels';
import { buildExportScene, inkOn, pageBackground, type ImageExportOptions, type PageInk } from '../../app/export/pageLayout';
import type { Box, ChartTransform, Scene } from '../../app/export/scene';
import { imageDpi, isRasterFormat, pixelsPerUnit, rasterSize, rasterSizeProblem, type RasterFormat } from '../../app/export/sizing';
import type { TextMeasurer } from '../../app/export/text';
import { planTileList } from '../../app/export/tiling';
import type { WorkbenchError } from '../../app/result';
import { ScenePainter } from './canvasPainter';
import { exportFontMeasurer, loadExportFont } from './exportFont';
import { readChartForExport, themeBackground } from './readChart';

/** A scene ready to preview or export, with what it will produce. */
export interface PreparedExport {
  scene: Scene;
  /** Raster formats: the final pixel size (vector formats: the page in CSS px). */
  width: number;
  height: number;
  pixelsPerUnit: number;
  dpi: number;
  /** Why this cannot be exported (too large, nothing in it), or null. */
  problem: string | null;
  nodeCount: number;
}

export interface ExportProgress {
  phase: 'preparing' | 'drawing' | 'saving';
  done: number;
  total: number;
}

export type ExportOutcome = { kind: 'saved'; saved: SavedImage; elapsedMs: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** Where the last export put the chart (read by the end-to-end tests to find nodes in the image). */
export interface ExportRecord {
  format: ImageExportOptions['format'];
  width: number;
  height: number;
  pixelsPerUnit: number;
  transform: ChartTransform;
  /** The chart's frame on the page (page units): the legend and footnote are below it. */
  frame: Box;
  nodes: { id: string; x: number; y: number; fill: string }[];
  elapsedMs: number;
  /** Where the time went (ms): building the scene, drawing tiles, reading them back, main's work. */
  phases: Record<string, number>;
}

declare global {
  interface Window {
    /** For e2e tests only (read-only): where the last export drew the chart. */
    __workbenchLastExport?: ExportRecord;
  }
}

let measurer: TextMeasurer | null = null;

async function exportMeasurer(): Promise<TextMeasurer> {
  await loadExportFont();
  measurer ??= exportFontMeasurer();
  return measurer;
}

const sourcesCache = new Map<string, CitedSource[]>();

async function citedSources(api: WorkbenchApi, entityIds: string[], linkIds: string[]): Promise<CitedSource[]> {
  const key = `${entityIds.join(',')}|${linkIds.join(',')}`;
  const cached = sourcesCache.get(key);
  if (cached) return cached;
  const result = await api['image.sources']({ entityIds, linkIds });
  if (!result.ok) throw new ExportFailed(result.error);
  if (sourcesCache.size > 8) sourcesCache.clear();
  sourcesCache.set(key, result.value);
  return result.value;
}

class ExportFailed extends Error {
  constructor(readonly error: WorkbenchError) {
    super(error.message);
  }
}

/** Another view's scene in place of the chart's (the timeline in front): see ViewHandle.exportScene. */
export type ViewSceneSource = (measure: TextMeasurer, ink: PageInk) => ChartScene;

/** Builds the scene for the options from the chart (or the view in front) as it is now. */
export async function prepareExport(
  api: WorkbenchApi,
  cy: Core,
  options: ImageExportOptions,
  annotations: readonly ChartAnnotation[] = [],
  viewScene: ViewSceneSource | null = null,
): Promise<PreparedExport> {
  const measure = await exportMeasurer();
  const chart = viewScene ? null : readChartForExport(cy, options.scope, annotations);
  const ink = inkOn(pageBackground(options, themeBackground(cy)));
  const chartScene = viewScene ? viewScene(measure, ink) : buildChartScene(chart!, { linkLabels: options.linkLabels, annotations: options.annotations }, measure);
  const itemCount = chart ? chart.nodes.length : chartScene.entityIds.length + chartScene.linkIds.length;
  const sources = options.footnote && (chartScene.entityIds.length > 0 || chartScene.linkIds.length > 0) ? await citedSources(api, chartScene.entityIds, chartScene.linkIds) : [];
  const scene = buildExportScene({ chart: chartScene, sources, themeBackground: themeBackground(cy) }, options, measure);
  const ppu = pixelsPerUnit(options.size);
  let width = Math.ceil(scene.width);
  let height = Math.ceil(scene.height);
  let problem: string | null = null;
  if (isRasterFormat(options.format)) {
    ({ width, height } = rasterSize(scene.width, scene.height, options.size));
    problem = rasterSizeProblem(options.format, width, height);
  }
  if (itemCount === 0) {
    problem = options.scope === 'selection' && chart ? 'Nothing is selected: select entities or links to export, or export the whole chart.' : 'There is nothing to export in that part of the chart.';
  }
  return { scene, width, height, pixelsPerUnit: ppu, dpi: imageDpi(options.size), problem, nodeCount: itemCount };
}

/** A tile's pixels as main takes them: RGBA rows, deflated natively by the browser (no PNG round trip). */
async function deflatedPixels(ctx: CanvasRenderingContext2D, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const pixels = ctx.getImageData(0, 0, width, height).data;
  const stream = new Blob([pixels]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Lets the window paint progress between tiles. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Time spent per phase of the current export (for the benchmark's breakdown). */
let phases: Record<string, number> = {};
function timed<T>(phase: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  if (result instanceof Promise) {
    return result.finally(() => {
      phases[phase] = (phases[phase] ?? 0) + performance.now() - started;
    }) as T;
  }
  phases[phase] = (phases[phase] ?? 0) + performance.now() - started;
  return result;
}

function record(options: ImageExportOptions, prepared: PreparedExport, cy: Core, elapsedMs: number): void {
  const nodes = readChartForExport(cy, options.scope).nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, fill: n.fill }));
  window.__workbenchLastExport = Object.freeze({
    format: options.format,
    width: prepared.width,
    height: prepared.height,
    pixelsPerUnit: prepared.pixelsPerUnit,
    transform: prepared.scene.chart.transform,
    frame: prepared.scene.chart.frame,
    nodes,
    elapsedMs,
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
  });
}

/**
 * Runs an export: SVG and PDF are written by main from the scene; PNG and JPEG are drawn here in
 * tiles (each far inside the canvas limit) and stitched by main as they arrive. main asks where
 * to save before any tile is drawn, and writes the file atomically; the renderer writes nothing.
 */
export async function runExport(
  api: WorkbenchApi,
  cy: Core,
  options: ImageExportOptions,
  suggestedName: string,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
  annotations: readonly ChartAnnotation[] = [],
  viewScene: ViewSceneSource | null = null,
): Promise<ExportOutcome> {
  const started = performance.now();
  phases = {};
  try {
    onProgress({ phase: 'preparing', done: 0, total: 1 });
    const prepared = await timed('scene', () => prepareExport(api, cy, options, annotations, viewScene));
    if (prepared.problem) return { kind: 'failed', message: prepared.problem };
    if (signal.aborted) return { kind: 'cancelled' };

    if (!isRasterFormat(options.format)) {
      onProgress({ phase: 'saving', done: 0, total: 1 });
      const format = options.format;
      const result = await timed('main', () => api['image.saveVector']({ format, scene: JSON.stringify(prepared.scene), suggestedName }));
      if (!result.ok) return result.error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: result.error.message };
      const elapsedMs = performance.now() - started;
      record(options, prepared, cy, elapsedMs);
      return { kind: 'saved', saved: result.value, elapsedMs };
    }
    return await runRaster(api, cy, options, options.format, prepared, suggestedName, onProgress, signal, started);
  } catch (error) {
    if (error instanceof ExportFailed) return { kind: 'failed', message: error.error.message };
    return { kind: 'failed', message: `The image could not be made: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function runRaster(
  api: WorkbenchApi,
  cy: Core,
  options: ImageExportOptions,
  format: RasterFormat,
  prepared: PreparedExport,
  suggestedName: string,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
  started: number,
): Promise<ExportOutcome> {
  const begun = await api['image.begin']({
    format,
    width: prepared.width,
    height: prepared.height,
    dpi: prepared.dpi,
    alpha: prepared.scene.background === null,
    suggestedName,
  });
  if (!begun.ok) return begun.error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: begun.error.message };
  const { jobId, plan } = begun.value;
  const tiles = planTileList(plan);
  const painter = new ScenePainter(prepared.scene, (d) => new Path2D(d));
  const canvas = document.createElement('canvas');
  const cancel = async (): Promise<ExportOutcome> => {
    await api['image.cancel']({ jobId });
    return { kind: 'cancelled' };
  };
  for (const [index, tile] of tiles.entries()) {
    if (signal.aborted) return cancel();
    onProgress({ phase: 'drawing', done: index, total: tiles.length });
    if (canvas.width !== tile.width || canvas.height !== tile.height) {
      canvas.width = tile.width;
      canvas.height = tile.height;
    }
    // Read back every tile: keep the canvas in memory rather than on the GPU.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) {
      await api['image.cancel']({ jobId });
      return { kind: 'failed', message: 'This window could not get a canvas to draw the image on (it may be short of memory).' };
    }
    timed('draw', () => painter.paintTile(ctx, tile, prepared.pixelsPerUnit));
    const pixels = await timed('readback', () => deflatedPixels(ctx, tile.width, tile.height));
    if (signal.aborted) return cancel();
    const sent = await timed('main', () => api['image.tile']({ jobId, column: tile.column, row: tile.row, pixels }));
    if (!sent.ok) return { kind: 'failed', message: sent.error.message };
    // Long exports stay responsive: progress shows, and Cancel is heard.
    if (tiles.length > 1) await nextFrame();
  }
  onProgress({ phase: 'saving', done: tiles.length, total: tiles.length });
  const finished = await timed('main', () => api['image.finish']({ jobId }));
  if (!finished.ok) return { kind: 'failed', message: finished.error.message };
  canvas.width = 0;
  canvas.height = 0;
  const elapsedMs = performance.now() - started;
  record(options, prepared, cy, elapsedMs);
  return { kind: 'saved', saved: finished.value, elapsedMs };
}
