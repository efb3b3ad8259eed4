import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { userInfo } from 'node:os';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChartScene } from '../../app/export/chartScene';
import type { CitedSource } from '../../app/export/footnote';
import type { RasterExportStarted, SavedImage } from '../../app/export/imageChannels';
import { buildExportScene } from '../../app/export/pageLayout';
import type { Scene } from '../../app/export/scene';
import { fullOptions, gridChart } from '../../app/export/testing/syntheticChart';
import { approximateMeasurer } from '../../app/export/text';
import { planTiles } from '../../app/export/tiling';
import { openCaseFile } from '../../db/caseFile';
import { listEntities } from '../../db/entities';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { RecentCases } from '../recentCases';
import { RasterJob } from './rasterJob';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let savePaths: (string | null)[];
let asked: string[];
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
let call: <T>(channel: string, input?: unknown) => Promise<Reply<T>>;

beforeEach(() => {
  tmp = tempFolder('awb-export-');
  session = new CaseSession();
  savePaths = [];
  asked = [];
  const handlers = createHandlers({
    session,
    dialogs: {
      chooseNewCasePath: () => Promise.resolve(null),
      chooseCaseToOpen: () => Promise.resolve(null),
      chooseImageExportPath: (_format, suggested) => {
        asked.push(suggested);
        return Promise.resolve(savePaths.shift() ?? null);
      },
    },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
  });
  call = async <T,>(channel: string, input?: unknown) => (await dispatch(handlers, channel, input, () => undefined)) as Reply<T>;
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

/** A tile as the renderer sends it: RGBA pixels of one colour, deflated; its top-left pixel clear when asked. */
function tile(width: number, height: number, rgba: [number, number, number, number], clearCorner = false): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set(rgba, i * 4);
  if (clearCorner) pixels.set([0, 0, 0, 0], 0);
  return new Uint8Array(deflateSync(pixels));
}

/** The pHYs chunk's pixels per metre (x) and unit, read straight from the file's bytes. */
function pngPhys(bytes: Buffer): { ppm: number; unit: number } | null {
  const at = bytes.indexOf('pHYs', 8, 'latin1');
  return at < 0 ? null : { ppm: bytes.readUInt32BE(at + 4), unit: bytes[at + 12]! };
}

function noTempFiles(): void {
  expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
}

function scene(labels: string[]): Scene {
  const measure = approximateMeasurer();
  const chart = gridChart(labels.length, 180, (i) => labels[i]!);
  return buildExportScene({ chart: buildChartScene(chart, { linkLabels: true, annotations: false }, measure), sources: [], themeBackground: '#fbfbfc' }, fullOptions(), measure);
}

describe('raster exports', () => {
  it('stitches tiles into a PNG of the chosen size and DPI, written atomically', async () => {
    const target = tmp.file('chart.png');
    savePaths.push(target);
    const started = value(await call<RasterExportStarted>('image.begin', { format: 'png', width: 5000, height: 12, dpi: 300, alpha: true, suggestedName: 'JNIM chart' }));
    expect(asked).toEqual(['JNIM chart.png']);
    expect(started.fileName).toBe('chart.png');
    expect(started.plan.columns).toBe(2);
    const { tileWidth } = started.plan;
    expect(value(await call('image.tile', { jobId: started.jobId, column: 0, row: 0, pixels: tile(tileWidth, 12, [200, 0, 0, 255], true) }))).toEqual({ received: 1, total: 2 });
    expect(existsSync(target)).toBe(false);
    value(await call('image.tile', { jobId: started.jobId, column: 1, row: 0, pixels: tile(5000 - tileWidth, 12, [0, 0, 200, 255]) }));
    const saved = value(await call<SavedImage>('image.finish', { jobId: started.jobId }));

    const bytes = readFileSync(target);
    expect(saved).toEqual({ fileName: 'chart.png', bytes: bytes.byteLength });
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([5000, 12]);
    expect(pngPhys(bytes)).toEqual({ ppm: 11811, unit: 1 });
    expect([...png.data.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...png.data.subarray(4, 8)]).toEqual([200, 0, 0, 255]);
    const last = (12 * 5000 - 1) * 4;
    expect([...png.data.subarray(last, last + 4)]).toEqual([0, 0, 200, 255]);
    noTempFiles();
  });

  it('stitches a grid of tiles row by row, and writes RGB for an opaque background', async () => {
    const target = tmp.file('grid.png');
    const plan = planTiles(300, 200, 128);
    expect([plan.columns, plan.rows]).toEqual([3, 2]);
    const job = await RasterJob.start(target, { format: 'png', plan, dpi: 96, alpha: false });
    for (let row = 0; row < plan.rows; row++) {
      for (let column = 0; column < plan.columns; column++) {
        const w = Math.min(plan.tileWidth, 300 - column * plan.tileWidth);
        const h = Math.min(plan.tileHeight, 200 - row * plan.tileHeight);
        await job.addTile(column, row, tile(w, h, [column * 100, row * 100, 50, 255]));
      }
    }
    await job.finish();
    const bytes = readFileSync(target);
    expect(bytes[25]).toBe(2); // colour type: RGB
    const png = PNG.sync.read(bytes);
    const at = (x: number, y: number) => [...png.data.subarray((y * 300 + x) * 4, (y * 300 + x) * 4 + 3)];
    expect(at(0, 0)).toEqual([0, 0, 50]);
    expect(at(299, 0)).toEqual([200, 0, 50]);
    expect(at(150, 199)).toEqual([100, 100, 50]);
    expect(pngPhys(bytes)).toEqual({ ppm: 3780, unit: 1 });
  });

  it('writes a JPEG with its DPI in the JFIF header', async () => {
    const target = tmp.file('chart');
    savePaths.push(target);
    const started = value(await call<RasterExportStarted>('image.begin', { format: 'jpeg', width: 64, height: 48, dpi: 150, alpha: true, suggestedName: 'x' }));
    expect(started.fileName).toBe('chart.jpg');
    value(await call('image.tile', { jobId: started.jobId, column: 0, row: 0, pixels: tile(64, 48, [30, 130, 73, 255]) }));
    value(await call('image.finish', { jobId: started.jobId }));
    const bytes = readFileSync(tmp.file('chart.jpg'));
    expect(bytes.subarray(6, 10).toString('latin1')).toBe('JFIF');
    expect(bytes[13]).toBe(1);
    expect(bytes.readUInt16BE(14)).toBe(150);
    const image = decodeJpeg(bytes, { useTArray: true });
    expect([image.width, image.height]).toEqual([64, 48]);
    expect(Math.abs(image.data[1]! - 130)).toBeLessThan(6);
  });

  it('refuses a size it cannot make before asking where to save', async () => {
    const reply = await call('image.begin', { format: 'png', width: 60_000, height: 60_000, dpi: 600, alpha: false, suggestedName: 'x' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/too large for PNG/);
    expect(asked).toEqual([]);
  });

  it('leaves nothing behind when cancelled, or when a tile comes out of order', async () => {
    savePaths.push(tmp.file('a.png'), tmp.file('b.png'));
    const a = value(await call<RasterExportStarted>('image.begin', { format: 'png', width: 5000, height: 10, dpi: 96, alpha: false, suggestedName: 'a' }));
    value(await call('image.tile', { jobId: a.jobId, column: 0, row: 0, pixels: tile(a.plan.tileWidth, 10, [1, 2, 3, 255]) }));
    expect(value(await call('image.cancel', { jobId: a.jobId }))).toBeNull();
    noTempFiles();
    expect(existsSync(tmp.file('a.png'))).toBe(false);

    const b = value(await call<RasterExportStarted>('image.begin', { format: 'png', width: 5000, height: 10, dpi: 96, alpha: false, suggestedName: 'b' }));
    const wrong = await call('image.tile', { jobId: b.jobId, column: 1, row: 0, pixels: tile(10, 10, [1, 2, 3, 255]) });
    expect(wrong.ok).toBe(false);
    noTempFiles();
    expect((await call('image.finish', { jobId: b.jobId })).ok).toBe(false);
    expect(existsSync(tmp.file('b.png'))).toBe(false);
  });

  it('refuses a tile that inflates to more (or fewer) pixels than the tile holds', async () => {
    savePaths.push(tmp.file('bomb.png'), tmp.file('short.png'));
    const bomb = value(await call<RasterExportStarted>('image.begin', { format: 'png', width: 64, height: 64, dpi: 96, alpha: false, suggestedName: 'a' }));
    const huge = new Uint8Array(deflateSync(new Uint8Array(64 * 64 * 4 * 1000)));
    // A tile is stitched while the next is drawn: a bad one fails the next call (here, finish).
    value(await call('image.tile', { jobId: bomb.jobId, column: 0, row: 0, pixels: huge }));
    const bombed = await call('image.finish', { jobId: bomb.jobId });
    expect(bombed.ok ? null : bombed.error.message).toMatch(/not 64 × 64 deflated RGBA pixels/);
    const short = value(await call<RasterExportStarted>('image.begin', { format: 'png', width: 64, height: 64, dpi: 96, alpha: false, suggestedName: 'b' }));
    value(await call('image.tile', { jobId: short.jobId, column: 0, row: 0, pixels: tile(8, 8, [0, 0, 0, 255]) }));
    const few = await call('image.finish', { jobId: short.jobId });
    expect(few.ok ? null : few.error.message).toMatch(/has 256 bytes of pixels/);
    expect(existsSync(tmp.file('bomb.png'))).toBe(false);
    noTempFiles();
  });

  it('says "cancelled" when the save dialog is dismissed', async () => {
    const reply = await call('image.begin', { format: 'png', width: 10, height: 10, dpi: 96, alpha: false, suggestedName: 'x' });
    expect(reply.ok ? null : reply.error.code).toBe('cancelled');
  });
});

describe('vector exports', () => {
  const labels = ['JNIM', 'Iyad ag Ghali', '<script>alert(1)</script>', 'Katibat Macina', 'al-Murabitoon'];

  it('writes a PDF whose labels are real text', async () => {
    const target = tmp.file('chart.pdf');
    savePaths.push(target);
    const saved = value(await call<SavedImage>('image.saveVector', { format: 'pdf', scene: JSON.stringify(scene(labels)), suggestedName: 'JNIM' }));
    expect(saved.fileName).toBe('chart.pdf');
    const bytes = readFileSync(target);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    // Wrapped labels are one text item per line: joined, they read as the label.
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
    for (const label of [...labels, 'TLP:AMBER', 'JNIM and its founding factions', 'Armed group', 'Analyst One']) expect(text).toContain(label);
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    expect(info.Producer).toBe('Analyst Workbench');
    expect(info.Author).toBe('Analyst One');
    noTempFiles();
  });

  it('writes an SVG from the scene main validated, and neither file holds a local path or user name', async () => {
    savePaths.push(tmp.file('chart.svg'), tmp.file('chart2.pdf'));
    value(await call('image.saveVector', { format: 'svg', scene: JSON.stringify(scene(labels)), suggestedName: '../../etc/passwd' }));
    expect(asked[0]).toBe('.. etc passwd.svg');
    value(await call('image.saveVector', { format: 'pdf', scene: JSON.stringify(scene(labels)), suggestedName: 'x' }));
    const svg = readFileSync(tmp.file('chart.svg'), 'utf8');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script/i);
    const user = userInfo().username;
    for (const file of ['chart.svg', 'chart2.pdf']) {
      const text = readFileSync(tmp.file(file)).toString('latin1');
      expect(text).not.toContain(tmp.dir);
      if (user.length > 2) expect(text).not.toContain(user);
    }
  });

  it('refuses a scene with foreign colours or path data', async () => {
    const bad = scene(['a']);
    bad.symbols = [{ id: 'icon-x', path: 'M0 0" onload="alert(1)' }];
    savePaths.push(tmp.file('bad.svg'));
    const reply = await call('image.saveVector', { format: 'svg', scene: JSON.stringify(bad), suggestedName: 'x' });
    expect(reply.ok ? null : reply.error.code).toBe('invalid_input');
    const colour = scene(['a']);
    colour.background = 'url(https://example.org)';
    expect((await call('image.saveVector', { format: 'svg', scene: JSON.stringify(colour), suggestedName: 'x' })).ok).toBe(false);
  });
});

describe('image.sources', () => {
  it('lists the sources the given items cite, with how many of them cite each', async () => {
    const path = tmp.file('JNIM.awcase');
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path, { readonly: true });
    const ids = listEntities(store.db).map((e) => e.id);
    store.close();
    session.open(path);
    const sources = value(await call<CitedSource[]>('image.sources', { entityIds: ids, linkIds: [] }));
    // The article, and the two gazetteers the located places cite.
    expect(sources.map((s) => s.title).sort()).toEqual([
      'GeoNames gazetteer (cities of 1,000 people or more)',
      'Jama’at Nasr al-Islam wal Muslimin: a merger of al-Qaeda affiliates',
      'Natural Earth admin-0 countries (1:110m)',
    ]);
    expect(sources.find((s) => s.title.startsWith('Jama’at'))!.citedBy).toBeGreaterThan(10);
    expect(value(await call<CitedSource[]>('image.sources', { entityIds: [], linkIds: [] }))).toEqual([]);
  });
});
