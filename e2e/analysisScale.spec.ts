import { drawnNodes, openAnalysis } from './analysisQueries';
import { expect, test, waitForChart } from './harness';

test('approximate betweenness states its sample and gives each value its standard error', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Measures');
  await page.getByLabel('Measure', { exact: true }).selectOption('betweenness');
  await page.getByText('Approximate', { exact: true }).click();
  await page.getByLabel('Sampled sources').fill('20');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByTestId('approximation')).toContainText(/20 of \d+ entities sampled as sources \(seed 1\)/);
  const first = page.getByTestId('measure-table-row').first();
  await expect(first).toContainText('JNIM');
  await expect(first).toContainText('±');
  await page.getByText('How this was computed').click();
  await expect(page.getByTestId('provenance')).toContainText('k=20, seed=1');

  // Exact again: no ± column, no statement.
  await page.getByText('Approximate', { exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('approximation')).toHaveCount(0);
  await expect(page.getByTestId('measure-table-row').first()).not.toContainText('±');
});

test('connected components colour the chart by web', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await openAnalysis(page, 'Groups');
  await page.getByLabel('Group by').selectOption('components');
  await page.getByRole('button', { name: 'Find components' }).click();
  const list = page.getByTestId('community-list');
  await expect(list.locator('li').first()).toBeVisible();
  await expect(page.getByTestId('analysis-legend')).toContainText('Colour: component');
  // Every drawn entity belongs to a listed component, and the sizes add up to the chart.
  const nodes = (await drawnNodes(page)).filter((n) => !n.classes.includes('aw-group'));
  const sizes = await list.locator('li .section-count').allTextContents();
  expect(sizes.map(Number).reduce((a, b) => a + b, 0)).toBe(nodes.length);
  await page.getByLabel('Group by').selectOption('strong');
  await page.getByRole('button', { name: 'Find components' }).click();
  // Following direction splits the web: more strong components than weak ones.
  await expect.poll(async () => list.locator('li').count()).toBeGreaterThan(sizes.length);
});
