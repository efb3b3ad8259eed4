import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { nodeByLabel } from './chartQueries';
import { readCase } from './editingQueries';
import type { Page } from '@playwright/test';
import { expect, test, waitForChart } from './harness';

/**
 * The desktop conventions of issue #11 that live in the window: the shortcut list and About
 * (generated from the command registry and main), search as an analyst types it, and application
 * shortcuts that work while a text field has the focus.
 */

interface ChartLike {
  nodes(selector: string): { id(): string; position(): { x: number; y: number } }[] & { map<T>(fn: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] };
}

/** A way (right, left, down, up) in which some other entity lies within 45° of the arrow from `from`. */
const wayWithEntity = (page: Page, from: { id: string; x: number; y: number }) =>
  page.evaluate((from) => {
    const cy = (window as unknown as { __workbenchChart: { cy: ChartLike } }).__workbenchChart.cy;
    const others = cy.nodes(':visible').map((n) => ({ id: n.id(), ...n.position() })).filter((n) => n.id !== from.id);
    const lies = (dx: number, dy: number) => others.some((n) => {
      const along = (n.x - from.x) * dx + (n.y - from.y) * dy;
      const across = Math.abs((n.x - from.x) * dy - (n.y - from.y) * dx);
      return along > 0 && across <= along;
    });
    return lies(1, 0) ? 'right' : lies(-1, 0) ? 'left' : lies(0, 1) ? 'down' : 'up';
  }, from);

const entityCount = (path: string) => readCase(path, (db) => (db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n);

test('Help › Keyboard shortcuts lists every command, searchable; Help › About gives the versions', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+/');
  const list = page.getByTestId('shortcuts-dialog');
  await expect(list).toBeVisible();
  const rows = list.locator('tbody tr[data-command]');
  // Every command of the registry, each once (the palette lists the same registry).
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-command')));
  expect(ids.length).toBeGreaterThan(40);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ['file.new', 'edit.undo', 'chart.fit', 'analysis.communities', 'help.about', 'file.export.graphml']) expect(ids).toContain(id);
  await expect(list.locator('tr[data-command="edit.undo"]')).toContainText('Ctrl+Z');
  await expect(list.locator('tr[data-command="edit.undo"]')).toContainText('Edit');
  await list.getByRole('searchbox', { name: 'Filter shortcuts' }).fill('communities');
  await expect(rows).toHaveCount(2);
  // The first Escape clears the search field (as every search field does), the second closes.
  await page.keyboard.press('Escape');
  await expect(rows).not.toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('about');
  await page.keyboard.press('Enter');
  const about = page.getByTestId('about-dialog');
  await expect(about).toContainText(/SQLite\s*3\.\d+\.\d+/);
  await expect(about).toContainText(new RegExp(`Case format\\s*${LATEST_SCHEMA_VERSION}`));
  await expect(about).toContainText(/Chromium\s*\d+\./);
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
});

test('search: a name without its apostrophes, Enter pressed at once, each hit with its own snippet', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+f');
  const box = page.getByTestId('search-box');
  const field = box.getByRole('searchbox');
  await field.fill('Ghali');
  const options = box.getByRole('option');
  await expect(options.nth(2)).toBeVisible();
  // Each hit shows the passage it was found in (citations of one sentence share it), matched word marked.
  const snippets = await options.locator('.search-snippet').allTextContents();
  expect(new Set(snippets).size).toBeGreaterThan(3);
  for (const snippet of snippets) expect(snippet).toMatch(/Ghali/);

  // Typed (pasted) and Enter at once, before the results of the new text have come.
  await field.fill('Jamaat Nasr');
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText('JNIM');
});

test('Ctrl+F and Ctrl+K work while an inspector field has the focus; Escape reverts, then leaves the field', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const jnim = await nodeByLabel(page, 'JNIM');
  await page.mouse.click(jnim.page.x, jnim.page.y);
  const label = page.getByTestId('inspector').getByLabel('Label', { exact: true });
  await label.click();
  await label.fill('JNIM (typing)');
  await page.keyboard.press('Escape');
  await expect(label).toHaveValue('JNIM');
  await expect(label).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(label).not.toBeFocused();

  await label.click();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-box')).toBeVisible();
  await page.keyboard.press('Escape');
  await label.click();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
});

test('the case’s handling marking: set once, shown top and bottom, kept in the case, the default banner of an image export', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await expect(page.getByTestId('marking-top')).toHaveCount(0);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('handling marking');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('marking-dialog');
  await dialog.getByLabel('Marking').selectOption('tlp');
  await dialog.getByLabel('TLP label').selectOption('RED');
  await dialog.getByRole('button', { name: 'Save marking' }).click();
  await expect(dialog).toBeHidden();
  for (const edge of ['top', 'bottom']) {
    const banner = page.getByTestId(`marking-${edge}`);
    await expect(banner).toHaveText('TLP:RED');
    await expect(banner).toHaveCSS('color', 'rgb(255, 43, 43)');
    await expect(banner).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  }
  // The banners stand at the window's top and bottom edges.
  const viewport = page.viewportSize();
  const top = await page.getByTestId('marking-top').boundingBox();
  const bottom = await page.getByTestId('marking-bottom').boundingBox();
  expect(top?.y).toBe(0);
  expect((bottom?.y ?? 0) + (bottom?.height ?? 0)).toBeCloseTo(viewport?.height ?? 0, 0);

  await workbench.restart();
  await waitForChart(page);
  await expect(page.getByTestId('marking-top')).toHaveText('TLP:RED');
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+Shift+E');
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByLabel('Marking', { exact: true })).toHaveValue('tlp');
  await expect(exportDialog.getByLabel('TLP label')).toHaveValue('RED');
});

test('the arrow keys walk the chart and, with Shift, extend the selection; L links the two in the order chosen', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Iyad ag Ghali');
  await page.keyboard.press('Enter');
  const title = page.getByTestId('inspector').locator('#inspector-title');
  await expect(title).toHaveText('Iyad ag Ghali');
  // The search has finished (its box closed, the chart brought Iyad into view) before the keys walk on.
  await expect(page.getByTestId('search-box')).toBeHidden();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __workbenchChart?: { cy: { animated: () => boolean } } }).__workbenchChart?.cy.animated() ?? true)).toBe(false);
  await page.getByTestId('chart').focus();
  // Each arrow moves to another entity that way (a linked one first). The first layout differs
  // from run to run, so the walk goes the way where an entity lies within 45° of the arrow; the
  // entity left then lies the opposite way from the one reached, so the opposite arrow moves too.
  const selected = () => page.evaluate(() => {
    const cy = (window as unknown as { __workbenchChart: { cy: ChartLike } }).__workbenchChart.cy;
    const node = cy.nodes(':selected')[0];
    return node ? { id: node.id(), ...node.position() } : null;
  });
  const start = await selected();
  expect(start).not.toBeNull();
  const way = await wayWithEntity(page, start!);
  const keys = { right: ['ArrowRight', 'ArrowLeft'], left: ['ArrowLeft', 'ArrowRight'], down: ['ArrowDown', 'ArrowUp'], up: ['ArrowUp', 'ArrowDown'] }[way];
  const axis = way === 'right' || way === 'left' ? 'x' : 'y';
  const sign = way === 'right' || way === 'down' ? 1 : -1;
  await page.keyboard.press(keys[0]!);
  await expect(title).not.toHaveText('Iyad ag Ghali');
  const reached = (await selected())!;
  expect(sign * (reached[axis] - start![axis])).toBeGreaterThan(0);
  const moved = (await title.textContent()) ?? '';
  await page.keyboard.press(keys[1]!);
  await expect(title).not.toHaveText(moved);
  expect(sign * ((await selected())![axis] - reached[axis])).toBeLessThan(0);
  const first = (await title.textContent()) ?? '';
  const extend = { right: 'ArrowRight', left: 'ArrowLeft', down: 'ArrowDown', up: 'ArrowUp' }[await wayWithEntity(page, (await selected())!)];
  await page.keyboard.press(`Shift+${extend}`);
  await expect(page.getByTestId('bulk-editor')).toBeVisible();
  await page.keyboard.press('l');
  const preview = page.getByTestId('create-link-dialog').getByTestId('link-preview');
  await expect(preview.locator('strong').first()).toHaveText(first);
});

test.describe('dropping files on the window', () => {
  test.use({ startEmpty: true });

  test('a dropped case opens; a dropped file to import goes through the usual preview, and nothing is written before it', async ({ workbench }) => {
    const { page } = workbench;
    await workbench.launch();
    await expect(page.getByRole('heading', { name: 'No case open' })).toBeVisible();
    const casePath = workbench.file('Dropped.awcase');
    execFileSync(process.execPath, [resolve('dist/main/workbench.cjs'), 'init', casePath, '--sample', 'jnim'], { stdio: 'pipe' });

    // While files are over the window it says what a drop does; the drop opens the case.
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'Dropped.awcase'));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    });
    await expect(page.getByTestId('drop-target')).toContainText('Drop a case file');
    expect(await workbench.dropFiles([casePath])).toMatchObject({ kind: 'opened' });
    await expect(page.getByTestId('drop-target')).toHaveCount(0);
    await waitForChart(page);

    const graphml = resolve('../shared/fixtures/graphml/miserables.graphml');
    const entitiesBefore = entityCount(casePath);
    expect(await workbench.dropFiles([graphml])).toEqual({ kind: 'importing', name: 'miserables.graphml' });
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog.getByTestId('count-entities')).toContainText('77 new');
    expect(entityCount(casePath)).toBe(entitiesBefore);
    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByTestId('report-created')).toContainText('Created 77 entities');
    await expect.poll(() => entityCount(casePath)).toBe(entitiesBefore + 77);
  });
});
