import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { nodeByLabel } from './chartQueries';
import { svgTexts } from './exportFixtures';
import { APP_ORIGIN, expect, test, waitForChart } from './harness';

interface SelectionWindow {
  __workbenchChart?: { cy: { $(selector: string): { map<T>(fn: (e: { data(key: string): unknown }) => T): T[] } } };
}

/** The labels of what Cytoscape has selected on the chart. */
async function chartSelected(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as SelectionWindow).__workbenchChart!.cy.$(':selected').map((e) => String(e.data('label'))));
}

async function openMap(page: Page): Promise<void> {
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+3');
  await expect(page.getByTestId('map')).toBeVisible();
  await expect(page.getByTestId('map-svg')).toHaveAttribute('data-outlines', 'ready');
}

/** The marker whose entities include the one labelled `label` (alone or in a cluster). */
function markerOf(page: Page, label: string): Locator {
  return page.getByTestId('map-marker').filter({ has: page.locator('title', { hasText: new RegExp(`(^|: |, )${label}( \\(|,|$)`) }) });
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.locator('.map-marker-disc').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Whether a screen point is inside a country's outline as drawn (the browser's own hit test of the path). */
async function countryAt(page: Page, point: { x: number; y: number }): Promise<string | null> {
  return page.evaluate(({ x, y }) => {
    const svg = document.querySelector('[data-testid=map-svg]') as SVGSVGElement;
    const origin = svg.getBoundingClientRect();
    for (const path of document.querySelectorAll<SVGPathElement>('[data-testid=map-country]')) {
      const matrix = path.getScreenCTM()!.inverse();
      const local = new DOMPoint(x, y).matrixTransform(matrix);
      if (path.isPointInFill(local)) return path.dataset.name ?? null;
    }
    void origin;
    return null;
  }, point);
}

test('the JNIM map: Mali, Burkina Faso and Niger with the sample’s places on them, opened on the Sahel, and no request leaves the machine', async ({ workbench }) => {
  const { page } = workbench;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await workbench.launch();
  await waitForChart(page);
  await openMap(page);

  for (const name of ['Mali', 'Burkina Faso', 'Niger']) await expect(page.getByRole('img', { name, exact: true })).toHaveCount(1);
  // The places stand in their countries, as the browser hit-tests the drawn outlines.
  await expect(markerOf(page, 'Northern Mali')).toHaveCount(1);
  expect(await countryAt(page, await centreOf(markerOf(page, 'Northern Mali')))).toBe('Mali');
  expect(await countryAt(page, await centreOf(markerOf(page, 'Gao')))).toBe('Mali');
  expect(await countryAt(page, await centreOf(markerOf(page, 'Ouagadougou')))).toBe('Burkina Faso');
  expect(await countryAt(page, await centreOf(markerOf(page, 'Western regions of Niger')))).toBe('Niger');
  // Opened on the Sahel: Gao is on screen, France and the United States are off it.
  const frame = (await page.getByTestId('map-svg').boundingBox())!;
  const onScreen = async (label: string) => {
    const c = await centreOf(markerOf(page, label));
    return c.x >= frame.x && c.x <= frame.x + frame.width && c.y >= frame.y && c.y <= frame.y + frame.height;
  };
  expect(await onScreen('Gao')).toBe(true);
  expect(await onScreen('France')).toBe(false);
  expect(await onScreen('United States')).toBe(false);
  // Entities at the same place gather into one marker with a count.
  await expect(markerOf(page, 'Gao')).toHaveAttribute('data-count', /^[3-9]$/);
  await expect(page.getByTestId('map-unlocated')).toContainText(/\d+ entities have no location/);

  // The map follows the theme: the land is drawn dark when the system is dark.
  const landFill = () => page.getByRole('img', { name: 'Mali', exact: true }).evaluate((path) => getComputedStyle(path).fill);
  const light = await landFill();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(landFill).not.toBe(light);
  const [r, g, b] = (await landFill()).match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(3 * 128);

  expect(requested.length).toBeGreaterThan(0);
  const offMachine = requested.filter((url) => !(url.startsWith(`${APP_ORIGIN}/`) || /^(file|data|blob):/.test(url)));
  expect(offMachine).toEqual([]);
});

test('selecting on the map selects on the chart and in the inspector, and selecting on the chart shows on the map', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openMap(page);
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('chart')).toBeVisible();
  await expect(page.getByTestId('map-svg')).toHaveAttribute('data-outlines', 'ready');

  await markerOf(page, 'Northern Mali').click();
  await expect.poll(() => chartSelected(page)).toEqual(['Northern Mali']);
  await expect(page.getByTestId('inspector')).toContainText('Northern Mali');
  await expect(markerOf(page, 'Northern Mali')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  const mauritania = await nodeByLabel(page, 'Mauritania');
  await page.mouse.click(mauritania.page.x, mauritania.page.y);
  await expect.poll(() => chartSelected(page)).toEqual(['Mauritania']);
  await expect(markerOf(page, 'Mauritania')).toHaveAttribute('aria-pressed', 'true');
  await expect(markerOf(page, 'Northern Mali')).toHaveAttribute('aria-pressed', 'false');

  // The keyboard: Tab from the map reaches a marker, Enter selects it.
  await markerOf(page, 'Northern Mali').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => chartSelected(page)).toEqual(['Northern Mali']);
});

test('a location edited in the inspector moves the marker, and Ctrl+Z puts it back', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openMap(page);
  const marker = markerOf(page, 'Northern Mali');
  await marker.click();
  // The marker's place on the map: the group holding it, its badge and its label.
  const place = marker.locator('xpath=..');
  const before = await place.getAttribute('transform');
  const editor = page.getByTestId('location-editor');
  await expect(editor.getByLabel('Latitude')).toHaveValue('16.77348');

  await editor.getByLabel('Latitude').fill('200');
  await expect(editor.getByRole('alert')).toContainText('A latitude is a number of degrees from -90 (south) to 90 (north).');
  await editor.getByLabel('Latitude').fill('19.5');
  await editor.getByLabel('Longitude').fill('-1.5');
  await editor.getByRole('button', { name: 'Set location' }).click();
  await expect(place).not.toHaveAttribute('transform', before!);
  expect(await countryAt(page, await centreOf(marker))).toBe('Mali');

  await page.getByRole('application', { name: /^Map:/ }).focus();
  await page.keyboard.press('Control+z');
  await expect(place).toHaveAttribute('transform', before!);
  await expect(editor.getByLabel('Latitude')).toHaveValue('16.77348');
});

test('File › Export image with the map in front writes the map, with its title and legend', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openMap(page);
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('SVG').check();
  await dialog.getByLabel('Title', { exact: true }).fill('JNIM in the Sahel');
  const target = workbench.file('map.svg');
  workbench.dialogs.imagePaths.push(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByTestId('export-status')).toContainText('Saved map.svg', { timeout: 60_000 });
  expect(workbench.dialogs.suggestedImageNames).toEqual(['JNIM and its network map.svg']);

  const texts = svgTexts(readFileSync(target, 'utf8')).texts.map((t) => t.replace(/\s+/g, ' '));
  expect(texts).toContain('JNIM in the Sahel');
  expect(texts).toContain('Northern Mali');
  expect(texts).toContain('Place');
});
