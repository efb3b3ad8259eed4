import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { openCaseFile } from '../db/caseFile';
import { chartPositions, defaultChart, saveChartPositions } from '../db/charts';
import { insertEntity, listEntities } from '../db/entities';
import { insertLink, listLinks } from '../db/links';
import { prepared } from '../db/types';
import { shownEdges, shownNodes } from './chartQueries';
import { readCase } from './editingQueries';
import { expect, test, type Workbench } from './harness';

/**
 * The chart applies main's deltas: on a chart of 2,000 generated entities (plus the JNIM case), a
 * rename, its undo and its redo change the renamed node and nothing else in Cytoscape (counted
 * from Cytoscape's own events), and the chart shows exactly what the case file holds after them
 * and after an import. The chart has no saved view: it opens fitted to the window.
 */

const GENERATED = 2_000;

/** Adds generated entities, links (each to an earlier one, or two) and positions for every entity, far from the origin. */
function addGeneratedEntities(casePath: string): void {
  const store = openCaseFile(casePath);
  try {
    const db = store.db;
    db.transaction(() => {
      const ids: string[] = [];
      for (let i = 0; i < GENERATED; i += 1) {
        const entity = insertEntity(db, { type: i % 7 === 0 ? 'armed_group' : 'person', label: `Generated ${i}` });
        if (ids.length > 0) insertLink(db, { type: 'associate_of', sourceId: entity.id, targetId: ids[(i * 7919) % ids.length]!, directed: false });
        if (ids.length > 3 && i % 2 === 0) insertLink(db, { type: 'member_of', sourceId: entity.id, targetId: ids[(i * 104729) % ids.length]!, directed: true });
        ids.push(entity.id);
      }
      const chartId = defaultChart(db).id;
      // Every entity placed, on a grid well to the right of the origin; no saved view.
      const positions = listEntities(db).map((e, i) => ({ entityId: e.id, x: 6_000 + (i % 50) * 90, y: 2_000 + Math.floor(i / 50) * 90 }));
      saveChartPositions(db, chartId, positions);
      prepared(db, 'UPDATE charts SET zoom = NULL, pan_x = NULL, pan_y = NULL WHERE id = ?').run(chartId);
    })();
  } finally {
    store.close();
  }
}

/** Launches the app on the case as it stands and waits for its chart to be ready. */
async function launchAndWait(workbench: Workbench): Promise<void> {
  await workbench.launch();
  await workbench.page.locator('body[data-chart-ready="true"]').waitFor({ timeout: 120_000 });
}

/** The generated 2,000 entities added to the case, then the app launched on it with its chart ready. */
async function openGeneratedChart(workbench: Workbench): Promise<void> {
  addGeneratedEntities(workbench.casePath);
  await launchAndWait(workbench);
}

interface CountingWindow {
  __workbenchChart?: { cy: { on(events: string, handler: (event: { target: { id(): string } }) => void): void } };
  __chartEvents?: Record<string, string[]>;
}

/** From now on, records the id of every element Cytoscape reports changed, by event. */
async function countChartEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as CountingWindow;
    if (!w.__workbenchChart) throw new Error('the chart is not mounted');
    if (w.__chartEvents) return;
    const events: Record<string, string[]> = { class: [], data: [], style: [], add: [], remove: [], position: [] };
    w.__chartEvents = events;
    for (const name of Object.keys(events)) w.__workbenchChart.cy.on(name, (event) => events[name]!.push(event.target.id()));
  });
}

async function resetCounts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events = (window as unknown as CountingWindow).__chartEvents!;
    for (const name of Object.keys(events)) events[name] = [];
  });
}

async function counts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as CountingWindow).__chartEvents!);
}

/** The chart shows exactly the entities and links of the case file, with their labels. */
async function expectChartShowsCase(page: Page, casePath: string): Promise<void> {
  const held = readCase(casePath, (db) => ({ entities: listEntities(db), links: listLinks(db) }));
  await expect
    .poll(async () => (await shownNodes(page)).map((n) => `${n.id} ${n.label}`).sort())
    .toEqual(held.entities.map((e) => `${e.id} ${e.label}`).sort());
  expect((await shownEdges(page)).map((e) => `${e.id} ${e.source} ${e.target}`).sort()).toEqual(
    held.links.map((l) => `${l.id} ${l.sourceId} ${l.targetId}`).sort(),
  );
}

async function labelOf(page: Page, id: string): Promise<string> {
  return (await shownNodes(page)).find((n) => n.id === id)?.label ?? '';
}

test('on a 2,000-entity chart a rename, its undo and redo change only the renamed node; an import shows what it brought', async ({ workbench }) => {
  test.setTimeout(240_000);
  const { page, casePath } = workbench;
  await openGeneratedChart(workbench);

  // No saved view: every node is on screen.
  const nodes = await shownNodes(page);
  expect(nodes.length).toBeGreaterThan(GENERATED);
  // Its first frame was the WebGL preview of every entity and link, taken away once Cytoscape drew the chart.
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, { at: m.startTime, detail: (m as PerformanceMark).detail as unknown }])),
  );
  // Drawn from the chart's sketch (chart.sketch), before its data came: every entity and link of it.
  expect(marks['chart-gl-preview']?.detail).toEqual({ nodes: nodes.length, links: (await shownEdges(page)).length, drawer: expect.stringMatching(/^(webgl|canvas)$/), from: 'sketch' });
  expect(marks['chart-first-frame']!.at).toBeLessThan(marks['chart-data']!.at);
  expect(marks['chart-first-frame']!.at).toBeLessThan(marks['chart-ready']!.at);
  await expect(page.locator('canvas.chart-gl-preview')).toHaveCount(0);
  expect(nodes.filter((n) => !n.onScreen).map((n) => n.label)).toEqual([]);

  // Select one generated entity through search (it is centred), then count from a quiet chart.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+f');
  const box = page.getByTestId('search-box');
  await box.getByRole('searchbox').fill('Generated 1234');
  await expect(box.getByRole('option').first()).toContainText('Generated 1234');
  await page.keyboard.press('Enter');
  const title = page.getByTestId('inspector').locator('#inspector-title');
  await expect(title).toHaveText('Generated 1234');
  const target = nodes.find((n) => n.label === 'Generated 1234')!;
  await countChartEvents(page);
  await page.waitForTimeout(500);
  await resetCounts(page);

  const editor = page.getByTestId('entity-editor');
  const label = editor.getByLabel('Label', { exact: true });
  await label.fill('Renamed courier');
  await label.press('Enter');
  await expect.poll(() => labelOf(page, target.id)).toBe('Renamed courier');
  await page.waitForTimeout(500);
  const renamed = await counts(page);
  // The renamed node's data changed; no other element changed data, classes, style, or was added or removed.
  expect(renamed.data).toContain(target.id);
  for (const name of ['data', 'class', 'style', 'add', 'remove', 'position']) {
    expect(renamed[name]!.filter((id) => id !== target.id), `${name} events on other elements`).toEqual([]);
  }
  expect(renamed.class!.length).toBeLessThanOrEqual(2);

  await resetCounts(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => labelOf(page, target.id)).toBe('Generated 1234');
  await page.waitForTimeout(500);
  const undone = await counts(page);
  for (const name of ['data', 'class', 'style', 'add', 'remove', 'position']) {
    expect(undone[name]!.filter((id) => id !== target.id), `${name} events on other elements after undo`).toEqual([]);
  }

  await resetCounts(page);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => labelOf(page, target.id)).toBe('Renamed courier');
  await page.waitForTimeout(500);
  const redone = await counts(page);
  for (const name of ['data', 'class', 'style', 'add', 'remove', 'position']) {
    expect(redone[name]!.filter((id) => id !== target.id), `${name} events on other elements after redo`).toEqual([]);
  }
  await expectChartShowsCase(page, casePath);

  // An import arrives as a delta: the chart adds what it brought, and shows what the file holds.
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /^Import…/ }).click();
  const dialog = page.getByTestId('import-dialog');
  workbench.dialogs.importPaths.push(resolve('../shared/fixtures/graphml/miserables.graphml'));
  await dialog.getByTestId('import-choose-file').click();
  await expect(dialog.getByTestId('count-entities')).toContainText('77 new');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog.getByTestId('report-created')).toContainText('Created 77 entities, 254 links');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectChartShowsCase(page, casePath);
  // Nodes it brought without positions were placed and saved; no other node moved.
  const after = await shownNodes(page);
  for (const n of nodes) {
    const now = after.find((a) => a.id === n.id)!;
    expect(Math.hypot(now.position.x - n.position.x, now.position.y - n.position.y)).toBeLessThan(0.01);
  }
  await expect.poll(() => readCase(casePath, (db) => prepared(db, 'SELECT count(*) FROM chart_nodes').pluck().get())).toBe(after.length);
});

test('on a 2,000-entity chart the wheel zooms in WebGL frames, Cytoscape draws the view once it rests, and the chart is clickable after', async ({ workbench }) => {
  test.setTimeout(180_000);
  const { page } = workbench;
  await openGeneratedChart(workbench);
  await page.evaluate(() => {
    type Counting = { __frames: { gl: number; cytoscape: number }; __workbenchChart: { cy: { on(events: string, f: (e: { type: string }) => void): void } } };
    const w = window as unknown as Counting;
    w.__frames = { gl: 0, cytoscape: 0 };
    w.__workbenchChart.cy.on('glframe render', (e) => (e.type === 'glframe' ? (w.__frames.gl += 1) : (w.__frames.cytoscape += 1)));
  });
  const zoom = () => page.evaluate(() => (window as unknown as { __workbenchChart: { cy: { zoom(): number } } }).__workbenchChart.cy.zoom());
  const before = await zoom();
  const stage = await page.getByTestId('chart').boundingBox();
  await page.mouse.move(stage!.x + stage!.width / 2, stage!.y + stage!.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
  // While the view moves the WebGL layer draws it, over Cytoscape's canvases…
  await expect.poll(() => page.evaluate(() => (window as unknown as { __frames: { gl: number } }).__frames.gl)).toBeGreaterThan(0);
  // …then Cytoscape draws the view it rests at, and the layer goes.
  await expect(page.locator('canvas.chart-gl-preview')).toHaveCount(0);
  const frames = await page.evaluate(() => (window as unknown as { __frames: { gl: number; cytoscape: number } }).__frames);
  expect(frames.cytoscape).toBeGreaterThan(0);
  expect(await zoom()).toBeGreaterThan(before * 1.2);
  // The chart still answers the mouse: a click on an entity selects it.
  const centre = { x: stage!.x + stage!.width / 2, y: stage!.y + stage!.height / 2 };
  const target = (await shownNodes(page))
    .filter((n) => n.onScreen && n.label.startsWith('Generated'))
    .sort((a, b) => Math.hypot(a.page.x - centre.x, a.page.y - centre.y) - Math.hypot(b.page.x - centre.x, b.page.y - centre.y))[0]!;
  await page.mouse.click(target.page.x, target.page.y);
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText(target.label);
});

/** Which elements Cytoscape's own canvas draws in its next frame (ids), and how many elements the chart has. */
async function drawnByCytoscape(page: Page): Promise<{ drawn: string[]; elements: number }> {
  return page.evaluate(async () => {
    interface Ele {
      id(): string;
    }
    interface Renderer {
      drawCachedElement: (this: Renderer, ...args: unknown[]) => void;
    }
    const cy = (window as unknown as { __workbenchChart: { cy: { renderer(): Renderer; elements(): { length: number }; forceRender(): void; one(e: string, f: () => void): void } } }).__workbenchChart.cy;
    const renderer = cy.renderer();
    const own = renderer.drawCachedElement;
    const drawn = new Set<string>();
    renderer.drawCachedElement = function (...args: unknown[]) {
      drawn.add((args[1] as Ele).id());
      own.apply(this, args);
    };
    try {
      const frame = new Promise<void>((resolve) => cy.one('render', () => resolve()));
      cy.forceRender();
      await frame;
    } finally {
      renderer.drawCachedElement = own;
    }
    return { drawn: [...drawn], elements: cy.elements().length };
  });
}

/** The opacity (0–255) of Cytoscape's own node canvas at an entity's centre: whether Cytoscape drew it. */
async function cytoscapeInkAt(page: Page, id: string): Promise<number> {
  return page.evaluate((nodeId) => {
    const cy = (window as unknown as { __workbenchChart: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } } }).__workbenchChart.cy;
    const p = cy.getElementById(nodeId).renderedPosition();
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="chart"] canvas[data-id="layer2-node"]')!;
    const ratio = canvas.width / canvas.clientWidth;
    return canvas.getContext('2d')!.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data[3]!;
  }, id);
}

test('on a 2,000-entity chart at rest WebGL draws the bulk under Cytoscape, which draws only the detail: the selection and its neighbourhood', async ({ workbench }) => {
  test.setTimeout(180_000);
  const { page } = workbench;
  await openGeneratedChart(workbench);
  // Fitted, zoomed out: the layer draws under Cytoscape's canvases, and Cytoscape draws few elements itself.
  await expect(page.locator('canvas.chart-gl-layer').first()).toBeAttached();
  const before = await drawnByCytoscape(page);
  expect(before.elements).toBeGreaterThan(GENERATED * 2);
  expect(before.drawn.length).toBeLessThan(before.elements / 20);

  // A click selects an entity under the mouse as before; Cytoscape then draws it and its neighbourhood over the layer.
  const stage = (await page.getByTestId('chart').boundingBox())!;
  const centre = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  const target = (await shownNodes(page))
    .filter((n) => n.onScreen && n.label.startsWith('Generated'))
    .sort((a, b) => Math.hypot(a.page.x - centre.x, a.page.y - centre.y) - Math.hypot(b.page.x - centre.x, b.page.y - centre.y))[0]!;
  expect(await cytoscapeInkAt(page, target.id)).toBe(0);
  await page.mouse.click(target.page.x, target.page.y);
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText(target.label);
  const neighbourhood = await page.evaluate((id) => {
    const cy = (window as unknown as { __workbenchChart: { cy: { getElementById(id: string): { closedNeighborhood(): { map<T>(f: (e: { id(): string }) => T): T[] } } } } }).__workbenchChart.cy;
    return cy.getElementById(id).closedNeighborhood().map((e) => e.id());
  }, target.id);
  const selected = await drawnByCytoscape(page);
  expect(selected.drawn).toEqual(expect.arrayContaining(neighbourhood));
  expect(selected.drawn.length).toBeLessThan(selected.elements / 20);
  expect(await cytoscapeInkAt(page, target.id)).toBeGreaterThan(0);
  // What is away from the selection is faded by the layer, not by a class on thousands of elements.
  const faded = () => page.evaluate(() => (window as unknown as { __workbenchChart: { cy: { elements(s: string): { length: number } } } }).__workbenchChart.cy.elements('.faded').length);
  expect(await faded()).toBe(0);

  // Zoomed in on it (few entities in view), Cytoscape draws everything in view and the layer goes.
  await page.evaluate((id) => {
    const cy = (window as unknown as { __workbenchChart: { cy: { zoom(o: object): void; getElementById(id: string): { renderedPosition(): { x: number; y: number } } } } }).__workbenchChart.cy;
    cy.zoom({ level: 1.5, renderedPosition: cy.getElementById(id).renderedPosition() });
  }, target.id);
  await expect(page.locator('canvas.chart-gl-layer')).toHaveCount(0);
  const others = (await shownNodes(page)).filter((n) => n.onScreen && !neighbourhood.includes(n.id));
  expect(others.length).toBeGreaterThan(10);
  await expect.poll(() => cytoscapeInkAt(page, others[0]!.id)).toBeGreaterThan(0);
  // Cytoscape draws alone now: it fades what is around the view by class, and only there.
  const fadedInView = () =>
    page.evaluate((ids) => {
      const cy = (window as unknown as { __workbenchChart: { cy: { getElementById(id: string): { hasClass(c: string): boolean } } } }).__workbenchChart.cy;
      return ids.filter((id) => cy.getElementById(id).hasClass('faded')).length;
    }, others.map((n) => n.id));
  await expect.poll(fadedInView).toBe(others.length);
  expect(await faded()).toBeLessThan(before.elements / 2);
});

test('a 2,000-entity chart is built under its preview a slice a task: the window answers meanwhile, and the half-built chart cannot be grabbed or panned', async ({ workbench }) => {
  test.setTimeout(180_000);
  const { page, casePath } = workbench;
  addGeneratedEntities(casePath);
  // From the page's start, a task every few milliseconds samples what Cytoscape holds until the chart is ready.
  await page.addInitScript(() => {
    interface Sampled {
      __workbenchChart?: { cy: { elements(): { length: number }; autoungrabify(): boolean; userPanningEnabled(): boolean } };
      __buildSamples?: { elements: number; grabbable: boolean; panning: boolean; previewShown: boolean }[];
      __previewInk?: { colours: number; inked: number; pixels: number };
    }
    const w = window as unknown as Sampled;
    w.__buildSamples = [];
    const sample = () => {
      // A preview on a 2D canvas (flatPreview.ts): what it drew, once (a WebGL one has no 2D context).
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.chart-gl-preview');
      const context = canvas && !w.__previewInk ? canvas.getContext('2d') : null;
      if (canvas && context) {
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const background = pixels.slice(0, 4).join();
        const colours = new Set<string>();
        let inked = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const colour = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
          if (`${colour},${pixels[i + 3]}` === background) continue;
          inked += 1;
          colours.add(colour);
        }
        w.__previewInk = { colours: colours.size, inked, pixels: pixels.length / 4 };
      }
      const cy = w.__workbenchChart?.cy;
      if (cy) {
        w.__buildSamples!.push({
          elements: cy.elements().length,
          grabbable: !cy.autoungrabify(),
          panning: cy.userPanningEnabled(),
          previewShown: document.querySelector('canvas.chart-gl-preview') !== null,
        });
      }
      if (document.body?.dataset.chartReady !== 'true') setTimeout(sample, 0);
    };
    setTimeout(sample, 0);
  });
  await launchAndWait(workbench);
  const total = await page.evaluate(() => (window as unknown as { __workbenchChart: { cy: { elements(): { length: number } } } }).__workbenchChart.cy.elements().length);
  expect(total).toBeGreaterThan(GENERATED * 2);
  const samples = await page.evaluate(() => (window as unknown as { __buildSamples: { elements: number; grabbable: boolean; panning: boolean; previewShown: boolean }[] }).__buildSamples);
  // Tasks ran between the slices: they saw the chart partly built, several sizes of it, under the preview.
  const partial = samples.filter((s) => s.elements > 0 && s.elements < total);
  expect(new Set(partial.map((s) => s.elements)).size).toBeGreaterThan(3);
  expect(partial.every((s) => s.previewShown)).toBe(true);
  // Meanwhile nothing could be grabbed or panned; once built, it can.
  expect(partial.every((s) => !s.grabbable && !s.panning)).toBe(true);
  const after = await page.evaluate(() => {
    const cy = (window as unknown as { __workbenchChart: { cy: { autoungrabify(): boolean; userPanningEnabled(): boolean; userZoomingEnabled(): boolean; autounselectify(): boolean } } }).__workbenchChart.cy;
    return { grabbable: !cy.autoungrabify(), panning: cy.userPanningEnabled(), zooming: cy.userZoomingEnabled(), selectable: !cy.autounselectify() };
  });
  expect(after).toEqual({ grabbable: true, panning: true, zooming: true, selectable: true });

  // Where WebGL is drawn by the CPU (no GPU, as here), the preview was a 2D canvas: it drew the
  // chart in its colours (entity types and links), not an empty or one-colour picture.
  const { drawer, renderer } = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      drawer: ((performance.getEntriesByName('chart-gl-preview', 'mark')[0] as PerformanceMark | undefined)?.detail as { drawer?: string } | undefined)?.drawer,
      renderer: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '',
    };
  });
  expect(drawer).toBe(/swiftshader|llvmpipe|softpipe|software|basic render driver|warp/i.test(renderer) ? 'canvas' : 'webgl');
  if (drawer === 'canvas') {
    const ink = await page.evaluate(() => (window as unknown as { __previewInk?: { colours: number; inked: number; pixels: number } }).__previewInk);
    expect(ink, 'the 2D preview was sampled').toBeDefined();
    expect(ink!.colours).toBeGreaterThan(3);
    expect(ink!.inked / ink!.pixels).toBeGreaterThan(0.01);
  }
  // And it is the case's chart, whole.
  await expectChartShowsCase(page, casePath);
});

test('"Lay out again" on a 2,000-entity chart (the force layout, in the layout worker) moves and saves the nodes as one undoable step', async ({ workbench }) => {
  test.setTimeout(180_000);
  const { page, casePath } = workbench;
  await openGeneratedChart(workbench);
  const saved = () => readCase(casePath, (db) => new Map(chartPositions(db, defaultChart(db).id).map((p) => [p.entityId, p] as const)));
  const before = saved();
  const moved = () => {
    const now = saved();
    return [...before].filter(([id, p]) => {
      const at = now.get(id);
      return at !== undefined && Math.hypot(at.x - p.x, at.y - p.y) > 1;
    }).length;
  };
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+l');
  const laying = page.getByText('Laying out…', { exact: true });
  await expect(laying).toBeVisible();
  await expect.poll(moved, { timeout: 60_000 }).toBeGreaterThan(before.size / 2);
  await expect(laying).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAccessibleDescription(/Lay out the chart/);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toHaveText('Undone: Lay out the chart');
  await expect.poll(moved, { timeout: 30_000 }).toBe(0);
});

test.describe('a new case', () => {
  test.use({ startEmpty: true });

  test('an import into a new case opens fitted to the window', async ({ workbench }) => {
    const { page } = workbench;
    await workbench.launch();
    const casePath = workbench.file('Fresh.awcase');
    workbench.dialogs.newPaths.push(casePath);
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: /New case/ }).click();
    await expect(page.locator('.chart-empty')).toBeVisible();
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: /^Import…/ }).click();
    const dialog = page.getByTestId('import-dialog');
    workbench.dialogs.importPaths.push(resolve('../shared/fixtures/gexf/les_miserables.gexf'));
    await dialog.getByTestId('import-choose-file').click();
    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByTestId('report-created')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectChartShowsCase(page, casePath);
    await expect.poll(async () => (await shownNodes(page)).filter((n) => !n.onScreen).length).toBe(0);
  });
});
