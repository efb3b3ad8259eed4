import { openAnalysis } from './analysisQueries';
import { expect, test, waitForChart } from './harness';

test('a layout is listed in the status-bar task list and finishes there; the list opens and closes by keyboard', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  // Nothing has run yet: no indicator takes room in the status bar.
  await expect(page.getByTestId('task-indicator')).toHaveCount(0);

  await openAnalysis(page, 'Layout');
  await page.getByRole('button', { name: 'Hierarchical (dagre)' }).click();
  const indicator = page.getByTestId('task-indicator');
  await expect(indicator).toBeVisible();
  await expect.poll(async () => page.evaluate(() => document.querySelector('main.chart-area')?.getAttribute('aria-busy'))).toBe('false');

  // Keyboard only: the command opens the list with focus inside it; Escape closes it and focus returns.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('show running tasks');
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: 'Running and recent tasks' });
  await expect(list).toBeFocused();
  const row = list.getByRole('listitem').filter({ hasText: 'Layout: hierarchical' });
  await expect(row).toContainText('Finished');
  // A layout cannot be stopped half-way, so it never offers a Cancel it could not honour.
  await expect(row.getByRole('button', { name: /Cancel/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(indicator.getByRole('button', { name: 'Tasks' })).toBeFocused();
});
