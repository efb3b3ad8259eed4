import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { listNotes } from '../db/notes';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

/**
 * The main flow with the keyboard alone, as an analyst who does not use a mouse does it: open a
 * case, find an entity, read its evidence, add a note, run a measure, export an image. No click,
 * no hover: only keys, and Tab to move between controls.
 */

test.use({ startEmpty: true });

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never comes. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('open a case, find an entity, read its evidence, add a note, run a measure, export an image: keyboard only', async ({ workbench }) => {
  const { page, dialogs } = workbench;
  const casePath = workbench.file('Keyboard.awcase');
  execFileSync(process.execPath, [resolve('dist/main/workbench.cjs'), 'init', casePath, '--sample', 'jnim'], { stdio: 'pipe' });
  await workbench.launch();
  await expect(page.getByRole('heading', { name: 'No case open' })).toBeVisible();

  // Open a case: Ctrl+O and the open dialog.
  dialogs.openPaths.push(casePath);
  await page.keyboard.press('Control+o');
  await waitForChart(page);

  // Find an entity: Ctrl+F, type, Enter.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Iyad ag');
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('#inspector-title')).toHaveText('Iyad ag Ghali');

  // Read its evidence: the citations are in the inspector, reachable with Tab.
  await expect(inspector).toContainText('Iyad ag Ghali');
  await expect(inspector.locator('blockquote, .citation-quote').first()).toBeVisible();

  // Add a note: Tab to "Add a note", Enter, type, Ctrl+Enter or Tab to "Add note".
  await tabTo(page, inspector.getByRole('button', { name: 'Add a note' }));
  await page.keyboard.press('Enter');
  const body = inspector.getByLabel('Note (Markdown)');
  await expect(body).toBeFocused();
  await page.keyboard.type('Seen in Kidal, per a keyboard-only analyst.');
  await tabTo(page, inspector.getByRole('button', { name: 'Add note' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => readCase(casePath, (db) => listNotes(db).map((note) => note.body))).toContain('Seen in Kidal, per a keyboard-only analyst.');

  // Run a measure: the Analysis tab (Ctrl+Shift+A), Tab to Run, Enter.
  await page.keyboard.press('Control+Shift+A');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await tabTo(page, run);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('measure-table-row').first()).toContainText(/\S/);
  expect(await page.getByTestId('measure-table-row').count()).toBeGreaterThan(10);

  // Export an image: Ctrl+Shift+E, Tab to Export…, Enter.
  const image = workbench.file('keyboard.png');
  dialogs.imagePaths.push(image);
  await page.keyboard.press('Control+Shift+E');
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog).toBeVisible();
  await tabTo(page, exportDialog.getByRole('button', { name: 'Export…' }));
  await page.keyboard.press('Enter');
  await expect(exportDialog.getByTestId('export-status')).toContainText('Saved keyboard.png', { timeout: 60_000 });
  expect(existsSync(image)).toBe(true);
});
