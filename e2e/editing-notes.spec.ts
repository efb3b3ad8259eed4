import { listNotes } from '../db/notes';
import { nodeByLabel } from './chartQueries';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

const HOSTILE = [
  '## Assessment',
  '',
  'Koufa is **probably** the deputy. <img src=x onerror="window.__pwned=1"> <b>bold?</b>',
  '',
  '<script>window.__pwned = 2</script>',
  '',
  '- see [the report](https://example.org/report) and [this](javascript:window.__pwned=3)',
].join('\n');

test('a Markdown note on an entity is rendered as text only; the notes panel filters and jumps to its entity', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);

  const notes = page.getByTestId('item-notes');
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('alert')).toContainText('A note needs some text.');
  await notes.getByLabel('Note (Markdown)').fill(HOSTILE);
  await notes.getByLabel('Author').fill('Desk <i>A</i>');
  await notes.getByLabel('Credibility').selectOption('3');
  await notes.getByRole('button', { name: 'Add note' }).click();

  await expect.poll(() => readCase(casePath, (db) => listNotes(db).find((n) => n.body === HOSTILE)?.author)).toBe('Desk <i>A</i>');
  const note = notes.locator('li.note').first();
  await expect(note.locator('strong')).toHaveText('probably');
  await expect(note).toContainText('<script>window.__pwned = 2</script>');
  await expect(note).toContainText('<b>bold?</b>');
  await expect(note).toContainText('(https://example.org/report)');
  await expect(note).toContainText('credibility 3');
  expect(await note.locator('script, img, a, b').count()).toBe(0);
  const url = page.url();
  await note.getByText('the report').click();
  await note.getByText('this', { exact: true }).click();
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // A 1 MB note is kept whole and shown as a preview.
  const big = `# Long log\n\n${'Convoy sighted near Ménaka. '.repeat(40_000)}`.slice(0, 1_048_576);
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByLabel('Note (Markdown)').fill(big);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => readCase(casePath, (db) => listNotes(db).find((n) => n.body.startsWith('# Long log'))?.body.length), { timeout: 15_000 }).toBe(big.length);
  await expect(notes.getByRole('button', { name: /Show all \(1024 KB\)/ })).toBeVisible();

  // The notes panel: filter, then jump to the entity.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  const panel = page.getByTestId('notes-panel');
  await panel.getByLabel('Filter notes').fill('deputy');
  await expect(panel.locator('li.note')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Iyad ag Ghali' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText('Iyad ag Ghali');
});

test('Ctrl+F finds an entity by an alias and selects it; Ctrl+K lists every command with its shortcut', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+f');
  const box = page.getByTestId('search-box');
  await box.getByRole('searchbox').fill('JTIC');
  const first = box.getByRole('option').first();
  await expect(first).toContainText('IHS Jane’s');
  await expect(first.locator('mark').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toContainText('IHS Jane’s');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toContainText('Undo');
  await expect(palette).toContainText('Ctrl+Z');
  await palette.getByRole('combobox').fill('new entity');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('create-entity-dialog')).toBeVisible();
});
