import { chartPositions, defaultChart } from '../db/charts';
import { getEntity, listEntities } from '../db/entities';
import { linksOfEntity } from '../db/links';
import { nodeByLabel, shownNodes } from './chartQueries';
import { emptySpot, modelPointAt, readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

const entityNamed = (casePath: string, label: string) => readCase(casePath, (db) => listEntities(db).find((e) => e.label === label) ?? null);

test('double-clicking the canvas creates an entity there; Ctrl+Z and Ctrl+Shift+Z undo and redo it', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = await shownNodes(page);
  const spot = await emptySpot(page);
  const expected = await modelPointAt(page, spot);

  await page.mouse.dblclick(spot.x, spot.y);
  const dialog = page.getByTestId('create-entity-dialog');
  await expect(dialog).toBeVisible();
  // An empty label is refused with a sentence, next to the field.
  await dialog.getByRole('button', { name: /Create/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('An entity needs a label.');
  await dialog.getByLabel('Label').fill('Amadou Koufa (deputy)');
  await dialog.getByTestId('entity-type-picker').click();
  await dialog.getByRole('menuitemradio', { name: 'Person' }).click();
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(dialog).toBeHidden();

  // The file holds it, at the point that was double-clicked.
  const created = entityNamed(casePath, 'Amadou Koufa (deputy)');
  expect(created?.type).toBe('person');
  const saved = readCase(casePath, (db) => chartPositions(db, defaultChart(db).id).find((p) => p.entityId === created!.id));
  expect(saved!.x).toBeCloseTo(expected.x, 0);
  expect(saved!.y).toBeCloseTo(expected.y, 0);
  // The chart shows it, selected, and nothing else moved.
  const node = await nodeByLabel(page, 'Amadou Koufa (deputy)');
  expect(Math.hypot(node.page.x - spot.x, node.page.y - spot.y)).toBeLessThan(3);
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText('Amadou Koufa (deputy)');
  const after = await shownNodes(page);
  for (const n of before) {
    const now = after.find((a) => a.id === n.id)!;
    expect(Math.hypot(now.position.x - n.position.x, now.position.y - n.position.y)).toBeLessThan(0.01);
  }

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone');
  await expect.poll(() => entityNamed(casePath, 'Amadou Koufa (deputy)')).toBeNull();
  await expect.poll(async () => (await shownNodes(page)).length).toBe(before.length);

  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('edit-toast')).toContainText('Redone');
  await expect.poll(() => entityNamed(casePath, 'Amadou Koufa (deputy)')?.id).toBe(created!.id);
  await expect.poll(async () => (await shownNodes(page)).some((n) => n.label === 'Amadou Koufa (deputy)')).toBe(true);
});

test('a dragged node is one undoable step: Ctrl+Z puts it back, and no other node moves', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  const others = (await shownNodes(page)).filter((n) => n.id !== iyad.id);

  await page.mouse.move(iyad.page.x, iyad.page.y);
  await page.mouse.down();
  await page.mouse.move(iyad.page.x + 60, iyad.page.y + 40, { steps: 5 });
  await page.mouse.move(iyad.page.x + 120, iyad.page.y + 80, { steps: 5 });
  await page.mouse.up();
  const moved = await nodeByLabel(page, 'Iyad ag Ghali');
  const savedAt = () => readCase(casePath, (db) => chartPositions(db, defaultChart(db).id).find((p) => p.entityId === iyad.id)!);
  await expect.poll(() => Math.hypot(savedAt().x - moved.position.x, savedAt().y - moved.position.y)).toBeLessThan(0.5);
  // After the refetch that follows the edit, the node stays where it was dropped ("no jumping back").
  await page.waitForTimeout(300);
  const settled = await nodeByLabel(page, 'Iyad ag Ghali');
  expect(Math.hypot(settled.position.x - moved.position.x, settled.position.y - moved.position.y)).toBeLessThan(0.5);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone');
  await expect.poll(async () => {
    const back = await nodeByLabel(page, 'Iyad ag Ghali');
    return Math.hypot(back.position.x - iyad.position.x, back.position.y - iyad.position.y);
  }).toBeLessThan(0.5);
  expect(Math.hypot(savedAt().x - iyad.position.x, savedAt().y - iyad.position.y)).toBeLessThan(0.5);
  const now = await shownNodes(page);
  for (const n of others) {
    const after = now.find((a) => a.id === n.id)!;
    expect(Math.hypot(after.position.x - n.position.x, after.position.y - n.position.y)).toBeLessThan(0.5);
  }
});

test('the inspector edits every field of an entity, with messages for bad input', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  const editor = page.getByTestId('entity-editor');
  await expect(editor).toBeVisible();

  // Label: empty and 2,000 characters are refused with a sentence; HTML is kept as text.
  const label = editor.getByLabel('Label', { exact: true });
  await label.fill('');
  await expect(editor.getByRole('alert')).toContainText('An entity needs a label.');
  await label.fill('x'.repeat(2000));
  await expect(editor.getByRole('alert')).toContainText('at most 1,000 characters');
  await label.fill('Iyad <b>ag</b> Ghali <script>alert(1)</script>');
  await label.press('Enter');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.label)).toBe('Iyad <b>ag</b> Ghali <script>alert(1)</script>');
  await expect(page.getByTestId('inspector').locator('#inspector-title')).toHaveText('Iyad <b>ag</b> Ghali <script>alert(1)</script>');

  // Dates with their precision; an end before the start is refused.
  await editor.getByLabel('Start').fill('2017-03');
  await expect(editor).toContainText('Precision: month');
  await editor.getByLabel('Start').press('Enter');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.startDate)).toBe('2017-03');
  await editor.getByLabel('End').fill('2016');
  await expect(editor.getByRole('alert')).toContainText('is before the start date');
  await editor.getByLabel('End').press('Enter');
  await editor.getByLabel('End').fill('2019-06-30');
  await editor.getByLabel('End').press('Enter');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.endDate)).toBe('2019-06-30');

  // Description, aliases, attributes, type.
  await editor.getByLabel('Description').fill('Founder and emir of JNIM.');
  await editor.getByLabel('Description').blur();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.description)).toBe('Founder and emir of JNIM.');
  await editor.getByLabel('New alias').fill('Abu al-Fadl');
  await editor.getByRole('button', { name: 'Add alias' }).click();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.aliases)).toContain('Abu al-Fadl');
  await editor.getByRole('button', { name: 'Remove alias Abu al-Fadl' }).click();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.aliases)).not.toContain('Abu al-Fadl');
  await editor.getByLabel('Attribute name').fill('tribe');
  await editor.getByLabel('Attribute value').fill('Ifoghas');
  await editor.getByRole('button', { name: 'Set' }).click();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.attributes.tribe)).toBe('Ifoghas');
  await editor.getByLabel('Type').selectOption('group');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id)?.type)).toBe('group');
  // No data was lost on the way: the links are all still there.
  expect(readCase(casePath, (db) => linksOfEntity(db, iyad.id).length)).toBeGreaterThan(0);
});

test('deleting an entity says what goes with it, and Ctrl+Z brings everything back', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  const links = readCase(casePath, (db) => linksOfEntity(db, iyad.id).length);
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await page.keyboard.press('Delete');
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText(`${links} links`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(readCase(casePath, (db) => getEntity(db, iyad.id))).not.toBeNull();

  await page.getByTestId('entity-editor').getByRole('button', { name: 'Delete entity…' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, iyad.id))).toBeNull();
  await expect.poll(async () => (await shownNodes(page)).some((n) => n.id === iyad.id)).toBe(false);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => readCase(casePath, (db) => linksOfEntity(db, iyad.id).length)).toBe(links);
  await expect.poll(async () => (await shownNodes(page)).some((n) => n.id === iyad.id)).toBe(true);
});

test('the type palette creates an entity; Ctrl+E opens the same dialog; several entities change type and colour at once', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await page.getByRole('button', { name: 'Entity', exact: true }).click();
  await page.getByRole('menu', { name: 'Entity types' }).getByRole('menuitem', { name: 'Place' }).click();
  const dialog = page.getByTestId('create-entity-dialog');
  await dialog.getByLabel('Label').fill('Ménaka');
  await dialog.getByRole('button', { name: 'Create place' }).click();
  await expect.poll(() => entityNamed(casePath, 'Ménaka')?.type).toBe('place');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  // The type, keyboard only: the list opens on the type in use, End goes to the last, Enter picks it.
  const picker = dialog.getByTestId('entity-type-picker');
  await picker.focus();
  await page.keyboard.press('Enter');
  const types = dialog.getByRole('menu', { name: 'Type' });
  await expect(types.getByRole('menuitemradio', { name: 'Person' })).toBeFocused();
  await expect(types.getByRole('menuitemradio', { name: 'Person' })).toHaveAttribute('aria-checked', 'true');
  // A letter goes to the next type that starts with it, as in a native menu; again, to the one after.
  await page.keyboard.press('p');
  await expect(types.getByRole('menuitemradio', { name: 'Place' })).toBeFocused();
  await page.keyboard.press('p');
  await expect(types.getByRole('menuitemradio', { name: 'Person' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(types.getByRole('menuitemradio', { name: 'Other' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(types).toBeHidden();
  await expect(picker).toHaveAccessibleName('Type Other');
  await expect(picker).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Create other' })).toBeVisible();
  // Escape closes the list, not the dialog; the next Escape closes the dialog.
  await page.keyboard.press('Enter');
  await expect(types).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(types).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const a = await nodeByLabel(page, 'Ansar al-Din');
  const b = await nodeByLabel(page, 'al-Murabitoon');
  await page.mouse.click(a.page.x, a.page.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.page.x, b.page.y);
  await page.keyboard.up('Shift');
  const bulk = page.getByTestId('bulk-editor');
  await bulk.getByLabel('Type').selectOption('organisation');
  await bulk.getByRole('button', { name: 'Set type' }).click();
  await expect.poll(() => readCase(casePath, (db) => [getEntity(db, a.id)?.type, getEntity(db, b.id)?.type])).toEqual(['organisation', 'organisation']);
  await bulk.getByLabel('Colour').fill('#ff8800');
  await bulk.getByRole('button', { name: 'Set colour' }).click();
  await expect.poll(() => readCase(casePath, (db) => [getEntity(db, a.id)?.color, getEntity(db, b.id)?.color])).toEqual(['#ff8800', '#ff8800']);
});
