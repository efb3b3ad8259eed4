import type { Locator } from '@playwright/test';
import { citationsForEntity, citationsForLink, citationsOfSource, getCitation, listCitations } from '../db/citations';
import { linksOfEntity } from '../db/links';
import { historyState } from '../db/history';
import { getSource, listSources } from '../db/sources';
import type { Db } from '../db/types';
import { nodeByLabel } from './chartQueries';
import { edgeStrength, readCase, selectPassage } from './editingQueries';
import { expect, test, waitForChart } from './harness';

const DOCUMENT = [
  'Field report, Mopti region.',
  'Local sources say that in March 2017 Iyad ag Ghali was named emir of the new coalition, with Amadou Koufa as his deputy.',
  'The announcement was made in a video.',
].join('\n\n');
const PASSAGE = 'Iyad ag Ghali was named emir of the new coalition';

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

/**
 * How many elements inside `scope` show `text`, as their own text or as the value of a field; the
 * evidence is left out (a quote may well repeat a name or a figure).
 */
async function timesShown(scope: Locator, text: string): Promise<number> {
  return scope.evaluate((root, wanted) => {
    let count = 0;
    for (const element of root.querySelectorAll('*')) {
      if (element.closest('[data-testid="evidence"]')) continue;
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        if (element.value.includes(wanted)) count++;
        continue;
      }
      const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('');
      if (own.includes(wanted)) count++;
    }
    return count;
  }, text);
}

test('a citation regraded and relocated from the inspector: the case file, its badge and the link strength follow; Ctrl+Z puts it back', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const macina = await nodeByLabel(page, 'Katibat Macina');
  const jnim = await nodeByLabel(page, 'JNIM');
  const link = readCase(casePath, (db) => linksOfEntity(db, macina.id).find((l) => l.targetId === jnim.id && l.type === 'founding_faction_of')!);
  const [citation] = readCase(casePath, (db) => citationsForLink(db, link.id));
  expect(citation).toMatchObject({ credibility: 2, source: { reliability: 'C' } });
  const originalComment = citation!.comment;
  const originalLocator = citation!.locator;
  expect(originalLocator).toMatch(/^para\. \d+, chars \d+–\d+$/);
  // C2 is fair evidence: the link is drawn unconfirmed (dashed) while nobody set its strength by hand.
  expect(link.strength).toBeNull();
  await expect.poll(() => edgeStrength(page, link.id)).toEqual({ strength: 'unconfirmed', lineStyle: 'dashed' });

  // Select the link from the entity's list of links, as the analyst would.
  await page.mouse.click(macina.page.x, macina.page.y);
  const inspector = page.getByTestId('inspector');
  await inspector.locator('.link-row', { has: page.locator('.link-other', { hasText: /^JNIM$/ }) }).locator('.link-verb').click();
  await expect(page.getByTestId('link-editor')).toBeVisible();
  const item = inspector.getByTestId('evidence').locator('li.citation');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('citation-grade')).toHaveText('C2');

  // Keyboard: Enter opens the form with the grade's select focused.
  const regrade = item.getByRole('button', { name: /Regrade/ });
  await regrade.focus();
  await page.keyboard.press('Enter');
  const credibility = item.getByLabel('Credibility');
  await expect(credibility).toBeFocused();
  await expect(credibility.locator('option')).toHaveText([
    '1: Confirmed by other sources',
    '2: Probably true',
    '3: Possibly true',
    '4: Doubtful',
    '5: Improbable',
    '6: Truth cannot be judged',
  ]);
  await credibility.selectOption('5');
  await expect(item).toContainText('Grade C5: Fairly reliable · Improbable');
  // The form starts from the comment the citation has.
  await expect(item.getByLabel('Comment')).toHaveValue(originalComment ?? '');
  // A comment over the limit is refused as it is typed; nothing is sent.
  const comment = item.getByLabel('Comment');
  await comment.fill('x'.repeat(10_001));
  await expect(item.getByRole('alert')).toContainText('A comment can be at most 10,000 characters');
  await expect(item.getByRole('button', { name: 'Save citation' })).toBeDisabled();
  await comment.fill('Only this report says so <b>yet</b>.');
  await expect(item.getByRole('alert')).toHaveCount(0);
  // The locator starts from the one computed from the source text; the analyst writes their own.
  const locator = item.getByLabel('Locator');
  await expect(locator).toHaveValue(originalLocator!);
  await locator.fill('p'.repeat(1_001));
  await expect(item.getByRole('alert')).toContainText('A locator can be at most 1,000 characters; this one has 1,001.');
  await expect(locator).toHaveAttribute('aria-invalid', 'true');
  await expect(item.getByRole('button', { name: 'Save citation' })).toBeDisabled();
  await locator.fill('  p. 4 of the <i>print</i> edition ');
  await expect(item.getByRole('alert')).toHaveCount(0);
  const steps = readCase(casePath, (db) => historyState(db).entries.length);
  await comment.press('Control+Enter');

  await expect.poll(() => readCase(casePath, (db) => getCitation(db, citation!.id))).toMatchObject({
    credibility: 5,
    comment: 'Only this report says so <b>yet</b>.',
    locator: 'p. 4 of the <i>print</i> edition',
  });
  // Grade, comment and locator: one step.
  const history = readCase(casePath, (db) => historyState(db));
  expect(history.entries).toHaveLength(steps + 1);
  expect(history.undoLabel).toMatch(/^Edit citation/);
  await expect(item.getByTestId('citation-grade')).toHaveText('C5');
  await expect(item.locator('.citation-comment')).toHaveText('Comment Only this report says so <b>yet</b>.');
  await expect(item.locator('.citation-locator')).toHaveText('Locator p. 4 of the <i>print</i> edition');
  // C5 is weak evidence: the strength derived from it drops to tentative (short dashes).
  await expect.poll(() => edgeStrength(page, link.id)).toMatchObject({ strength: 'tentative' });
  await expect(regrade).toBeFocused();

  // Cancel changes nothing.
  await regrade.click();
  await item.getByLabel('Credibility').selectOption('1');
  await item.getByLabel('Locator').fill('p. 5');
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByLabel('Credibility')).toHaveCount(0);
  expect(readCase(casePath, (db) => getCitation(db, citation!.id))).toMatchObject({ credibility: 5, locator: 'p. 4 of the <i>print</i> edition' });
  // Saved unchanged: the form closes and no step is recorded.
  await regrade.click();
  await item.getByRole('button', { name: 'Save citation' }).click();
  await expect(item.getByLabel('Credibility')).toHaveCount(0);
  expect(readCase(casePath, (db) => historyState(db).entries.length)).toBe(steps + 1);

  await regrade.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => getCitation(db, citation!.id))).toMatchObject({
    credibility: 2,
    comment: originalComment,
    locator: originalLocator,
  });
  await expect(item.getByTestId('citation-grade')).toHaveText('C2');
  await expect.poll(() => edgeStrength(page, link.id)).toEqual({ strength: 'unconfirmed', lineStyle: 'dashed' });
  await expect(item.locator('.citation-locator')).toHaveText(`Locator ${originalLocator!}`);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => readCase(casePath, (db) => getCitation(db, citation!.id))).toMatchObject({ credibility: 5, locator: 'p. 4 of the <i>print</i> edition' });
  await expect(item.getByTestId('citation-grade')).toHaveText('C5');

  // The passage is still found in its source, though the locator no longer says where.
  await item.getByRole('button', { name: 'Show in source' }).click();
  await expect(page.getByTestId('sources-dialog').getByTestId('cited-passage')).toHaveText(citation!.quote);
});

test('removing a citation says what goes and that the source stays; Ctrl+Z brings it back', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  const before = readCase(casePath, (db) => citationsForEntity(db, iyad.id));
  expect(before.length).toBe(2);
  const removed = before[0]!;
  const sourceCitations = readCase(casePath, (db) => citationsOfSource(db, removed.sourceId).length);
  await page.mouse.click(iyad.page.x, iyad.page.y);

  const evidence = page.getByTestId('inspector').getByTestId('evidence');
  await expect(evidence.locator('li.citation')).toHaveCount(2);
  const item = evidence.locator('li.citation').first();
  await expect(item.locator('blockquote')).toHaveText(removed.quote);
  const dialog = page.getByTestId('remove-citation-dialog');

  // Cancelled: nothing goes.
  await item.getByRole('button', { name: /^Remove/ }).click();
  await expect(dialog).toContainText('from Iyad ag Ghali');
  await expect(dialog).toContainText(`The source “${removed.source.title.slice(0, 20)}`);
  await expect(dialog).toContainText('stays in the case');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(readCase(casePath, (db) => citationsForEntity(db, iyad.id).length)).toBe(2);

  await item.getByRole('button', { name: /^Remove/ }).click();
  await dialog.getByRole('button', { name: 'Remove citation' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readCase(casePath, (db) => getCitation(db, removed.id))).toBeNull();
  expect(readCase(casePath, (db) => citationsForEntity(db, iyad.id).length)).toBe(1);
  // The source stays, with its other citations.
  expect(readCase(casePath, (db) => getSource(db, removed.sourceId))).not.toBeNull();
  expect(readCase(casePath, (db) => citationsOfSource(db, removed.sourceId).length)).toBe(sourceCitations - 1);
  await expect(evidence.locator('li.citation')).toHaveCount(1);
  await expect(evidence.locator('blockquote', { hasText: removed.quote })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => getCitation(db, removed.id))).toMatchObject({
    quote: removed.quote,
    credibility: removed.credibility,
    locator: removed.locator,
    sourceId: removed.sourceId,
  });
  await expect(evidence.locator('li.citation')).toHaveCount(2);
});

/** A source's row and the rows of the citations quoting it, exactly as the file holds them. */
function sourceRows(db: Db, sourceId: string): { source: unknown; citations: unknown[] } {
  return {
    source: db.prepare('SELECT * FROM sources WHERE id = ?').get(sourceId),
    citations: db.prepare('SELECT * FROM citations WHERE source_id = ? ORDER BY id').all(sourceId),
  };
}

test('a quoted source is deleted with its citations after a confirmation that says what goes; Ctrl+Z brings every one back', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const [quoted] = readCase(casePath, (db) => listSources(db));
  const before = readCase(casePath, (db) => sourceRows(db, quoted!.id));
  const quotedBy = before.citations.length;
  expect(quotedBy).toBeGreaterThan(1);
  const cited = readCase(casePath, (db) => citationsOfSource(db, quoted!.id));
  const entities = new Set(cited.filter((c) => c.target.kind === 'entity').map((c) => c.target.id)).size;
  const links = new Set(cited.filter((c) => c.target.kind === 'link').map((c) => c.target.id)).size;
  const allCitations = readCase(casePath, (db) => listCitations(db).length);
  // A link this source alone supports: drawn from its C2 evidence as unconfirmed (dashed).
  const macina = await nodeByLabel(page, 'Katibat Macina');
  const jnim = await nodeByLabel(page, 'JNIM');
  const link = readCase(casePath, (db) => linksOfEntity(db, macina.id).find((l) => l.targetId === jnim.id && l.type === 'founding_faction_of')!);
  expect(readCase(casePath, (db) => citationsForLink(db, link.id)).every((c) => c.sourceId === quoted!.id)).toBe(true);
  await expect.poll(() => edgeStrength(page, link.id)).toEqual({ strength: 'unconfirmed', lineStyle: 'dashed' });

  await page.getByRole('button', { name: 'Sources' }).click();
  const dialog = page.getByTestId('sources-dialog');
  const list = dialog.getByRole('list', { name: 'Sources' });
  await list.getByRole('button', { name: /Jama’at Nasr/ }).click();
  const askToDelete = dialog.getByRole('button', { name: 'Delete source…' });
  await askToDelete.click();
  const panel = dialog.getByTestId('delete-source');
  // Exactly what goes, and what stays.
  await expect(panel).toContainText(
    `also deletes the ${quotedBy} citations that quote it, on ${entities + links} items (${entities} entities and ${links} links). Those entities and links stay`,
  );
  const destroy = panel.getByRole('button', { name: `Delete source and ${quotedBy} citations` });
  await expect(destroy).toBeVisible();
  // The safe choice has the focus: Enter alone deletes nothing.
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(destroy).not.toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(askToDelete).toBeFocused();
  expect(readCase(casePath, (db) => sourceRows(db, quoted!.id))).toEqual(before);

  await askToDelete.click();
  await destroy.click();
  await expect.poll(() => readCase(casePath, (db) => getSource(db, quoted!.id))).toBeNull();
  expect(readCase(casePath, (db) => sourceRows(db, quoted!.id).citations)).toEqual([]);
  expect(readCase(casePath, (db) => listCitations(db).length)).toBe(allCitations - quotedBy);
  expect(readCase(casePath, (db) => historyState(db).undoLabel)).toBe(`Delete the source “${quoted!.title.slice(0, 39)}…” and its ${quotedBy} citations`);
  await expect(dialog.getByRole('status')).toContainText(`and its ${quotedBy} citations.`);
  await expect(list.getByRole('button', { name: /Jama’at Nasr/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Without its evidence the link is tentative (dotted).
  await expect.poll(() => edgeStrength(page, link.id)).toMatchObject({ strength: 'tentative' });

  await page.keyboard.press('Control+z');
  // Every citation back as it was: same ids, grades, comments, locators and times.
  await expect.poll(() => readCase(casePath, (db) => sourceRows(db, quoted!.id))).toEqual(before);
  expect(readCase(casePath, (db) => listCitations(db).length)).toBe(allCitations);
  await expect.poll(() => edgeStrength(page, link.id)).toEqual({ strength: 'unconfirmed', lineStyle: 'dashed' });
  await page.mouse.click(macina.page.x, macina.page.y);
  await expect(page.getByTestId('inspector').getByTestId('evidence').locator('li.citation')).toHaveCount(
    readCase(casePath, (db) => citationsForEntity(db, macina.id).length),
  );
});

test('an unquoted source is deleted alone, and undo brings it back', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.getByRole('button', { name: 'Sources' }).click();
  const dialog = page.getByTestId('sources-dialog');
  const panel = dialog.getByTestId('delete-source');

  // A source nobody quotes.
  await dialog.getByRole('button', { name: '+ Add a source' }).click();
  await dialog.getByLabel('Title').fill('Unused memo');
  await dialog.getByLabel('Reliability').selectOption('E');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect.poll(() => readCase(casePath, (db) => listSources(db).find((s) => s.title === 'Unused memo')?.reliability)).toBe('E');
  const memo = readCase(casePath, (db) => listSources(db).find((s) => s.title === 'Unused memo')!);

  // Its fields can be edited; Cancel keeps them.
  await dialog.getByRole('button', { name: 'Edit source' }).click();
  await dialog.getByLabel('Publisher').fill('Desk');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(readCase(casePath, (db) => getSource(db, memo.id)?.publisher)).toBeNull();

  await dialog.getByRole('button', { name: 'Delete source…' }).click();
  await expect(panel).toContainText('Delete the source “Unused memo”? No citation quotes it.');
  await panel.getByRole('button', { name: 'Delete source', exact: true }).click();
  await expect.poll(() => readCase(casePath, (db) => getSource(db, memo.id))).toBeNull();
  const list = dialog.getByRole('list', { name: 'Sources' });
  await expect(list.getByRole('button', { name: /Unused memo/ })).toHaveCount(0);
  await expect(dialog.getByRole('status')).toContainText('Deleted the source “Unused memo”.');

  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => readCase(casePath, (db) => getSource(db, memo.id))).toMatchObject({ title: 'Unused memo', reliability: 'E' });
  await expect(list.getByRole('button', { name: /Unused memo/ })).toHaveCount(1);

  // The window's own keys redo and undo too (it keeps keys away from the chart otherwise).
  await list.getByRole('button', { name: /Unused memo/ }).focus();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => readCase(casePath, (db) => getSource(db, memo.id))).toBeNull();
  await expect(list.getByRole('button', { name: /Unused memo/ })).toHaveCount(0);
  await list.getByRole('button', { name: /Jama’at Nasr/ }).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => readCase(casePath, (db) => getSource(db, memo.id))).not.toBeNull();
  await expect(list.getByRole('button', { name: /Unused memo/ })).toHaveCount(1);
});

test('the inspector shows an entity’s description, aliases and attributes once each', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const jnim = await nodeByLabel(page, 'JNIM');
  await page.mouse.click(jnim.page.x, jnim.page.y);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('#inspector-title')).toHaveText('JNIM');
  await expect(page.getByTestId('entity-editor')).toBeVisible();

  expect(await timesShown(inspector, 'Umbrella jihadist organisation formed by the merger')).toBe(1);
  expect(await timesShown(inspector, 'the Group to Support Islam and Muslims')).toBe(1);
  expect(await timesShown(inspector, '1,000–2,000')).toBe(1);
  await expect(inspector.locator('p.description')).toHaveCount(0);
  await expect(inspector.getByRole('table', { name: 'Attributes' })).toHaveCount(1);
  await expect(inspector.getByLabel('Description')).toHaveValue(/^Umbrella jihadist organisation/);
});

test('a source document is loaded from a text or HTML file (scripts inert); a binary file is refused and nothing is added', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const sourcesBefore = readCase(casePath, (db) => listSources(db).length);
  await page.getByRole('button', { name: 'Sources' }).click();
  const dialog = page.getByTestId('sources-dialog');
  await dialog.getByRole('button', { name: '+ Add a source' }).click();
  const fileInput = dialog.getByTestId('source-file-input');

  await fileInput.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\u0000\u0001binary') });
  await expect(dialog.getByRole('alert')).toContainText('“scan.pdf” is not a text file');
  await expect(dialog.getByLabel('Document text')).toHaveValue('');

  const html = `<html><head><title>t</title><script>window.__ran = true</script><style>p{}</style></head>
    <body><h1>Field report</h1><p style="color:red">${PASSAGE} &amp; more.</p><img src="http://example.invalid/x.png" onerror="window.__ran = true"></body></html>`;
  await fileInput.setInputFiles({ name: 'mopti-report.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(dialog.getByLabel('Document text')).toHaveValue(/^Field report\n+Iyad ag Ghali was named emir of the new coalition & more\.$/);
  await expect(dialog.getByLabel('Document text')).not.toHaveValue(/script|window\.__ran|<p>/);
  await expect(dialog.getByLabel('Title')).toHaveValue('mopti-report');
  await expect(dialog.getByLabel('Reference')).toHaveValue('mopti-report.html');
  expect(await page.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();

  // A plain-text file replaces it; the title the analyst has by now is kept.
  await dialog.getByLabel('Title').fill('Mopti field report');
  await fileInput.setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(`\uFEFF${DOCUMENT}`) });
  await expect(dialog.getByLabel('Document text')).toHaveValue(DOCUMENT);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect.poll(() => readCase(casePath, (db) => listSources(db).length)).toBe(sourcesBefore + 1);
  const added = readCase(casePath, (db) => listSources(db).find((s) => s.title === 'Mopti field report'));
  expect(added).toMatchObject({ reference: 'mopti-report.html', body: DOCUMENT });
});
