import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_PARSE_LIMITS } from '../app/interchange/graph';
import { decodeGraphml } from '../app/interchange/graphml';
import { openCaseFile } from '../db/caseFile';
import { exportCaseDocument } from '../db/exportCase';
import { expect, test, waitForChart } from './harness';

/** What the case file holds, read as another program would (read-only). */
function caseContents(path: string) {
  const store = openCaseFile(path, { readonly: true });
  try {
    const doc = exportCaseDocument(store.db);
    return { entities: doc.entities, links: doc.links, sources: doc.sources };
  } finally {
    store.close();
  }
}

async function openImport(page: Page) {
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /^Import…/ }).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

const uuid = (n: number) => `aaaaaaaa-bbbb-4ccc-8ddd-${String(n).padStart(12, '0')}`;
const stamp = '2024-05-01T10:00:00.000Z';

/** A STIX 2.1 bundle naming two groups already in the JNIM case (one by another spelling) and a new one. */
function mergeBundle(): string {
  const common = { spec_version: '2.1', created: stamp, modified: stamp };
  return JSON.stringify({
    type: 'bundle',
    id: `bundle--${uuid(1)}`,
    objects: [
      { ...common, type: 'intrusion-set', id: `intrusion-set--${uuid(2)}`, name: 'Ansar Dine' },
      { ...common, type: 'intrusion-set', id: `intrusion-set--${uuid(3)}`, name: 'AQIM' },
      { ...common, type: 'intrusion-set', id: `intrusion-set--${uuid(4)}`, name: 'Katibat Serma Test Cell' },
      {
        ...common,
        type: 'relationship',
        id: `relationship--${uuid(5)}`,
        relationship_type: 'attributed-to',
        source_ref: `intrusion-set--${uuid(4)}`,
        target_ref: `intrusion-set--${uuid(2)}`,
      },
    ],
  });
}

test.describe('into a new, empty case', () => {
  test.use({ startEmpty: true });

  test('File › Import previews Les Misérables (77 entities, 254 links), imports it, and the case file holds them', async ({ workbench }) => {
    const { page } = workbench;
    await workbench.launch();
    const casePath = workbench.file('Imported.awcase');
    workbench.dialogs.newPaths.push(casePath);
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: /New case/ }).click();
    await expect(page.locator('.chart-empty')).toBeVisible();

    const dialog = await openImport(page);
    workbench.dialogs.importPaths.push(resolve('../shared/fixtures/graphml/miserables.graphml'));
    await dialog.getByTestId('import-choose-file').click();
    await expect(dialog.getByTestId('count-entities')).toContainText('77 new');
    await expect(dialog.getByTestId('count-links')).toContainText('254 new');
    // What the import will create: the file as a source, and its citation of each entity and link.
    await expect(dialog.getByTestId('count-evidence')).toContainText('1 source · 331 citations');
    await expect(dialog.getByTestId('entities-create')).toContainText('Valjean');
    expect(caseContents(casePath).entities).toHaveLength(0);

    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByTestId('report-created')).toContainText('Created 77 entities, 254 links');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await waitForChart(page);

    const held = caseContents(casePath);
    expect(held.entities).toHaveLength(77);
    expect(held.links).toHaveLength(254);
    expect(held.entities.map((e) => e.label)).toContain('Myriel');
    // The file is recorded as a source of what it created.
    expect(held.sources.map((s) => s.title).join(' ')).toContain('miserables.graphml');

    // The import is one step: Ctrl+Z takes all of it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => caseContents(casePath).entities.length).toBe(0);
    expect(caseContents(casePath).sources).toHaveLength(0);
  });
});

test('a STIX bundle shows possible duplicates; the analyst merges one, skips the other, and the new group comes in', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = caseContents(workbench.casePath);
  const bundle = workbench.file('groups.stix.json');
  writeFileSync(bundle, mergeBundle());

  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  workbench.dialogs.importPaths.push(bundle);
  await dialog.getByTestId('import-choose-file').click();
  // Both match groups already in the case (Ansar Dine by transliteration), but as another type:
  // the preview proposes new entities and lists the matches; the analyst merges one and skips the other.
  const matches = dialog.getByTestId('entities-candidates');
  await expect(matches).toContainText('Ansar Dine');
  await expect(matches).toContainText('Ansar al-Din');
  await expect(matches.getByLabel('Import Ansar Dine as')).toHaveValue('create');
  await matches.getByLabel('Import Ansar Dine as').selectOption({ label: 'Merge into Ansar al-Din (armed_group)' });
  await matches.getByLabel('Import AQIM as').selectOption('skip');
  await expect(dialog.getByTestId('count-entities')).toContainText('1 new · 1 merged · 1 skipped (with your choices)');
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });
  await dialog.getByTestId('import-commit').click();
  await expect(dialog.getByTestId('report-merged')).toContainText('Merged 1 entity');
  await expect(dialog.getByTestId('report-skipped')).toContainText('1 entity,');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const after = caseContents(workbench.casePath);
  const labels = after.entities.map((e) => e.label);
  expect(after.entities).toHaveLength(before.entities.length + 1);
  expect(labels).toContain('Katibat Serma Test Cell');
  expect(labels).not.toContain('Ansar Dine');
  expect(labels.filter((l) => l === 'AQIM')).toHaveLength(1);
  expect(after.links).toHaveLength(before.links.length + 1);
});

test('a malformed file shows why, with line and column, and the case is unchanged', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = caseContents(workbench.casePath);
  const broken = workbench.file('broken.graphml');
  writeFileSync(broken, '<?xml version="1.0"?>\n<graphml>\n  <graph edgedefault="directed">\n    <node id="a">\n  </graph>\n</graphml>\n');

  const dialog = await openImport(page);
  workbench.dialogs.importPaths.push(broken);
  await dialog.getByTestId('import-choose-file').click();
  const error = dialog.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/line \d+/i);
  await expect(dialog.getByTestId('import-commit')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const after = caseContents(workbench.casePath);
  expect(after.entities).toHaveLength(before.entities.length);
  expect(after.links).toHaveLength(before.links.length);
  expect(after.sources).toHaveLength(before.sources.length);
});

test('File › Export case writes the JNIM case as GraphML where the save dialog says, and it reads back', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const held = caseContents(workbench.casePath);
  const target = workbench.file('jnim-out.graphml');
  workbench.dialogs.exportPaths.push(target);

  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export case/ }).click();
  const dialog = page.getByTestId('export-case-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /^GraphML/ }).check();
  await dialog.getByTestId('export-start').click();
  await expect(dialog.getByTestId('export-done')).toContainText(target);
  // The save dialog was asked once, with the case's name to suggest.
  expect(workbench.dialogs.suggestedExportNames).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  expect(existsSync(target)).toBe(true);
  const graph = decodeGraphml(readFileSync(target, 'utf8'), DEFAULT_PARSE_LIMITS);
  expect(graph.entities).toHaveLength(held.entities.length);
  expect(graph.links).toHaveLength(held.links.length);
  expect(graph.entities.map((e) => e.label)).toContain('JNIM');
});

test('a CSV file is imported with the analyst’s column mapping (header names, a fixed type, a separator)', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = caseContents(workbench.casePath);
  const csv = workbench.file('contacts.csv');
  writeFileSync(csv, 'Leader;Group;Seen\nTest Person One;Test Front A;2023-04-02\nTest Person Two;Test Front A;2023-05-09\n');

  const dialog = await openImport(page);
  await dialog.getByLabel('Format').selectOption('csv');
  const mapping = dialog.getByTestId('csv-mapping');
  await mapping.getByLabel('Separator').selectOption({ label: 'Semicolon' });
  await mapping.getByLabel('Source entity', { exact: true }).fill('Leader');
  await mapping.getByLabel('Source type', { exact: true }).fill('');
  await mapping.getByLabel('Source type if no column').fill('person');
  await mapping.getByLabel('Link type', { exact: true }).fill('');
  await mapping.getByLabel('Link type if no column').fill('leads');
  await mapping.getByLabel('Target entity', { exact: true }).fill('Group');
  await mapping.getByLabel('Target type', { exact: true }).fill('');
  await mapping.getByLabel('Target type if no column').fill('armed_group');
  await mapping.getByLabel('Date').fill('Seen');
  await mapping.getByLabel('Grade (e.g. B2)').fill('');
  workbench.dialogs.importPaths.push(csv);
  await mapping.getByTestId('csv-apply').click();
  await expect(dialog.getByTestId('count-entities')).toContainText('3 new');
  await expect(dialog.getByTestId('count-links')).toContainText('2 new');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog.getByTestId('report-created')).toContainText('Created 3 entities, 2 links');

  const after = caseContents(workbench.casePath);
  expect(after.entities).toHaveLength(before.entities.length + 3);
  const person = after.entities.find((e) => e.label === 'Test Person One');
  expect(person?.type).toBe('person');
  expect(after.links.filter((l) => l.type === 'leads' && l.sourceId === person?.id)).toHaveLength(1);
});

test('an adjacency matrix with a byte order mark is recognised, and the preview says how it was read before anything is written', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = caseContents(workbench.casePath);
  const names = ['Test Ana', 'Test Ben', 'Test Cai', 'Test Dov', 'Test Eli'];
  const rows = names.map((name, i) => [name, ...names.map((_, j) => (Math.abs(i - j) === 1 ? 1 : 0))].join(','));
  const matrix = workbench.file('network.csv');
  writeFileSync(matrix, `\uFEFF${['', ...names].join(',')}\r\n${rows.join('\r\n')}\r\n`);

  const dialog = await openImport(page);
  workbench.dialogs.importPaths.push(matrix);
  await dialog.getByTestId('import-choose-file').click();
  const reading = dialog.getByTestId('import-table-reading');
  await expect(reading.getByTestId('table-layout')).toContainText('an adjacency matrix: the first row and the first column name the same 5 entities');
  await expect(reading.getByTestId('table-encoding')).toContainText('utf-8 with a byte order mark');
  await expect(reading.getByTestId('table-sample')).toContainText('Test Ana: linked with Test Ben');
  await expect(dialog.getByTestId('count-entities')).toContainText('5 new');
  await expect(dialog.getByTestId('count-links')).toContainText('4 new');
  expect(caseContents(workbench.casePath).entities).toHaveLength(before.entities.length);
});

test('File › Export › GraphML in the native menu goes straight to the save dialog; cancelling it writes nothing', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  // As main does for a native menu item: ask the renderer to run the command.
  await page.evaluate(() => (globalThis as unknown as { __workbenchEmit: (e: string, p: unknown) => void }).__workbenchEmit('command.run', { commandId: 'file.export.graphml' }));
  const dialog = page.getByTestId('export-case-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^GraphML/ })).toBeChecked();
  // The scripted save dialog had no answer: cancelled, quietly.
  await expect(dialog.getByTestId('export-start')).toBeEnabled();
  await expect(dialog.getByTestId('export-error')).toHaveCount(0);
  expect(workbench.dialogs.suggestedExportNames).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
