import type { Locator, Page } from '@playwright/test';
import { unpackChartData, type PackedChartData } from '../app/chartWire';
import { nodeByLabel } from './chartQueries';
import { APP_ORIGIN, expect, test, waitForChart } from './harness';

interface LoadedChart {
  entities: { id: string; label: string; type: string }[];
  links: { id: string; sourceId: string; targetId: string }[];
}
interface ApiWindow {
  workbench: { 'chart.load': () => Promise<{ ok: boolean; value: PackedChartData }> };
  __workbenchChart?: { cy: { $(selector: string): { map<T>(fn: (e: { data(key: string): unknown }) => T): T[] }; getElementById(id: string): { data(key: string): unknown } } };
}

/** The chart as main hands it to the renderer (`chart.load`, packed on the wire), read beside the app, not through the table. */
async function loadChart(page: Page): Promise<LoadedChart> {
  const packed = await page.evaluate(async () => {
    const result = await (window as unknown as ApiWindow).workbench['chart.load']();
    if (!result.ok) throw new Error('chart.load failed');
    return result.value;
  });
  const chart = unpackChartData(packed);
  return { entities: chart.entities, links: chart.links };
}

async function chartSelection(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ApiWindow).__workbenchChart!.cy.$(':selected').map((e) => String(e.data('label'))));
}

async function chartLabel(page: Page, id: string): Promise<string> {
  return page.evaluate((nodeId) => String((window as unknown as ApiWindow).__workbenchChart!.cy.getElementById(nodeId).data('label')), id);
}

async function openTable(page: Page): Promise<void> {
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('table')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
}

function rowByLabel(page: Page, label: string): Locator {
  return page.getByTestId('table-row').filter({ has: page.locator('[data-column=label]', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }) });
}

/** The TSV on the clipboard, as a spreadsheet would read it back (no field here holds a tab or line break). */
async function clipboardRows(page: Page): Promise<string[][]> {
  const text = await page.evaluate(() => navigator.clipboard.readText());
  return text.trimEnd().split('\n').map((line) => line.split('\t'));
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
});

test('the table sorts the JNIM entities by degree, JNIM first, in the order the links of chart.load give', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const chart = await loadChart(page);
  const degree = new Map(chart.entities.map((e) => [e.label, chart.links.filter((l) => l.sourceId === e.id || l.targetId === e.id).length]));

  await openTable(page);
  await expect(page.getByTestId('table-count')).toHaveText(`${chart.entities.length} of ${chart.entities.length} entities shown`);
  const header = page.locator('[data-testid=table-header][data-column=degree]');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('table-row').first().locator('[data-column=label]')).toHaveText('JNIM');
  await page.screenshot({ path: test.info().outputPath('table.png') });

  // Every row, in the table's order: Ctrl+A selects them all, Ctrl+C copies them.
  await page.getByTestId('table-grid').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('table-notice')).toHaveText(`Copied ${chart.entities.length} rows as TSV`);
  const [head, ...rows] = await clipboardRows(page);
  const labelAt = head!.indexOf('Label');
  const degreeAt = head!.indexOf('Degree');
  expect(rows).toHaveLength(chart.entities.length);
  const shown = rows.map((r) => ({ label: r[labelAt]!, degree: Number(r[degreeAt]) }));
  for (const row of shown) expect(row.degree, row.label).toBe(degree.get(row.label));
  for (let i = 1; i < shown.length; i += 1) expect(shown[i - 1]!.degree).toBeGreaterThanOrEqual(shown[i]!.degree);
  expect(shown[0]!.label).toBe('JNIM');
  expect(shown[0]!.degree).toBe(Math.max(...degree.values()));

  // Clicked again, the order reverses.
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('table-row').first().locator('[data-column=degree]')).toHaveText(String(Math.min(...degree.values())));
});

test('filtering by type keeps the armed groups; rows selected with Ctrl and Shift are selected on the chart, and back', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const chart = await loadChart(page);
  const armed = chart.entities.filter((e) => e.type === 'armed_group').map((e) => e.label);
  expect(armed.length).toBeGreaterThan(2);

  await openTable(page);
  await page.getByTestId('table-filter-type').click();
  await page.getByTestId('table-set-filter-type').locator('label', { hasText: /^Armed group \d+$/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('table-count')).toHaveText(`${armed.length} of ${chart.entities.length} entities shown`);
  const types = await page.locator('[data-testid=table-row] [data-column=type]').allTextContents();
  expect(new Set(types)).toEqual(new Set(['Armed group']));
  const labels = await page.locator('[data-testid=table-row] [data-column=label]').allTextContents();
  expect([...labels].sort()).toEqual([...armed].sort());

  // Beside the chart, so both show: click the first, Ctrl-click the third, Shift-click the second.
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('chart')).toBeVisible();
  const [first, second, third] = labels as [string, string, string];
  await rowByLabel(page, first).locator('[data-column=label]').click();
  await rowByLabel(page, third).locator('[data-column=label]').click({ modifiers: ['Control'] });
  await expect.poll(async () => (await chartSelection(page)).sort()).toEqual([first, third].sort());
  await rowByLabel(page, second).locator('[data-column=label]').click({ modifiers: ['Shift'] });
  await expect.poll(async () => (await chartSelection(page)).sort()).toEqual([third, second].sort());
  await expect(rowByLabel(page, second)).toHaveAttribute('aria-selected', 'true');
  await expect(rowByLabel(page, first)).toHaveAttribute('aria-selected', 'false');

  // From the keyboard: Down moves and selects, Shift+Down extends; Enter shows the row on the chart.
  await page.getByTestId('table-grid').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await chartSelection(page)).sort()).toEqual([first, second].sort());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chart')).toBeFocused();
  await expect.poll(async () => (await chartSelection(page)).sort()).toEqual([first, second].sort());

  // Selecting on the chart selects in the table (the inspector shows the same element).
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => chartSelection(page)).toEqual([]);
  await expect(page.locator('[data-testid=table-row][aria-selected=true]')).toHaveCount(0);
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  const node = await nodeByLabel(page, third);
  await page.mouse.click(node.page.x, node.page.y);
  await expect.poll(() => chartSelection(page)).toEqual([third]);
  await expect(rowByLabel(page, third)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid=table-row][aria-selected=true]')).toHaveCount(1);
  await expect(page.getByTestId('inspector')).toContainText(third);
});

test('a label edited in the table renames the entity on the chart; Ctrl+Z restores it in both; bad input is refused with a reason', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const chart = await loadChart(page);
  const jnim = chart.entities.find((e) => e.label === 'JNIM')!;

  await openTable(page);
  const cell = rowByLabel(page, 'JNIM').locator('[data-column=label]');
  await cell.dblclick();
  const editor = page.getByTestId('table-cell-editor');
  await expect(editor).toHaveValue('JNIM');
  // An empty label is refused with the inspector's sentence; nothing is saved.
  await editor.fill('   ');
  await editor.press('Enter');
  await expect(page.getByTestId('table-cell-problem')).toHaveText('An entity needs a label.');
  await expect(editor).toBeVisible();
  // Escape puts it back.
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(cell).toHaveText('JNIM');
  expect(await chartLabel(page, jnim.id)).toBe('JNIM');

  // F2 on the cell under the cursor edits it; Enter saves.
  await cell.click();
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await editor.fill('JNIM (renamed)');
  await editor.press('Enter');
  await expect(rowByLabel(page, 'JNIM (renamed)')).toHaveCount(1);
  await expect.poll(() => chartLabel(page, jnim.id)).toBe('JNIM (renamed)');
  await expect(page.getByTestId('table-grid')).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(rowByLabel(page, 'JNIM')).toHaveCount(1);
  await expect(rowByLabel(page, 'JNIM (renamed)')).toHaveCount(0);
  await expect.poll(() => chartLabel(page, jnim.id)).toBe('JNIM');

  // An attribute cell saves like the inspector's attribute field (the inspector shows the new value).
  await cell.click();
  await page.getByTestId('table-grid').focus();
  const character = page.locator('[data-testid=table-header][data-column="attr:Character"]');
  await expect(character).toHaveCount(1);
  const characterColumn = Number(await character.getAttribute('aria-colindex')) - 1;
  for (let i = 0; i < characterColumn; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('F2');
  await editor.fill('Sahelian jihadist coalition');
  await editor.press('Enter');
  await expect(rowByLabel(page, 'JNIM').locator('[data-column="attr:Character"]')).toHaveText('Sahelian jihadist coalition');
  await expect(page.getByTestId('inspector')).toContainText('Sahelian jihadist coalition');

  // A date that is not one is refused on the Links tab too, and Escape leaves the link as it was.
  await page.getByRole('tab', { name: /^Links/ }).click();
  // Read the first row only once the grid shows links (the entities' rows linger for a frame).
  await expect(page.getByTestId('table-grid')).toHaveAttribute('aria-label', /^Links on the chart/);
  await expect(page.getByTestId('table-row').first().locator('[data-column=from]')).toHaveCount(1);
  // That row by its id: the rows may be re-sorted while the edit is refused.
  const linkId = await page.getByTestId('table-row').first().getAttribute('data-row-id');
  const firstLink = page.locator(`[data-testid=table-row][data-row-id="${linkId}"]`);
  const before = await firstLink.locator('[data-column=start]').textContent();
  await firstLink.locator('[data-column=start]').dblclick();
  await editor.fill('2 March 2017');
  await editor.press('Enter');
  await expect(page.getByTestId('table-cell-problem')).toHaveText('Write a date as 2017, 2017-03 or 2017-03-02 (or leave it empty).');
  await editor.press('Escape');
  await expect(firstLink.locator('[data-column=start]')).toHaveText(before ?? '');
});

test('Ctrl+C copies the selected rows as TSV, header first, visible columns only', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const chart = await loadChart(page);
  const degree = (label: string) => {
    const id = chart.entities.find((e) => e.label === label)!.id;
    return chart.links.filter((l) => l.sourceId === id || l.targetId === id).length;
  };

  await openTable(page);
  await page.getByTestId('table-filter-label').fill('Ansar');
  const ansar = chart.entities.filter((e) => e.label.toLowerCase().includes('ansar'));
  expect(ansar.length).toBeGreaterThan(0);
  await expect(page.getByTestId('table-count')).toHaveText(`${ansar.length} of ${chart.entities.length} entities shown`);
  const labels = await page.locator('[data-testid=table-row] [data-column=label]').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  await rowByLabel(page, labels[0]!).locator('[data-column=label]').click();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('table-notice')).toHaveText('Copied 1 row as TSV');
  const [head, row] = await clipboardRows(page);
  expect(head!.slice(0, 8)).toEqual(['Label', 'Type', 'Grade', 'Start', 'End', 'Degree', 'Citations', 'Notes']);
  expect(row![0]).toBe(labels[0]);
  expect(Number(row![5])).toBe(degree(labels[0]!));

  // The window's own Copy (Edit › Copy in the native menu) copies the same rows while the table has the focus.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await page.getByTestId('table-grid').focus();
  expect(await page.evaluate(() => document.execCommand('copy'))).toBe(true);
  expect((await clipboardRows(page))[1]![0]).toBe(labels[0]);

  // A hidden column is not copied; the Edit menu's command copies the same rows.
  await page.getByRole('button', { name: 'Columns…' }).click();
  await page.locator('.table-columns-menu').locator('label', { hasText: /^Grade$/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Copy selected' }).click();
  await expect.poll(async () => (await clipboardRows(page))[0]!.slice(0, 3)).toEqual(['Label', 'Type', 'Start']);
});
