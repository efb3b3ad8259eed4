import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { drawnEdges, drawnNodes, openAnalysis } from './analysisQueries';
import { nodeByLabel, shownEdges } from './chartQueries';
import { svgTexts } from './exportFixtures';
import { expect, test, waitForChart } from './harness';

const FOUNDING = 'founding faction of';

/** The timeline's axis as the view drew it: its time domain and pixel range, in page coordinates. */
async function axisOf(page: Page): Promise<{ xOf: (iso: string) => number; brushY: number }> {
  const axis = page.getByTestId('timeline-axis');
  const box = (await axis.boundingBox())!;
  const attr = async (name: string) => (await axis.getAttribute(name))!;
  const d0 = Date.parse(await attr('data-domain-start'));
  const d1 = Date.parse(await attr('data-domain-end'));
  const r0 = Number(await attr('data-range-start'));
  const r1 = Number(await attr('data-range-end'));
  // scaleUtc is linear in time: enough to aim the mouse at a date.
  return { xOf: (iso) => box.x + r0 + ((Date.parse(iso) - d0) / (d1 - d0)) * (r1 - r0), brushY: box.y + 11 };
}

interface SelectionWindow {
  __workbenchChart?: { cy: { $(selector: string): { map<T>(fn: (e: { data(key: string): unknown }) => T): T[] } } };
}

/** The labels of what Cytoscape has selected on the chart. */
async function chartSelection(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as SelectionWindow).__workbenchChart!.cy.$(':selected').map((e) => String(e.data('label'))));
}

function timelineItem(page: Page, label: string): Locator {
  return page.getByTestId('timeline-item').filter({ has: page.locator('text', { hasText: new RegExp(`^${label}$`) }) });
}

async function openTimeline(page: Page): Promise<void> {
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test('the JNIM timeline: the founding on 2 March 2017, year-precision items drawn across their year, undated items counted apart', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openTimeline(page);
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');

  const jnim = timelineItem(page, 'JNIM');
  await expect(jnim).toHaveAttribute('data-start', '2017-03-02T00:00:00.000Z');
  const founding = page.getByTestId('timeline-item').filter({ hasText: `${FOUNDING} JNIM` });
  await expect(founding).toHaveCount(4);
  for (const link of await founding.all()) await expect(link).toHaveAttribute('data-start', '2017-03-02T00:00:00.000Z');

  // A year is a band from 1 January to the next 1 January, as wide on screen as the axis's year.
  const years = page.locator('[data-testid=timeline-item][data-precision=year]');
  expect(await years.count()).toBeGreaterThan(3);
  const year = years.first();
  await expect(year).toHaveClass(/\bband\b/);
  const start = (await year.getAttribute('data-start'))!;
  expect(start).toMatch(/-01-01T00:00:00.000Z$/);
  const { xOf } = await axisOf(page);
  const nextYear = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`;
  const rect = (await year.locator('rect').boundingBox())!;
  expect(Math.abs(rect.x - xOf(start))).toBeLessThan(1.5);
  expect(Math.abs(rect.width - (xOf(nextYear) - xOf(start)))).toBeLessThan(1.5);

  // Undated items are listed and counted: dated plus undated is every entity and link on the chart.
  const dated = await page.getByTestId('timeline-item').evaluateAll((items) => new Set(items.map((i) => i.getAttribute('data-id'))).size);
  const undated = Number((await page.getByTestId('timeline-undated-count').textContent())!.replace(/\D/g, ''));
  expect(undated).toBeGreaterThan(0);
  const nodes = (await drawnNodes(page)).length;
  const edges = (await drawnEdges(page)).length;
  expect(dated + undated).toBe(nodes + edges);
  await page.screenshot({ path: test.info().outputPath('timeline.png') });
});

test('brushing 2016 on the timeline hides the founding links on the chart, as the as-of slider at the end of 2016 does', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const founding = (await shownEdges(page)).filter((e) => e.label === FOUNDING).map((e) => e.id);
  expect(founding).toHaveLength(4);
  const visibleFounding = async () => (await drawnEdges(page)).filter((e) => founding.includes(e.id) && e.visible).length;

  await openTimeline(page);
  const { xOf, brushY } = await axisOf(page);
  await page.mouse.move(xOf('2016-01-01T06:00:00Z'), brushY);
  await page.mouse.down();
  await page.mouse.move(xOf('2016-07-01T00:00:00Z'), brushY, { steps: 4 });
  await page.mouse.move(xOf('2016-12-31T18:00:00Z'), brushY, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-period')).toContainText('2016-01-01 to 2016-12-31');
  await expect.poll(visibleFounding).toBe(0);
  await expect(page.locator('[data-testid=timeline-item].faded').filter({ hasText: `${FOUNDING} JNIM` })).toHaveCount(4);

  // The analysis filters show the same period: there is one date filter, not two.
  await openAnalysis(page, 'Filters');
  await expect(page.getByTestId('as-of-period')).toContainText('from 1 Jan 2016 to 31 Dec 2016');

  // The slider stands at the period's end; moved to November and back to December 2016, it replaces
  // the period with that day, and the founding links stay hidden.
  await page.getByTestId('as-of-slider').fill('58');
  await page.getByTestId('as-of-slider').fill('59');
  await expect(page.getByTestId('as-of-value')).toHaveText('31 Dec 2016');
  await expect(page.getByTestId('as-of-period')).toHaveCount(0);
  await expect(page.getByTestId('timeline-period')).toHaveText(/As of 2016-12-31/);
  await expect(page.getByTestId('timeline-as-of')).toHaveCount(1);
  expect(await visibleFounding()).toBe(0);

  // Clearing on the timeline clears the filter everywhere.
  await page.getByTestId('timeline-period').getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('as-of-value')).toHaveText('All time');
  await expect.poll(visibleFounding).toBe(4);
});

test('selecting on the timeline selects on the chart and in the inspector, and selecting on the chart selects on the timeline', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openTimeline(page);
  // Beside the chart, so both can be clicked.
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('chart')).toBeVisible();

  await timelineItem(page, 'JNIM').locator('rect').click();
  await expect(page.getByTestId('inspector')).toContainText('Jama’at Nasr al-Islam wal Muslimin');
  await expect.poll(() => chartSelection(page)).toEqual(['JNIM']);
  await expect(timelineItem(page, 'JNIM')).toHaveAttribute('aria-selected', 'true');

  // On the chart (fitted to its half of the window with F while it has the focus): Iyad ag Ghali
  // has no dates, so the timeline's undated list shows him selected.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await expect.poll(() => chartSelection(page)).toEqual(['Iyad ag Ghali']);
  await expect(page.getByTestId('inspector')).toContainText('Iyad ag Ghali');
  await expect(page.getByRole('complementary', { name: 'Undated items' }).getByRole('button', { name: /Iyad ag Ghali/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(timelineItem(page, 'JNIM')).toHaveAttribute('aria-selected', 'false');

  // The keyboard: focus the timeline, Home selects the earliest item and the right arrow the next one in time.
  await page.getByRole('application', { name: /^Timeline:/ }).focus();
  await page.keyboard.press('Home');
  const first = await page.locator('[data-testid=timeline-item][aria-selected=true]').first().getAttribute('data-start');
  await page.keyboard.press('ArrowRight');
  const second = await page.locator('[data-testid=timeline-item][aria-selected=true]').first().getAttribute('data-start');
  expect(Date.parse(second!)).toBeGreaterThanOrEqual(Date.parse(first!));
  await expect.poll(async () => (await chartSelection(page)).length).toBe(1);
});

test('the view in front is remembered, lanes by entity show an entity’s dated links, and zoom reaches days', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openTimeline(page);
  await page.getByLabel('Lanes', { exact: true }).selectOption('entity');
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes.first()).toHaveAttribute('data-lane', /^lane:/);
  await expect(page.locator('.timeline-lane-label').first()).toHaveText(/JNIM/);

  // Zooming in from the whole case to a few days: the axis ticks name days.
  const axis = page.getByTestId('timeline-axis');
  const spanDays = async () => (Date.parse((await axis.getAttribute('data-domain-end'))!) - Date.parse((await axis.getAttribute('data-domain-start'))!)) / 86_400_000;
  expect(await spanDays()).toBeGreaterThan(365 * 5);
  for (let i = 0; i < 30; i += 1) await page.getByRole('button', { name: 'Zoom the timeline in' }).click();
  expect(await spanDays()).toBeLessThan(10);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  expect(await spanDays()).toBeGreaterThan(365 * 5);

  await workbench.restart();
  await waitForChart(page);
  await expect(page.getByTestId('timeline')).toBeVisible();
});

test('File › Export image with the timeline in front writes the timeline, with the banner, title and legend', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openTimeline(page);
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('SVG').check();
  await dialog.getByLabel('Title', { exact: true }).fill('JNIM over time');
  const target = workbench.file('timeline.svg');
  workbench.dialogs.imagePaths.push(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByTestId('export-status')).toContainText('Saved timeline.svg', { timeout: 60_000 });
  expect(workbench.dialogs.suggestedImageNames).toEqual(['JNIM and its network timeline.svg']);

  const texts = svgTexts(readFileSync(target, 'utf8')).texts.map((t) => t.replace(/\s+/g, ' '));
  expect(texts).toContain('JNIM over time');
  // The timeline's lanes, axis years and items, not the chart: lane names and a founding link's label.
  expect(texts).toContain('Armed groups');
  expect(texts).toContain('2016');
  expect(texts.some((t) => t.includes('founding faction of JNIM'))).toBe(true);
  expect(texts).toContain('Armed group');
});
