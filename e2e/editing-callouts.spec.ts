import type { Locator, Page } from '@playwright/test';
import { listAnnotations } from '../db/annotations';
import { chartPositions, defaultChart } from '../db/charts';
import { nodeByLabel, shownEdges, shownNodes } from './chartQueries';
import { modelPointAt, readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

const callouts = (casePath: string) => readCase(casePath, (db) => listAnnotations(db));
const calloutWith = (casePath: string, text: string) => callouts(casePath).find((a) => a.text === text) ?? null;

interface ChartWindow {
  __workbenchChart?: { cy: { container(): HTMLElement | null; pan(): { x: number; y: number }; zoom(): number } };
}

/** Where a model point is drawn on the page now. */
async function pagePointOf(page: Page, model: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const chart = (window as unknown as ChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const box = chart.cy.container()!.getBoundingClientRect();
    const pan = chart.cy.pan();
    const zoom = chart.cy.zoom();
    return { x: box.left + x * zoom + pan.x, y: box.top + y * zoom + pan.y };
  }, model);
}

/** A point where the chart itself is under the pointer (no note, no panel over it) and no node is near. */
async function bareCanvas(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('chart').boundingBox())!;
  const nodes = await shownNodes(page);
  const links = await linkSegments(page);
  for (let y = box.y + box.height - 60; y > box.y + 60; y -= 25) {
    for (let x = box.x + 60; x < box.x + box.width - 60; x += 25) {
      if (nodes.some((n) => Math.hypot(n.page.x - x, n.page.y - y) < 60) || links.some((l) => distanceToSegment({ x, y }, l) < 20)) continue;
      const bare = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('[data-testid="chart"]') != null, [x, y]);
      if (bare) return { x, y };
    }
  }
  throw new Error('no bare canvas on the chart');
}

async function selectedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __workbenchChart: { cy: { nodes(s: string): { map<T>(f: (n: { id(): string }) => T): T[] } } } }).__workbenchChart.cy;
    return cy.nodes(':selected').map((n) => n.id());
  });
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ChartWindow).__workbenchChart!.cy.zoom());
}

/** The links as straight segments on the page (the sample's links are straight but for a few parallel pairs). */
async function linkSegments(page: Page): Promise<{ a: { x: number; y: number }; b: { x: number; y: number } }[]> {
  const nodes = new Map((await shownNodes(page)).map((n) => [n.id, n.page]));
  return (await shownEdges(page)).flatMap((e) => {
    const a = nodes.get(e.source);
    const b = nodes.get(e.target);
    return a && b ? [{ a, b }] : [];
  });
}

function distanceToSegment(p: { x: number; y: number }, { a, b }: { a: { x: number; y: number }; b: { x: number; y: number } }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * A point of the chart with room for a note (about 240 × 100 px from it) and no node near it, as
 * near the middle as there is one (so that zooming and dragging keep the note in the chart).
 */
async function roomForNote(page: Page): Promise<{ x: number; y: number }> {
  // The first layout differs from run to run; where it leaves no room, zoom out about the middle
  // (which frees the margins) and look again.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const spot = await roomForNoteNow(page);
    if (spot) return spot;
    const box = (await page.getByTestId('chart').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
  }
  throw new Error('no room for a note on the chart, even zoomed out');
}

async function roomForNoteNow(page: Page): Promise<{ x: number; y: number } | null> {
  const box = (await page.getByTestId('chart').boundingBox())!;
  const nodes = await shownNodes(page);
  const links = await linkSegments(page);
  const middle = { x: box.x + box.width / 2 - 100, y: box.y + box.height / 2 - 30 };
  let best: { x: number; y: number } | null = null;
  for (let y = box.y + 80; y < box.y + box.height - 120; y += 20) {
    for (let x = box.x + 40; x < box.x + box.width - 260; x += 20) {
      const clear = nodes.every((n) => n.page.x < x - 30 || n.page.x > x + 240 || n.page.y < y - 30 || n.page.y > y + 100);
      // The right-click itself must be on the canvas, not on a link.
      const offLinks = links.every((l) => distanceToSegment({ x, y }, l) > 20);
      if (clear && offLinks && (!best || Math.hypot(x - middle.x, y - middle.y) < Math.hypot(best.x - middle.x, best.y - middle.y))) best = { x, y };
    }
  }
  return best;
}

/** The top-left corner of a note on the page. */
async function cornerOnPage(note: Locator): Promise<{ x: number; y: number }> {
  const box = await note.boundingBox();
  if (!box) throw new Error('the callout is not shown');
  return { x: box.x, y: box.y };
}

/** How far (page pixels) a note's corner is from where a model point is drawn now. */
async function offBy(page: Page, note: Locator, model: { x: number; y: number }): Promise<number> {
  const [corner, expected] = await Promise.all([cornerOnPage(note), pagePointOf(page, model)]);
  return Math.hypot(corner.x - expected.x, corner.y - expected.y);
}

/** A move of (dx, dy) in size, pointed from a note towards the middle of the chart (so that it stays in view). */
async function towardsMiddle(page: Page, note: Locator, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const chart = (await page.getByTestId('chart').boundingBox())!;
  const corner = await cornerOnPage(note);
  return {
    x: corner.x + 90 < chart.x + chart.width / 2 ? dx : -dx,
    y: corner.y + 20 < chart.y + chart.height / 2 ? dy : -dy,
  };
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 5 });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 5 });
  await page.mouse.up();
}

const HOSTILE = 'Convoy seen <b>here</b> <img src=x onerror="window.__pwned=1">';

test('a callout added from the canvas menu stays on its chart point through zoom and pan, moves by drag, and deletes undoably', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const spot = await roomForNote(page);
  const at = await modelPointAt(page, spot);

  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Add callout here' }).click();
  const textBox = page.getByLabel('Callout text');
  await expect(textBox).toBeFocused();
  await page.keyboard.type(HOSTILE);
  await page.keyboard.press('Control+Enter');

  // The file holds it at the point clicked, as a free callout.
  await expect.poll(() => calloutWith(casePath, HOSTILE)?.entityId).toBeNull();
  const saved = calloutWith(casePath, HOSTILE)!;
  expect(saved.x).toBeCloseTo(at.x, 1);
  expect(saved.y).toBeCloseTo(at.y, 1);
  expect(callouts(casePath)).toHaveLength(1);

  // Shown as text, with its corner where the right-click was; the HTML made no element.
  const note = page.locator(`[data-callout-id="${saved.id}"]`);
  await expect(note).toHaveText(HOSTILE);
  await expect(note).toBeFocused();
  expect(await note.locator('b, img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect.poll(() => offBy(page, note, saved)).toBeLessThan(2);

  // Zoom in with the keyboard: the note stays on its point and grows with the chart.
  const widthBefore = (await note.boundingBox())!.width;
  const zoomBefore = await zoomOf(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('+');
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(zoomBefore);
  await expect.poll(() => offBy(page, note, saved)).toBeLessThan(2);
  expect((await note.boundingBox())!.width).toBeGreaterThan(widthBefore);

  // Pan by dragging the canvas beside it: the note goes with its point.
  const cornerBefore = await cornerOnPage(note);
  const grab = await bareCanvas(page);
  const pan = await towardsMiddle(page, note, 70, 50);
  await drag(page, grab, pan);
  await expect.poll(async () => (await cornerOnPage(note)).x - cornerBefore.x).toBeCloseTo(pan.x, 0);
  await expect.poll(() => offBy(page, note, saved)).toBeLessThan(2);

  // The wheel over the note zooms the chart too, and the note keeps its point.
  const zoomBeforeWheel = await zoomOf(page);
  const corner = await cornerOnPage(note);
  const overNote = { x: corner.x + 20, y: corner.y + 8 };
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.callout') != null, overNote)).toBe(true);
  await page.mouse.move(overNote.x, overNote.y);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => zoomOf(page)).toBeLessThan(zoomBeforeWheel);
  await expect.poll(() => offBy(page, note, saved)).toBeLessThan(2);

  // Drag the note: one update, its new point in the file.
  const zoom = await zoomOf(page);
  const from = await cornerOnPage(note);
  const by = await towardsMiddle(page, note, 90, 60);
  await drag(page, { x: from.x + 20, y: from.y + 8 }, by);
  await expect.poll(() => calloutWith(casePath, HOSTILE)!.x).toBeCloseTo(saved.x + by.x / zoom, 0);
  const moved = calloutWith(casePath, HOSTILE)!;
  expect(moved.y).toBeCloseTo(saved.y + by.y / zoom, 0);
  await expect.poll(() => offBy(page, note, moved)).toBeLessThan(2);
  // After the refetch that follows the edit, the note stays where it was dropped.
  await page.waitForTimeout(300);
  expect(await offBy(page, note, moved)).toBeLessThan(2);

  // × deletes it; Ctrl+Z brings it back, where it was.
  await note.hover();
  await note.getByRole('button', { name: 'Delete callout' }).click();
  await expect.poll(() => callouts(casePath)).toHaveLength(0);
  await expect(page.getByTestId('callout')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone: Delete callout');
  await expect.poll(() => calloutWith(casePath, HOSTILE)?.id).toBe(saved.id);
  await expect(note).toHaveText(HOSTILE);
  await expect.poll(() => offBy(page, note, moved)).toBeLessThan(2);
  // Undo again: the move goes back too.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edit-toast')).toContainText('Undone: Move callout');
  await expect.poll(() => offBy(page, note, saved)).toBeLessThan(2);

  // Box selection still works where there is no note (the layer lets the pointer through).
  await page.keyboard.press('Escape');
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.keyboard.down('Shift');
  await drag(page, { x: iyad.page.x - 30, y: iyad.page.y - 30 }, { x: 60, y: 60 });
  await page.keyboard.up('Shift');
  await expect.poll(() => selectedNodeIds(page)).toContain(iyad.id);
});

test('a callout tied to an entity moves with it, edits and deletes from the keyboard, and survives reopening', async ({ workbench }) => {
  const { page, casePath } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');

  await page.mouse.click(iyad.page.x, iyad.page.y, { button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Add callout to entity' }).click();
  await expect(page.getByLabel('Callout text')).toBeFocused();
  await page.keyboard.type('Emir since 2017');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => calloutWith(casePath, 'Emir since 2017')?.entityId).toBe(iyad.id);
  const tied = calloutWith(casePath, 'Emir since 2017')!;
  const note = page.locator(`[data-callout-id="${tied.id}"]`);
  await expect(note).toHaveAccessibleName('Callout on Iyad ag Ghali: Emir since 2017');
  // Drawn at its offset from the node, with a leader line to it.
  await expect.poll(() => offBy(page, note, { x: iyad.position.x + tied.x, y: iyad.position.y + tied.y })).toBeLessThan(2);
  await expect(page.locator('.callout-leaders line')).toHaveCount(1);

  // Drag the entity: the note goes with it, during the drag too; the stored offset does not change.
  const noteBefore = await cornerOnPage(note);
  await page.mouse.move(iyad.page.x, iyad.page.y);
  await page.mouse.down();
  await page.mouse.move(iyad.page.x - 60, iyad.page.y + 35, { steps: 5 });
  await page.mouse.move(iyad.page.x - 120, iyad.page.y + 70, { steps: 5 });
  const held = await nodeByLabel(page, 'Iyad ag Ghali');
  expect(Math.hypot(held.position.x - iyad.position.x, held.position.y - iyad.position.y)).toBeGreaterThan(20);
  await expect.poll(() => offBy(page, note, { x: held.position.x + tied.x, y: held.position.y + tied.y })).toBeLessThan(2);
  await page.mouse.up();
  const savedNode = () => readCase(casePath, (db) => chartPositions(db, defaultChart(db).id).find((p) => p.entityId === iyad.id)!);
  await expect.poll(() => Math.hypot(savedNode().x - iyad.position.x, savedNode().y - iyad.position.y)).toBeGreaterThan(20);
  const dropped = await nodeByLabel(page, 'Iyad ag Ghali');
  const noteAfter = await cornerOnPage(note);
  expect(noteAfter.x - noteBefore.x).toBeCloseTo(dropped.page.x - iyad.page.x, 0);
  expect(noteAfter.y - noteBefore.y).toBeCloseTo(dropped.page.y - iyad.page.y, 0);
  const after = calloutWith(casePath, 'Emir since 2017')!;
  expect({ x: after.x, y: after.y, entityId: after.entityId }).toEqual({ x: tied.x, y: tied.y, entityId: iyad.id });

  // Drag the note: its offset from the entity is what is stored.
  const zoom = await zoomOf(page);
  await drag(page, { x: noteAfter.x + 20, y: noteAfter.y + 8 }, { x: 40, y: -30 });
  await expect.poll(() => calloutWith(casePath, 'Emir since 2017')!.x).toBeCloseTo(tied.x + 40 / zoom, 0);
  expect(calloutWith(casePath, 'Emir since 2017')!.y).toBeCloseTo(tied.y - 30 / zoom, 0);
  expect(calloutWith(casePath, 'Emir since 2017')!.entityId).toBe(iyad.id);

  // Double-click edits the text; emptied, it is refused with a sentence; Escape keeps the old text.
  await note.dblclick();
  const textBox = note.getByLabel('Callout text');
  await expect(textBox).toBeFocused();
  await textBox.fill('');
  await page.keyboard.press('Control+Enter');
  await expect(note.getByRole('alert')).toContainText('A callout needs some text');
  await page.keyboard.press('Escape');
  await expect(note).toHaveText('Emir since 2017');
  await expect(note).toBeFocused();
  // Enter edits it too; Ctrl+Enter saves.
  await page.keyboard.press('Enter');
  await textBox.fill('Emir of JNIM since 2017');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => callouts(casePath).map((a) => a.text)).toEqual(['Emir of JNIM since 2017']);
  await expect(note).toHaveText('Emir of JNIM since 2017');

  // A new callout cancelled with Escape creates nothing; one left empty creates nothing either.
  const spot = await roomForNote(page);
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Add callout here' }).click();
  await page.keyboard.type('never mind');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('callout')).toHaveCount(1);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('add callout');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Callout text')).toBeFocused();
  await page.mouse.click(spot.x, spot.y);
  await expect(page.getByTestId('callout')).toHaveCount(1);
  expect(callouts(casePath)).toHaveLength(1);

  // Delete with the key while the note has the focus; Ctrl+Z brings it back.
  await note.focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => callouts(casePath)).toHaveLength(0);
  // Only the callout went: the entity is still there.
  expect((await shownNodes(page)).some((n) => n.id === iyad.id)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(() => callouts(casePath).map((a) => a.text)).toEqual(['Emir of JNIM since 2017']);

  // Reopened, the callout is on the chart, beside its entity.
  await workbench.restart();
  await waitForChart(page);
  await expect(note).toHaveText('Emir of JNIM since 2017');
  const stored = calloutWith(casePath, 'Emir of JNIM since 2017')!;
  const node = await nodeByLabel(page, 'Iyad ag Ghali');
  await expect.poll(() => offBy(page, note, { x: node.position.x + stored.x, y: node.position.y + stored.y })).toBeLessThan(2);
});
