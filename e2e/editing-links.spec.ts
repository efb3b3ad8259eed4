import { getEntity } from '../db/entities';
import { getLink, linksOfEntity, listLinks } from '../db/links';
import { listMergeRecords } from '../db/mergeRecords';
import { nodeByLabel, shownEdges, shownNodes } from './chartQueries';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';
import type { Page } from '@playwright/test';

async function edgeStrength(page: Page, id: string): Promise<unknown> {
  return page.evaluate((edgeId) => {
    const chart = (window as unknown as { __workbenchChart?: { cy: { getElementById(id: string): { data(k: string): unknown; style(k: string): unknown } } } })
      .__workbenchChart;
    const edge = chart!.cy.getElementById(edgeId);
    return { strength: edge.data('strength'), lineStyle: edge.style('line-style') };
  }, id);
}

test('dragging from the link handle to another entity draws a link of the chosen type; the inspector edits and deletes it', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const from = await nodeByLabel(page, 'Iyad ag Ghali');
  const to = await nodeByLabel(page, 'Katibat Macina');
  const before = readCase(casePath, (db) => listLinks(db).length);

  await page.mouse.click(from.page.x, from.page.y);
  const handle = page.getByTestId('link-handle');
  await expect(handle).toBeVisible();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((box.x + to.page.x) / 2, (box.y + to.page.y) / 2, { steps: 4 });
  await page.mouse.move(to.page.x, to.page.y, { steps: 4 });
  await page.mouse.up();

  const dialog = page.getByTestId('create-link-dialog');
  await expect(dialog.getByTestId('link-preview')).toContainText('Iyad ag Ghali');
  await expect(dialog.getByTestId('link-preview')).toContainText('Katibat Macina');
  await dialog.getByLabel('Type').selectOption('funds');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(() => readCase(casePath, (db) => listLinks(db).length)).toBe(before + 1);
  const link = readCase(casePath, (db) => linksOfEntity(db, from.id).find((l) => l.targetId === to.id && l.type === 'funds'))!;
  expect(link.directed).toBe(true);
  await expect.poll(async () => (await shownEdges(page)).some((e) => e.id === link.id)).toBe(true);
  // A new link has no citation: tentative, drawn dotted.
  await expect.poll(() => edgeStrength(page, link.id)).toMatchObject({ strength: 'tentative' });

  // The new link is selected: its editor sets the strength by hand, and swaps its ends.
  const editor = page.getByTestId('link-editor');
  await editor.getByLabel('Strength').selectOption('confirmed');
  await expect.poll(() => readCase(casePath, (db) => getLink(db, link.id)?.strength)).toBe('confirmed');
  await expect.poll(() => edgeStrength(page, link.id)).toEqual({ strength: 'confirmed', lineStyle: 'solid' });
  await editor.getByRole('button', { name: 'Swap ends' }).click();
  await expect.poll(() => readCase(casePath, (db) => getLink(db, link.id)?.sourceId)).toBe(to.id);
  await editor.getByLabel('Strength').selectOption('derived');
  await expect.poll(() => readCase(casePath, (db) => getLink(db, link.id)?.strength)).toBeNull();

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Delete');
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => readCase(casePath, (db) => getLink(db, link.id))).toBeNull();
  await expect.poll(async () => (await shownEdges(page)).some((e) => e.id === link.id)).toBe(false);
});

test('merging two selected entities keeps the chosen one with everything of both, and is undoable', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const a = await nodeByLabel(page, 'Ansar al-Din');
  const b = await nodeByLabel(page, 'al-Murabitoon');
  const linksBefore = readCase(casePath, (db) => linksOfEntity(db, a.id).length + linksOfEntity(db, b.id).length);

  await page.mouse.click(a.page.x, a.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.page.x, b.page.y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+m');
  const dialog = page.getByTestId('merge-dialog');
  // The entity selected first is proposed as the one to keep; either can be chosen.
  await expect(dialog.getByTestId('merge-result')).toContainText('Kept: Ansar al-Din');
  await dialog.getByRole('radio', { name: /^Ansar al-Din/ }).click();
  await expect(dialog.getByTestId('merge-result')).toContainText('Kept: Ansar al-Din');
  await dialog.getByRole('radio', { name: /^al-Murabitoon/ }).click();
  await expect(dialog.getByTestId('merge-result')).toContainText('Kept: al-Murabitoon');
  await expect(dialog.getByTestId('merge-result')).toContainText('Ansar al-Din');
  await dialog.getByRole('button', { name: /Merge into/ }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(() => readCase(casePath, (db) => getEntity(db, a.id))).toBeNull();
  const survivor = readCase(casePath, (db) => getEntity(db, b.id))!;
  expect(survivor.aliases).toContain('Ansar al-Din');
  expect(readCase(casePath, (db) => linksOfEntity(db, b.id).length)).toBeGreaterThanOrEqual(linksBefore - 1);
  expect(readCase(casePath, (db) => listMergeRecords(db).map((r) => [r.survivorId, r.absorbedId]))).toContainEqual([b.id, a.id]);
  await expect(page.getByTestId('edit-toast')).toContainText('Merged');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, a.id)?.label)).toBe('Ansar al-Din');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, b.id)?.aliases.includes('Ansar al-Din'))).toBe(false);
  await expect.poll(async () => (await shownNodes(page)).find((n) => n.label === 'Ansar al-Din')?.id).toBe(a.id);
});
