import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { nodeByLabel } from './chartQueries';
import { selectPassage } from './editingQueries';
import { expect, test, waitForChart } from './harness';

/**
 * The user guide's pictures (docs/guide.md), taken from the real app on the JNIM case at every
 * e2e run so that they show what the app shows today. Each step is also checked, so a picture of
 * a broken screen fails the run instead of going into the guide.
 */

const SHOTS = 'docs/guide';

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('the user guide, step by step, with its pictures', async ({ workbench }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const { page, dialogs } = workbench;
  await workbench.launch();
  await waitForChart(page);

  // 1. Read the chart: select an entity, its evidence is in the inspector.
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await expect(page.getByTestId('inspector').locator('blockquote').first()).toBeVisible();
  await shot(page, '01-read-the-chart');

  // 2. Add an entity: double-click empty canvas (or Ctrl+E).
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+e');
  const create = page.getByTestId('create-entity-dialog');
  await create.getByLabel('Label').fill('Amadou Koufa');
  await shot(page, '02-add-an-entity');
  await create.getByRole('button', { name: /^Create/ }).click();
  await expect(create).toBeHidden();

  // 3. Link two entities: select them in order (Shift-click), press L.
  const koufa = await nodeByLabel(page, 'Amadou Koufa');
  const jnim = await nodeByLabel(page, 'JNIM');
  await page.mouse.click(koufa.page.x, koufa.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(jnim.page.x, jnim.page.y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('l');
  const link = page.getByTestId('create-link-dialog');
  await expect(link.getByTestId('link-preview')).toContainText('Amadou Koufa');
  await shot(page, '03-add-a-link');
  await link.getByRole('button', { name: /^Create/ }).click();
  await expect(link).toBeHidden();

  // 4. Cite a passage: Sources, select the words, Cite.
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await page.getByRole('button', { name: 'Sources' }).click();
  const sources = page.getByTestId('sources-dialog');
  await sources.getByRole('button', { name: /a merger of al-Qaeda affiliates/ }).click();
  await expect(sources.getByTestId('source-text')).toContainText('Iyad ag Ghali');
  await selectPassage(page, 'Iyad ag Ghali');
  await expect(sources.getByRole('button', { name: /Cite on “Iyad ag Ghali”/ })).toBeVisible();
  await shot(page, '04-cite-a-passage');
  await sources.getByRole('button', { name: 'Close' }).click();

  // 5. Add a note on the selected entity.
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('button', { name: 'Add a note' }).click();
  await inspector.getByLabel('Note (Markdown)').fill('**Kidal**, March 2017: named emir of the coalition.');
  await shot(page, '05-add-a-note');
  await inspector.getByRole('button', { name: 'Add note' }).click();
  await expect(inspector.getByTestId('item-notes')).toContainText('Kidal');

  // 6. Run an analysis: Analysis › Measures › Betweenness › Run.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('analysis-panel').getByRole('tab', { name: 'Measures' }).click();
  await page.getByLabel('Measure', { exact: true }).selectOption('betweenness');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('measure-table-row').first()).toContainText('JNIM');
  await shot(page, '06-run-an-analysis');

  // 7. Filter by date: the as-of slider at the end of 2016, before JNIM was founded.
  await page.getByTestId('analysis-panel').getByRole('tab', { name: 'Filters' }).click();
  await page.getByTestId('as-of-slider').fill('59');
  await expect(page.getByTestId('as-of-value')).toHaveText('31 Dec 2016');
  await shot(page, '07-filter-by-date');
  await page.getByTestId('as-of-slider').fill('1000');

  // 7b. The timeline beside the chart (Ctrl+2, then View › Show beside the chart): JNIM selected on it.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Alt+v');
  const jnimOnTimeline = page.getByTestId('timeline-item').filter({ has: page.locator('text', { hasText: /^JNIM$/ }) });
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await jnimOnTimeline.locator('rect').click();
  await expect(jnimOnTimeline).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toContainText('JNIM');
  await shot(page, '10-the-timeline');
  await page.keyboard.press('Alt+v');
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('timeline')).toHaveCount(0);

  // 7c. The map beside the chart (Ctrl+3): the Sahel, the places of the case, Northern Mali selected.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+3');
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('map-svg')).toHaveAttribute('data-outlines', 'ready');
  const northernMali = page.getByTestId('map-marker').filter({ has: page.locator('title', { hasText: /^Northern Mali \(/ }) });
  await northernMali.click();
  await expect(northernMali).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('inspector')).toContainText('Northern Mali');
  await shot(page, '11-the-map');
  await page.keyboard.press('Alt+v');
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('map')).toHaveCount(0);

  // 7d. The table beside the chart (Ctrl+4): sorted by degree, the armed groups selected with Ctrl-click.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+4');
  await page.keyboard.press('Alt+v');
  const table = page.getByTestId('table');
  await table.locator('[data-testid=table-header][data-column=degree]').getByRole('button').click();
  await expect(table.getByTestId('table-row').first().locator('[data-column=label]')).toHaveText('JNIM');
  const armedGroups = table.getByTestId('table-row').filter({ has: page.locator('[data-column=type]', { hasText: /^Armed group$/ }) });
  await armedGroups.nth(0).locator('[data-column=label]').click();
  await armedGroups.nth(1).locator('[data-column=label]').click({ modifiers: ['Control'] });
  await expect(table.locator('[data-testid=table-row][aria-selected=true]')).toHaveCount(2);
  await shot(page, '12-the-table');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+v');
  await page.keyboard.press('Control+1');
  await expect(table).toHaveCount(0);

  // 8. Export an image: File › Export image, with a title and a TLP marking.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+Shift+E');
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByTestId('export-size')).toHaveAttribute('data-ready', 'true');
  await exportDialog.getByLabel('Marking', { exact: true }).selectOption('tlp');
  await shot(page, '08-export-an-image');
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();

  // 9. Import a file: File › Import, a preview before anything is written.
  dialogs.importPaths.push(resolve('../shared/fixtures/stix21/apt1.json'));
  await page.keyboard.press('Control+i');
  const importDialog = page.getByTestId('import-dialog');
  await importDialog.getByTestId('import-choose-file').click();
  await expect(importDialog.getByTestId('count-entities')).toContainText('new');
  await shot(page, '09-import-a-file');
});
