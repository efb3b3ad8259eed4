import type { Page } from '@playwright/test';
import { chartPositions, defaultChart } from '../db/charts';
import { getEntity, listEntities } from '../db/entities';
import { getLink, listLinks } from '../db/links';
import { notesFor } from '../db/notes';
import { nodeByLabel, shownNodes } from './chartQueries';
import { emptySpot, modelPointAt, readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

interface StyledChartWindow {
  __workbenchChart?: {
    cy: {
      container(): HTMLElement | null;
      getElementById(id: string): { style(name: string): unknown };
      edges(): { map<T>(fn: (e: EdgeLike) => T): T[] };
    };
  };
}
interface EdgeLike {
  id(): string;
  renderedMidpoint(): { x: number; y: number };
}

/** The SVG of each image Cytoscape draws on a node (icon, then note badge), decoded from their data URIs. */
async function nodeImages(page: Page, id: string): Promise<string[]> {
  const style = await page.evaluate((nodeId) => {
    const chart = (window as unknown as StyledChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    return String(chart.cy.getElementById(nodeId).style('background-image'));
  }, id);
  return style
    .split(/\s+/)
    .filter((uri) => uri.startsWith('data:'))
    .map((uri) => decodeURIComponent(uri.slice(uri.indexOf(',') + 1)));
}

/** The text of the note badge drawn on a node, or null when it has none. */
async function noteBadgeText(page: Page, id: string): Promise<string | null> {
  const badge = (await nodeImages(page, id)).find((svg) => svg.includes('</text>'));
  return badge ? (/>([^<]*)<\/text>/.exec(badge)?.[1] ?? null) : null;
}

/** Runs a command as main's native menu does (the `command.run` event), e.g. Edit › Undo. */
async function fromNativeMenu(page: Page, commandId: string): Promise<void> {
  await page.evaluate((id) => {
    (globalThis as unknown as { __workbenchEmit: (event: string, payload: unknown) => void }).__workbenchEmit('command.run', { commandId: id });
  }, commandId);
}

const savedPositions = (casePath: string) =>
  readCase(casePath, (db) => new Map(chartPositions(db, defaultChart(db).id).map((p) => [p.entityId, p] as const)));

test('an entity with notes shows a badge with their count; it follows adding and deleting a note', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const macina = await nodeByLabel(page, 'Katibat Macina');
  const notesInFile = () => readCase(casePath, (db) => notesFor(db, { kind: 'entity', id: macina.id }).length);
  const before = notesInFile();
  expect(await noteBadgeText(page, macina.id)).toBe(before === 0 ? null : String(before));

  await page.mouse.click(macina.page.x, macina.page.y);
  const notes = page.getByTestId('item-notes');
  for (const body of ['Led by Amadou Koufa, deputy to Iyad ag Ghali.', 'Recruits among **Fulani** herders of central Mali.']) {
    await notes.getByRole('button', { name: 'Add a note' }).click();
    await notes.getByLabel('Note (Markdown)').fill(body);
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => readCase(casePath, (db) => notesFor(db, { kind: 'entity', id: macina.id }).some((n) => n.body === body))).toBe(true);
  }
  expect(notesInFile()).toBe(before + 2);
  // The node on the chart carries its icon and, over it, the badge with the count the file holds.
  await expect.poll(() => noteBadgeText(page, macina.id)).toBe(String(before + 2));
  expect((await nodeImages(page, macina.id))[0]).toContain('<path fill="#ffffff"');

  await notes.locator('li.note').first().getByRole('button', { name: 'Delete' }).click();
  await expect.poll(notesInFile).toBe(before + 1);
  await expect.poll(() => noteBadgeText(page, macina.id)).toBe(before + 1 === 0 ? null : String(before + 1));
});

test('"Lay out again" is one undoable step: Ctrl+Z puts every node back, in the file and on screen', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = savedPositions(casePath);
  const shownBefore = await shownNodes(page);
  expect(shownBefore.length).toBeGreaterThan(10);

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+l');
  // Saved once the layout stops: most nodes have moved.
  const movedCount = () => {
    const now = savedPositions(casePath);
    return [...before].filter(([id, p]) => {
      const at = now.get(id);
      return at !== undefined && Math.hypot(at.x - p.x, at.y - p.y) > 1;
    }).length;
  };
  await expect.poll(movedCount, { timeout: 20_000 }).toBeGreaterThan(shownBefore.length / 2);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAccessibleDescription(/Lay out the chart/);

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toHaveText('Undone: Lay out the chart');
  await expect.poll(movedCount).toBe(0);
  const after = savedPositions(casePath);
  for (const [id, p] of before) {
    const at = after.get(id)!;
    expect(Math.abs(at.x - p.x), id).toBeLessThan(0.01);
    expect(Math.abs(at.y - p.y), id).toBeLessThan(0.01);
  }
  // The nodes on screen went back too.
  await expect
    .poll(async () => {
      const shown = await shownNodes(page);
      return Math.max(...shownBefore.map((n) => {
        const now = shown.find((s) => s.id === n.id)!;
        return Math.hypot(now.position.x - n.position.x, now.position.y - n.position.y);
      }));
    })
    .toBeLessThan(0.01);
});

test('the history lives in the case file: a rename is undone after closing and reopening, and redone after a restart', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  const labelInFile = () => readCase(casePath, (db) => getEntity(db, iyad.id)?.label);

  await page.mouse.click(iyad.page.x, iyad.page.y);
  const label = page.getByTestId('entity-editor').getByLabel('Label', { exact: true });
  await label.fill('Iyad ag Ghali (emir)');
  await label.press('Enter');
  await expect.poll(labelInFile).toBe('Iyad ag Ghali (emir)');

  // Edit › Undo from the native menu while typing in a field undoes the typing, not the history.
  await label.click();
  await label.press('End');
  await page.keyboard.type(' xyz');
  await expect(label).toHaveValue('Iyad ag Ghali (emir) xyz');
  await fromNativeMenu(page, 'edit.undo');
  await expect(label).toHaveValue('Iyad ag Ghali (emir)');
  await label.press('Enter');
  expect(labelInFile()).toBe('Iyad ag Ghali (emir)');

  // File › Close case, then reopen it from the recent cases.
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Close case/ }).click();
  const empty = page.getByTestId('empty-state');
  await expect(empty).toBeVisible();
  await empty.getByRole('button', { name: new RegExp(casePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await waitForChart(page);
  await expect.poll(async () => (await shownNodes(page)).some((n) => n.label === 'Iyad ag Ghali (emir)')).toBe(true);

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone: Rename');
  await expect.poll(labelInFile).toBe('Iyad ag Ghali');
  await expect.poll(async () => (await shownNodes(page)).some((n) => n.label === 'Iyad ag Ghali')).toBe(true);

  // Quit and start again on the same file: Ctrl+Y redoes it.
  await workbench.restart();
  await waitForChart(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('edit-toast')).toContainText('Redone: Rename');
  await expect.poll(labelInFile).toBe('Iyad ag Ghali (emir)');

  // Edit › Undo from the native menu with the chart focused steps back through the history.
  await fromNativeMenu(page, 'edit.undo');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone: Rename');
  await expect.poll(labelInFile).toBe('Iyad ag Ghali');
});

test('right-click menus on an entity, a link and the canvas list their commands and run them', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const menu = page.getByTestId('context-menu');
  const items = () => menu.getByRole('menuitem').allInnerTexts();

  // A link whose middle is clear of every node, so the right-click lands on it.
  const nodes = await shownNodes(page);
  const link = await page.evaluate((centres) => {
    const chart = (window as unknown as StyledChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const box = chart.cy.container()!.getBoundingClientRect();
    const mids = chart.cy.edges().map((e) => ({ id: e.id(), x: box.left + e.renderedMidpoint().x, y: box.top + e.renderedMidpoint().y }));
    const inside = (p: { x: number; y: number }) => p.x > box.left + 40 && p.x < box.right - 40 && p.y > box.top + 40 && p.y < box.bottom - 40;
    return (
      mids.find(
        (m) =>
          inside(m) &&
          centres.every((c) => Math.hypot(c.x - m.x, c.y - m.y) > 45) &&
          mids.every((o) => o.id === m.id || Math.hypot(o.x - m.x, o.y - m.y) > 30),
      ) ?? null
    );
  }, nodes.map((n) => n.page));
  if (!link) throw new Error('no link with a clear middle on the chart');
  const linksBefore = readCase(casePath, (db) => listLinks(db).length);

  await page.mouse.click(link.x, link.y, { button: 'right' });
  await expect(menu).toBeVisible();
  expect(await items()).toEqual(expect.arrayContaining([expect.stringContaining('Delete selection'), expect.stringContaining('Clear selection')]));
  await menu.getByRole('menuitem', { name: /Delete selection/ }).click();
  const confirm = page.getByTestId('delete-dialog');
  await expect(confirm).toContainText('Delete links');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => readCase(casePath, (db) => getLink(db, link.id))).toBeNull();
  expect(readCase(casePath, (db) => listLinks(db).length)).toBe(linksBefore - 1);

  // The entity menu: delete (with what goes with it), after a confirmation.
  const poaching = await nodeByLabel(page, 'Poaching');
  await page.mouse.click(poaching.page.x, poaching.page.y, { button: 'right' });
  await expect(menu).toBeVisible();
  const entityItems = await items();
  expect(entityItems).toEqual(expect.arrayContaining([expect.stringContaining('Delete selection'), expect.stringContaining('Clear selection')]));
  // Linking and merging need two entities: not offered for one.
  expect(entityItems.join('\n')).not.toMatch(/Merge the two|Link the two/);
  // The keyboard: the first item has the focus; End, a letter and the arrows move it.
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: /Clear selection/ })).toBeFocused();
  await page.keyboard.press('d');
  await expect(menu.getByRole('menuitem', { name: /Delete selection/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Clear selection/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: /Clear selection/ }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('entity-editor')).toBeHidden();

  await page.mouse.click(poaching.page.x, poaching.page.y, { button: 'right' });
  await menu.getByRole('menuitem', { name: /Delete selection/ }).click();
  await expect(confirm).toContainText('Delete entities');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, poaching.id))).toBeNull();

  // The canvas menu: undo what was just deleted, and a new entity where the right-click was.
  const spot = await emptySpot(page);
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  await expect(menu).toBeVisible();
  expect(await items()).toEqual(
    expect.arrayContaining([
      expect.stringContaining('New entity'),
      expect.stringContaining('Undo'),
      expect.stringContaining('Fit chart to window'),
      expect.stringContaining('Command palette'),
    ]),
  );
  await menu.getByRole('menuitem', { name: /^Undo/ }).click();
  await expect(page.getByTestId('edit-toast')).toContainText('Undone');
  await expect.poll(() => readCase(casePath, (db) => getEntity(db, poaching.id)?.label)).toBe('Poaching');

  const at = await modelPointAt(page, spot);
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  await menu.getByRole('menuitem', { name: /New entity/ }).click();
  const dialog = page.getByTestId('create-entity-dialog');
  await dialog.getByLabel('Label').fill('Safe house, Ménaka');
  await dialog.getByTestId('entity-type-picker').click();
  await dialog.getByRole('menuitemradio', { name: 'Place' }).click();
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(dialog).toBeHidden();
  const created = readCase(casePath, (db) => listEntities(db).find((e) => e.label === 'Safe house, Ménaka') ?? null);
  expect(created).not.toBeNull();
  const placed = savedPositions(casePath).get(created!.id)!;
  expect(Math.hypot(placed.x - at.x, placed.y - at.y)).toBeLessThan(1);
});
