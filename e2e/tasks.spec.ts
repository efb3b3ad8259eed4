import { writeFileSync } from 'node:fs';
import { openAnalysis } from './analysisQueries';
import { shownNodes } from './chartQueries';
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

test('reading a large import file is listed as a task and stops when asked: nothing is imported; an image export is listed with its outcome', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const nodesBefore = (await shownNodes(page)).length;

  // About 60 MB of i2-style rows: seconds of reading in the import worker.
  const rows = Array.from({ length: 20_000 }, (_, i) => `Person ${i},person,associate_of,Person ${i + 1},person,2020-01-01,B2`).join('\n');
  const big = workbench.file('big.csv');
  writeFileSync(big, `Entity,Type,Link,Entity,Type,Date,Grade\n${Array.from({ length: 40 }, () => rows).join('\n')}\n`);
  workbench.dialogs.importPaths.push(big);
  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-choose-file').click();
  await dialog.getByTestId('import-stop-reading').click();
  await expect(dialog.getByTestId('import-error')).toHaveText('Reading big.csv was cancelled. Nothing was imported.');
  await expect(dialog.getByTestId('import-commit')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('task-indicator').getByRole('button', { name: 'Tasks' }).click();
  const list = page.getByRole('dialog', { name: 'Running and recent tasks' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Import: reading the chosen file' })).toContainText('Cancelled');
  await page.keyboard.press('Escape');
  // Nothing was written: the case and the chart are as they were.
  expect((await shownNodes(page)).length).toBe(nodesBefore);

  // An image export goes through the same list.
  workbench.dialogs.imagePaths.push(workbench.file('chart.png'));
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByTestId('export-size')).toHaveAttribute('data-ready', 'true');
  await exportDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog.getByTestId('export-status')).toContainText('Saved chart.png', { timeout: 60_000 });
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(exportDialog).toBeHidden();
  await page.getByTestId('task-indicator').getByRole('button', { name: 'Tasks' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Export image: PNG' })).toContainText('Finished');
});
