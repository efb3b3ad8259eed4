import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { nodeByLabel } from './chartQueries';
import { expect, test, waitForChart, type Workbench } from './harness';

/**
 * Issue #11, accessibility: axe-core checks every main screen — the chart with the inspector, the
 * analysis tab, the timeline, the map, the table, each dialog — in the light and the dark theme, and the test fails on
 * any serious or critical violation, listed by screen, rule and element.
 */

type Findings = string[];

async function check(page: Page, screen: string, findings: Findings): Promise<void> {
  // Let transitions (Blueprint's dialogs fade in) finish: axe reads colours as they are drawn.
  await page.waitForTimeout(350);
  const results = await new AxeBuilder({ page }).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const targets = violation.nodes.slice(0, 6).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`);
    findings.push(`[${screen}] ${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n      ${targets.join('\n      ')}`);
  }
}

async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill(label);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toBeHidden();
}

async function closeWithEscape(page: Page, testId: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(testId)).toBeHidden();
}

async function everyScreen(workbench: Workbench, theme: 'light' | 'dark'): Promise<Findings> {
  const { page, dialogs } = workbench;
  const findings: Findings = [];
  await page.emulateMedia({ colorScheme: theme });
  await workbench.launch();
  await waitForChart(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

  // The chart with an entity in the inspector.
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await expect(page.getByTestId('inspector').locator('blockquote').first()).toBeVisible();
  await check(page, 'chart with inspector', findings);

  // Adding a note in the inspector.
  await page.getByTestId('inspector').getByRole('button', { name: 'Add a note' }).click();
  await expect(page.getByTestId('inspector').getByLabel('Note (Markdown)')).toBeVisible();
  await check(page, 'note form', findings);

  // The analysis tab, with a measure run.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('analysis-panel').getByRole('tab', { name: 'Measures' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('measure-table-row').first()).toBeVisible();
  await check(page, 'analysis tab', findings);
  await page.getByRole('tab', { name: 'Inspector' }).click();

  // The timeline in front.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await check(page, 'timeline', findings);

  // The map and the table in front.
  await page.keyboard.press('Control+3');
  await expect(page.getByTestId('map-svg')).toHaveAttribute('data-outlines', 'ready');
  await check(page, 'map', findings);
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('table-row').first()).toBeVisible();
  await check(page, 'table', findings);
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await expect(page.getByTestId('table')).toHaveCount(0);

  // The dialogs.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('create-entity-dialog')).toBeVisible();
  await check(page, 'new entity dialog', findings);
  await closeWithEscape(page, 'create-entity-dialog');

  const jnim = await nodeByLabel(page, 'JNIM');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(jnim.page.x, jnim.page.y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('l');
  await expect(page.getByTestId('create-link-dialog')).toBeVisible();
  await check(page, 'link dialog', findings);
  await closeWithEscape(page, 'create-link-dialog');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+Shift+N');
  await expect(page.getByTestId('notes-panel')).toBeVisible();
  await check(page, 'notes dialog', findings);
  await closeWithEscape(page, 'notes-panel');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByTestId('export-dialog').getByTestId('export-size')).toHaveAttribute('data-ready', 'true');
  await check(page, 'export image dialog', findings);
  await closeWithEscape(page, 'export-dialog');

  dialogs.importPaths.push(resolve('../shared/fixtures/stix21/apt1.json'));
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+i');
  await page.getByTestId('import-dialog').getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-dialog').getByTestId('count-entities')).toContainText('new');
  await check(page, 'import preview', findings);
  await closeWithEscape(page, 'import-dialog');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+/');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await check(page, 'keyboard shortcuts', findings);
  await closeWithEscape(page, 'shortcuts-dialog');

  await runFromPalette(page, 'About Analyst Workbench');
  await expect(page.getByTestId('about-dialog')).toContainText('SQLite');
  await check(page, 'about', findings);
  await closeWithEscape(page, 'about-dialog');

  await runFromPalette(page, 'Handling marking');
  await expect(page.getByTestId('marking-dialog')).toBeVisible();
  await check(page, 'marking dialog', findings);
  await closeWithEscape(page, 'marking-dialog');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await check(page, 'command palette', findings);
  await page.keyboard.press('Escape');
  return findings;
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on the main screens, ${theme} theme`, async ({ workbench }) => {
    test.setTimeout(180_000);
    const findings = await everyScreen(workbench, theme);
    expect(findings, `axe found, in the ${theme} theme:\n${findings.join('\n')}`).toEqual([]);
  });
}
