import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHART_WARN_NODES } from '../app/chart/chartScale';
import { chartEntityIds } from '../db/chartMembership';
import { chartPositions, defaultChart } from '../db/charts';
import { getEntity } from '../db/entities';
import { openAnalysis } from './analysisQueries';
import { nodeByLabel } from './chartQueries';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

/*
 * The chart as a view onto the million-row case of issue #14: 1,000,000 entities and about
 * 2,500,000 links (preferential attachment), made by the built CLI's bulk import (about 40 s
 * here; the file is about 1.6 GB), plus a relay linked to more entities than the chart takes
 * without asking. The case opens at once: read-only while SQLite's check runs in the background,
 * then writable.
 */
const ENTITIES = 1_000_000;
const RELAY_LINKS = CHART_WARN_NODES + 100;

function writeScaleCsv(entitiesPath: string, linksPath: string): void {
  let seed = 14;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const entities = ['id,type,label', 'relay,phone,Relay station Tessalit'];
  const links = ['source,target,type'];
  const ends: number[] = [];
  for (let i = 0; i < ENTITIES; i++) {
    entities.push(`e${i},person,Person ${i} of Gao`);
    if (i < RELAY_LINKS) links.push(`relay,e${i},communicates_with`);
    if (i === 0) continue;
    for (let k = 0; k < (i % 2 === 0 ? 2 : 3); k++) {
      const target = ends.length === 0 ? 0 : (ends[Math.floor(random() * ends.length)] as number);
      if (target === i) continue;
      links.push(`e${i},e${target},associated_with`);
      ends.push(i, target);
    }
  }
  writeFileSync(entitiesPath, `${entities.join('\n')}\n`);
  writeFileSync(linksPath, `${links.join('\n')}\n`);
}

const nodeCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __workbenchChart?: { cy: { nodes(): { length: number } } } }).__workbenchChart?.cy.nodes().length ?? -1);

test.use({ startEmpty: true });

test('the million-row case opens with an empty chart; search adds, expand warns past the limit, undo takes it back', async ({ workbench }) => {
  test.setTimeout(600_000);
  const { page } = workbench;
  const casePath = workbench.file('scale.awcase');
  const cli = resolve('dist/main/workbench.cjs');
  writeScaleCsv(workbench.file('entities.csv'), workbench.file('links.csv'));
  execFileSync(process.execPath, [cli, 'init', casePath, '--name', 'Scale'], { stdio: 'pipe' });
  execFileSync(process.execPath, [cli, 'bulk-import', casePath, '--entities', workbench.file('entities.csv'), '--links', workbench.file('links.csv')], {
    stdio: 'pipe',
  });

  await workbench.launch();
  workbench.dialogs.openPaths.push(casePath);
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Open case/ }).click();
  await waitForChart(page);
  // Opens at once, drawing nothing: the case is in the file, the chart is what the analyst puts on it.
  expect(await nodeCount(page)).toBe(0);
  await expect(page.getByText(/Nothing on the chart yet: the case holds 1,000,001 entities/)).toBeVisible();

  // Search the case and put a result on the chart.
  await page.keyboard.press('Control+f');
  await page.getByLabel('Search the case').fill('relay tessalit');
  const hit = page.getByRole('option').filter({ hasText: 'Relay station Tessalit' });
  await expect(hit).toContainText('not on the chart');
  // Reading needs no wait; changing waits for the background check of the file, which the status bar shows.
  const readOnlyMark = page.getByTestId('status-read-only');
  if (await readOnlyMark.isVisible()) await expect(readOnlyMark).toHaveText('Read-only while the file is checked…');
  await expect(readOnlyMark).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByText('The case file has been checked: it can be changed now.')).toBeVisible();
  await hit.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id).length), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(1);
  const relayId = readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id))[0] as string;
  // Select it on the chart, where it now is.
  await page.keyboard.press('Escape');
  const relay = await nodeByLabel(page, 'Relay station Tessalit');
  await page.mouse.click(relay.page.x, relay.page.y);
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText('Relay station Tessalit');

  // The inspector says what is off the chart; expanding shows the count by type and warns past the limit.
  // Counted in the million-row case, not on the chart: allowed the time a loaded CI machine takes.
  await expect(page.getByTestId('off-chart-links')).toContainText(`${RELAY_LINKS.toLocaleString('en')} links lead to ${RELAY_LINKS.toLocaleString('en')} entities not on the chart`, {
    timeout: 30_000,
  });
  // Its links name their other ends from the case (none of them is on the chart), a hundred at a time.
  const links = page.getByRole('region', { name: /^Links/ });
  await expect(links.getByRole('listitem')).toHaveCount(100);
  await expect(links.getByRole('listitem').first()).toContainText('Person 0 of Gao');
  await expect(links).not.toContainText('Unknown entity');
  await links.getByRole('button', { name: /Show 100 more \(5,000 not listed\)/ }).click();
  await expect(links.getByRole('listitem')).toHaveCount(200);
  await page.getByTestId('off-chart-links').getByRole('button', { name: 'Expand…' }).click();
  const dialog = page.getByTestId('chart-scale-dialog');
  await expect(dialog.getByTestId('chart-scale-total')).toContainText(`${RELAY_LINKS.toLocaleString('en')} entities not on the chart yet`);
  await expect(dialog.getByRole('list', { name: 'By type' })).toContainText(`${RELAY_LINKS.toLocaleString('en')}`);
  await expect(dialog.getByTestId('chart-scale-warning')).toContainText(`Past ${CHART_WARN_NODES.toLocaleString('en')} the chart slows down`);
  // Two hops reach further, still counted before anything is added.
  await dialog.getByLabel('Hops').selectOption('2');
  await expect(dialog.getByTestId('chart-scale-total')).not.toContainText(`${RELAY_LINKS.toLocaleString('en')} entities not`);
  await dialog.getByLabel('Hops').selectOption('1');
  await expect(dialog.getByTestId('chart-scale-total')).toContainText(`${RELAY_LINKS.toLocaleString('en')} entities not on the chart yet`);
  await dialog.getByRole('button', { name: `Add all ${RELAY_LINKS.toLocaleString('en')} anyway` }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id).length)).toBe(RELAY_LINKS + 1);
  await expect.poll(() => nodeCount(page), { timeout: 240_000 }).toBe(RELAY_LINKS + 1);
  await waitForChart(page);
  // Drawn beside the relay at once, then laid out in the layout worker and every place saved.
  await expect.poll(() => readCase(casePath, (db) => chartPositions(db, defaultChart(db).id).length), { timeout: 120_000 }).toBe(RELAY_LINKS + 1);
  await expect(page.getByText('Laying out…', { exact: true })).toHaveCount(0);
  const spread = await page.evaluate(() => {
    const cy = (window as unknown as { __workbenchChart: { cy: { nodes(): { boundingBox(): { w: number; h: number } } } } }).__workbenchChart.cy;
    const box = cy.nodes().boundingBox();
    return Math.min(box.w, box.h);
  });
  // Not left in the ring the newcomers are first drawn in round the relay (radius 70, about 170
  // wide with the discs): the layout spread them out (a star of 5,101 lays out about 370 wide).
  expect(spread).toBeGreaterThan(250);

  // An edit on the large chart, then undo it, then undo the expansion: back to the one entity.
  const editor = page.getByTestId('entity-editor');
  await page.getByTestId('inspector').waitFor();
  if (!(await editor.isVisible())) {
    await page.evaluate((id) => (window as unknown as { __workbenchChart: { cy: { getElementById(id: string): { select(): void } } } }).__workbenchChart.cy.getElementById(id).select(), relayId);
  }
  await editor.getByLabel('Label', { exact: true }).fill('Relay station Tessalit (north)');
  await editor.getByLabel('Label', { exact: true }).press('Enter');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, relayId)?.label)).toBe('Relay station Tessalit (north)');
  // Out of the label field (where Ctrl+Z would undo typing) onto the chart, selecting nothing on it.
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, relayId)?.label), { timeout: 30_000 }).toBe('Relay station Tessalit');
  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id).length), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => nodeCount(page), { timeout: 120_000 }).toBe(1);
  // Nothing left the case: only the chart changed.
  expect(readCase(casePath, (db) => db.prepare('SELECT count(*) FROM entities').pluck().get())).toBe(ENTITIES + 1);

  // The third choice: add them all grouped by type, one collapsed group node standing for the 5,100 people.
  const relayAgain = await nodeByLabel(page, 'Relay station Tessalit');
  await page.mouse.click(relayAgain.page.x, relayAgain.page.y);
  await page.getByTestId('off-chart-links').getByRole('button', { name: 'Expand…' }).click();
  await expect(dialog.getByTestId('chart-scale-warning')).toContainText('grouped by type');
  await dialog.getByRole('button', { name: 'Add grouped by type' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id).length)).toBe(RELAY_LINKS + 1);
  const shown = () =>
    page.evaluate(() => {
      type Node = { data(key: string): unknown; visible(): boolean };
      const cy = (window as unknown as { __workbenchChart: { cy: { nodes(selector?: string): { filter(f: (n: Node) => boolean): Node[] } } } }).__workbenchChart.cy;
      return cy
        .nodes()
        .filter((n) => n.visible())
        .map((n) => String(n.data('label')))
        .sort();
    });
  await expect.poll(shown, { timeout: 240_000 }).toEqual(['Relay station Tessalit', `person (${RELAY_LINKS.toLocaleString('en')})`]);
  await openAnalysis(page, 'Groups');
  await expect(page.getByTestId('community-list')).toContainText('person');
  await expect(page.getByTestId('community-list')).toContainText(RELAY_LINKS.toLocaleString('en'));
});
