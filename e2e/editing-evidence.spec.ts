import type { Page } from '@playwright/test';
import { citationsForEntity } from '../db/citations';
import { listSources } from '../db/sources';
import { nodeByLabel } from './chartQueries';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

const DOCUMENT = [
  'Field report, Mopti region.',
  'Local sources say that in March 2017 Iyad ag Ghali was named emir of the new coalition, with Amadou Koufa as his deputy.',
  'The announcement was made in a video.',
].join('\n\n');
const PASSAGE = 'Iyad ag Ghali was named emir of the new coalition';

/** Selects a passage of the shown document with the mouse-up the analyst's drag ends with. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.getByTestId('source-text').evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error('passage not in the document');
  }, passage);
}

test('a new source, a passage selected in its text and cited on an entity; the inspector jumps back to it', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  const citationsBefore = readCase(casePath, (db) => citationsForEntity(db, iyad.id).length);

  await page.getByRole('button', { name: 'Sources' }).click();
  const dialog = page.getByTestId('sources-dialog');
  await dialog.getByRole('button', { name: '+ Add a source' }).click();
  // A source needs a title.
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A source needs a title.');
  await dialog.getByLabel('Title').fill('Field report <i>Mopti</i>');
  await dialog.getByLabel('Author').fill('Analyst desk');
  await dialog.getByLabel('Date').fill('2017-03');
  await dialog.getByLabel('Reference').fill('FR-2017-031');
  await dialog.getByLabel('Reliability').selectOption('B');
  await dialog.getByLabel('Document text').fill(DOCUMENT);
  await dialog.getByRole('button', { name: 'Add source' }).click();

  await expect.poll(() => readCase(casePath, (db) => listSources(db).find((s) => s.title === 'Field report <i>Mopti</i>')?.reliability)).toBe('B');
  const source = readCase(casePath, (db) => listSources(db).find((s) => s.title === 'Field report <i>Mopti</i>')!);
  expect(source).toMatchObject({ author: 'Analyst desk', publishedDate: '2017-03', reference: 'FR-2017-031', body: DOCUMENT });

  await expect(dialog.getByTestId('source-text')).toContainText('named emir');
  await selectPassage(page, PASSAGE);
  await dialog.getByLabel('Credibility').selectOption('2');
  await dialog.getByRole('button', { name: /Cite on “Iyad ag Ghali”/ }).click();
  await expect(dialog.getByRole('status')).toContainText('B2');

  await expect.poll(() => readCase(casePath, (db) => citationsForEntity(db, iyad.id).length)).toBe(citationsBefore + 1);
  const citation = readCase(casePath, (db) => citationsForEntity(db, iyad.id).find((c) => c.sourceId === source.id)!);
  expect(citation.quote).toBe(PASSAGE);
  expect(citation.credibility).toBe(2);

  await dialog.getByRole('button', { name: 'Close' }).click();
  const inspector = page.getByTestId('inspector');
  const item = inspector.locator('li.citation', { hasText: PASSAGE });
  await expect(item).toContainText('B2');
  await item.getByRole('button', { name: 'Show in source' }).click();
  await expect(dialog.getByTestId('cited-passage')).toHaveText(PASSAGE);
});
