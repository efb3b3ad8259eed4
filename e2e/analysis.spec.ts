import { openCaseFile } from '../db/caseFile';
import { defaultChart } from '../db/charts';
import { pinnedEntities } from '../db/chartPins';
import { listSavedViews } from '../db/savedViews';
import { drawnEdges, drawnNodes, openAnalysis } from './analysisQueries';
import { nodeByLabel, shownEdges } from './chartQueries';
import { expect, test, waitForChart } from './harness';

const FOUNDING = 'founding faction of';

test('betweenness on JNIM: the table ranks JNIM first and the node sizes follow the values', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = new Map((await drawnNodes(page)).map((n) => [n.label, n.width]));

  await openAnalysis(page, 'Measures');
  await page.getByLabel('Measure', { exact: true }).selectOption('betweenness');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const rows = page.getByTestId('measure-table-row');
  await expect(rows.first()).toContainText('JNIM');
  await expect(rows.first()).toContainText(/^1/);
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(page.getByTestId('analysis-legend')).toContainText('Size: Betweenness');

  // Sizes: JNIM is now the largest node, and it grew; an entity with no brokerage shrank.
  await expect.poll(async () => (await drawnNodes(page)).find((n) => n.label === 'JNIM')?.width ?? 0).toBeGreaterThan(before.get('JNIM') ?? 0);
  const after = await drawnNodes(page);
  const jnim = after.find((n) => n.label === 'JNIM')!;
  expect(Math.max(...after.map((n) => n.width))).toBe(jnim.width);
  expect(new Set(after.map((n) => Math.round(n.width))).size).toBeGreaterThan(3);

  // The result says how it was computed.
  await page.getByText('How this was computed').click();
  await expect(page.getByTestId('provenance')).toContainText('nx.betweenness_centrality(G, normalized=True)');
  await expect(page.getByTestId('provenance')).toContainText('All time.');

  // A row selects and centres its entity.
  await rows.nth(1).click();
  await expect.poll(async () => (await page.evaluate(() => document.querySelectorAll('.vtable-row.active').length))).toBe(1);

  // Clear results: the sizes go back.
  await page.getByRole('button', { name: 'Clear results' }).click();
  await expect.poll(async () => (await drawnNodes(page)).find((n) => n.label === 'JNIM')?.width).toBe(before.get('JNIM'));
});

test('two entities picked with click and shift-click: the shortest path is highlighted and the rest dimmed', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Paths');

  const from = await nodeByLabel(page, 'Iyad ag Ghali');
  const to = await nodeByLabel(page, 'Katibat Macina');
  await page.mouse.click(from.page.x, from.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(to.page.x, to.page.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('path-selection')).toContainText('Iyad ag Ghali');
  await expect(page.getByTestId('path-selection')).toContainText('Katibat Macina');

  await page.getByRole('button', { name: 'Shortest path', exact: true }).click();
  const card = page.getByTestId('highlight');
  await expect(card).toContainText('Shortest path');
  await expect(card).toContainText(/\d+ hops?, by hops/);

  const nodes = await drawnNodes(page);
  const hit = nodes.filter((n) => n.classes.includes('aw-hit')).map((n) => n.label);
  expect(hit).toContain('Iyad ag Ghali');
  expect(hit).toContain('Katibat Macina');
  expect(hit.length).toBeGreaterThanOrEqual(2);
  expect(nodes.filter((n) => n.classes.includes('aw-dim')).length).toBe(nodes.length - hit.length);
  const hitEdges = (await drawnEdges(page)).filter((e) => e.classes.includes('aw-hit'));
  expect(hitEdges.length).toBe(hit.length - 1);
  await expect(page.getByTestId('analysis-legend')).toContainText('Shortest path');

  await page.getByRole('button', { name: 'Clear highlight' }).first().click();
  await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.classes.includes('aw-dim')).length).toBe(0);
});

test('the as-of slider at 2016 hides JNIM’s founding links; all time shows them again', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const founding = (await shownEdges(page)).filter((e) => e.label === FOUNDING).map((e) => e.id);
  expect(founding.length).toBe(4);
  await openAnalysis(page, 'Filters');

  const slider = page.getByTestId('as-of-slider');
  // Stops are months from January 2012 (the earliest date in the case); 59 is December 2016.
  await slider.fill('59');
  await expect(page.getByTestId('as-of-value')).toHaveText('31 Dec 2016');
  await expect
    .poll(async () => (await drawnEdges(page)).filter((e) => founding.includes(e.id) && e.visible).length)
    .toBe(0);
  const jnim = (await drawnNodes(page)).find((n) => n.label === 'JNIM')!;
  expect(jnim.visible, 'JNIM itself, founded in March 2017, is not there yet').toBe(false);
  await expect(page.getByTestId('filter-summary')).toContainText('undated');

  // After the founding (March 2017) the links are there.
  await slider.fill('62');
  await expect(page.getByTestId('as-of-value')).toHaveText('31 Mar 2017');
  await expect.poll(async () => (await drawnEdges(page)).filter((e) => founding.includes(e.id) && e.visible).length).toBe(4);

  await slider.fill('1000');
  await expect(page.getByTestId('as-of-value')).toHaveText('All time');
  await expect.poll(async () => (await drawnEdges(page)).filter((e) => !e.visible).length).toBe(0);
});

test('communities colour the chart; one collapses into a group node and expands with its members where they were', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Measures');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('measure-table-row').first()).toContainText('JNIM');
  await openAnalysis(page, 'Groups');
  await page.getByRole('button', { name: 'Find communities' }).click();
  const list = page.getByTestId('community-list');
  await expect(list.locator('li').first()).toBeVisible();
  expect(await list.locator('li').count()).toBeGreaterThan(1);
  await expect(page.getByTestId('analysis-legend')).toContainText('Colour: community');
  const colours = new Set((await drawnNodes(page)).map((n) => n.colour));
  expect(colours.size).toBeGreaterThan(1);

  const before = await drawnNodes(page);
  await list.locator('li').first().getByRole('button', { name: 'Collapse' }).click();
  await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.classes.includes('aw-group')).length).toBe(1);
  const collapsed = await drawnNodes(page);
  const hidden = collapsed.filter((n) => n.classes.includes('aw-collapsed'));
  expect(hidden.length).toBeGreaterThan(1);
  expect(hidden.every((n) => !n.visible)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('analysis-communities-collapsed.png') });

  await list.locator('li').first().getByRole('button', { name: 'Expand' }).click();
  await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.classes.includes('aw-group')).length).toBe(0);
  const expanded = await drawnNodes(page);
  expect(expanded.filter((n) => !n.visible)).toEqual([]);
  expect(expanded.length).toBe(before.length);
  await page.screenshot({ path: test.info().outputPath('analysis-communities.png') });
});

test('a pinned node stays put through a layout; pins and a saved view are in the case file after a restart', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Layout');

  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await page.getByRole('button', { name: 'Pin selected', exact: true }).click();
  await expect.poll(async () => (await drawnNodes(page)).find((n) => n.id === iyad.id)?.classes.includes('aw-pinned')).toBe(true);
  const pinnedAt = (await nodeByLabel(page, 'Iyad ag Ghali')).position;
  const others = await drawnNodes(page);

  await page.getByRole('button', { name: 'Hierarchical (dagre)' }).click();
  await expect(page.locator('body')).not.toHaveAttribute('aria-busy', 'true');
  await expect.poll(async () => page.evaluate(() => document.querySelector('main.chart-area')?.getAttribute('aria-busy'))).toBe('false');
  const after = await nodeByLabel(page, 'Iyad ag Ghali');
  expect(after.position.x).toBeCloseTo(pinnedAt.x, 3);
  expect(after.position.y).toBeCloseTo(pinnedAt.y, 3);
  const jnimBefore = others.find((n) => n.label === 'JNIM')!;
  const jnimAfter = await nodeByLabel(page, 'JNIM');
  expect(jnimAfter.position.x !== 0 || jnimAfter.position.y !== 0).toBe(true);
  expect(jnimBefore.id).toBe(jnimAfter.id);
  await page.screenshot({ path: test.info().outputPath('analysis-hierarchical.png') });

  await page.getByLabel('View name').fill('Hierarchy, all time');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('saved-views')).toContainText('Hierarchy, all time');

  const store = openCaseFile(workbench.casePath, { readonly: true });
  try {
    const chartId = defaultChart(store.db).id;
    expect(pinnedEntities(store.db, chartId)).toEqual([iyad.id]);
    const views = listSavedViews(store.db, chartId);
    expect(views.map((v) => [v.name, v.layout])).toEqual([['Hierarchy, all time', 'hierarchical']]);
  } finally {
    store.close();
  }

  await workbench.restart();
  await waitForChart(page);
  await openAnalysis(page, 'Layout');
  await expect(page.getByTestId('saved-views')).toContainText('Hierarchy, all time');
  await expect.poll(async () => (await drawnNodes(page)).find((n) => n.id === iyad.id)?.classes.includes('aw-pinned')).toBe(true);
  const restarted = await nodeByLabel(page, 'JNIM');
  expect(restarted.position.x).toBeCloseTo(jnimAfter.position.x, 1);
  expect(restarted.position.y).toBeCloseTo(jnimAfter.position.y, 1);
});

test('screenshots: betweenness sizes with the ranking, and a highlighted path', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Measures');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('measure-table-row').first()).toContainText('JNIM');
  await page.screenshot({ path: test.info().outputPath('analysis-betweenness.png') });

  await openAnalysis(page, 'Paths');
  const from = await nodeByLabel(page, 'Iyad ag Ghali');
  const to = await nodeByLabel(page, 'Katibat Macina');
  await page.mouse.click(from.page.x, from.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(to.page.x, to.page.y);
  await page.keyboard.up('Shift');
  await page.getByRole('button', { name: 'Shortest path', exact: true }).click();
  await expect(page.getByTestId('highlight')).toContainText('Shortest path');
  await page.screenshot({ path: test.info().outputPath('analysis-path.png') });

  await openAnalysis(page, 'Filters');
  await page.getByTestId('as-of-slider').fill('59');
  await expect(page.getByTestId('as-of-value')).toHaveText('31 Dec 2016');
  await page.screenshot({ path: test.info().outputPath('analysis-as-of-2016.png') });
});

test('grade sensitivity: degree with all evidence against C2 or better, as a table of rank changes', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Measures');
  await page.getByLabel('Measure', { exact: true }).selectOption('degree');
  await page.getByText('Grade sensitivity').click();
  await page.getByLabel('Sensitivity grade').selectOption('C2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('sensitivity-table-row').first()).toBeVisible();
  await expect(page.getByText(/links rest only on evidence weaker than C2/)).toBeVisible();
  expect(await page.getByTestId('sensitivity-table-row').count()).toBeGreaterThan(10);
  await page.screenshot({ path: test.info().outputPath('analysis-sensitivity.png') });
});
