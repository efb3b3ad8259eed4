import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ENTITY_TYPES } from '../app/entityTypes';
import { shownEdges, shownNodes } from './chartQueries';
import { createGridCase, hex, lastExport, leftoverParts, near, pixel, readPng, regionHas, svgTexts } from './exportFixtures';
import { expect, test, waitForChart } from './harness';

async function openExportDialog(page: Page) {
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-size')).not.toContainText('Preparing');
  return dialog;
}

/** The pixel size the dialog says the export will have. */
async function shownPixelSize(page: Page): Promise<{ width: number; height: number }> {
  await expect(page.getByTestId('export-size')).toHaveAttribute('data-ready', 'true');
  const text = (await page.getByTestId('export-size').textContent()) ?? '';
  const match = /([\d,]+) × ([\d,]+) px/.exec(text);
  if (!match) throw new Error(`no pixel size in "${text}"`);
  return { width: Number(match[1]!.replace(/,/g, '')), height: Number(match[2]!.replace(/,/g, '')) };
}

async function exportAndWait(page: Page, fileName: string) {
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByTestId('export-status')).toContainText(`Saved ${fileName}`, { timeout: 60_000 });
}

test('File › Export image writes the JNIM chart as a PNG of the size shown, with its legend and TLP banners', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const dialog = await openExportDialog(page);

  await dialog.getByLabel('Title', { exact: true }).fill('JNIM: founding factions and rivals');
  await dialog.getByLabel('Author').fill('Analyst One');
  await dialog.getByLabel('Marking', { exact: true }).selectOption('tlp');
  await dialog.getByLabel('TLP label').selectOption('RED');
  await dialog.getByLabel('White').check();
  await dialog.getByLabel('Scale factor').selectOption('2');
  await expect(dialog.getByTestId('export-size')).toContainText('192 DPI');
  const shown = await shownPixelSize(page);

  const target = workbench.file('jnim.png');
  workbench.dialogs.imagePaths.push(target);
  await exportAndWait(page, 'jnim.png');
  expect(workbench.dialogs.suggestedImageNames).toEqual(['JNIM and its network chart.png']);

  const png = readPng(target);
  expect({ width: png.width, height: png.height }).toEqual(shown);
  expect(png.ppm).toBe(Math.round(192 / 0.0254));
  expect(leftoverParts(target)).toEqual([]);

  // Every node's disc is in its type colour where the chart put it.
  const record = await lastExport(page);
  expect(record.nodes.length).toBe((await shownNodes(page)).length);
  const toPixel = (x: number, y: number) => ({ x: (x * record.transform.scale + record.transform.tx) * record.pixelsPerUnit, y: (y * record.transform.scale + record.transform.ty) * record.pixelsPerUnit });
  const missing: string[] = [];
  for (const node of record.nodes) {
    const c = toPixel(node.x, node.y);
    // Between the white icon (62% of the node) and the border: left, right or above the centre.
    const r = 14 * record.transform.scale * record.pixelsPerUnit;
    const found = [pixel(png, c.x - r, c.y), pixel(png, c.x + r, c.y), pixel(png, c.x, c.y - r)].some((p) => near(p, hex(node.fill), 30));
    if (!found) missing.push(node.id);
  }
  expect(missing, 'nodes whose colour is not where the node is').toEqual([]);

  // TLP:RED banners, black with the label in red, at the top and bottom.
  expect(near(pixel(png, 4, 4), [0, 0, 0], 4)).toBe(true);
  expect(near(pixel(png, png.width - 4, png.height - 4), [0, 0, 0], 4)).toBe(true);
  const bannerPx = 24 * record.pixelsPerUnit;
  expect(regionHas(png, { x1: 0, y1: 0, x2: png.width, y2: bannerPx }, hex('#ff2b2b'), 40)).toBe(true);
  expect(regionHas(png, { x1: 0, y1: png.height - bannerPx, x2: png.width, y2: png.height }, hex('#ff2b2b'), 40)).toBe(true);
  // The legend, under the chart, has the badges of the types on the chart.
  const below = { x1: 0, y1: record.frame.y2 * record.pixelsPerUnit, x2: png.width, y2: png.height - bannerPx };
  for (const type of ['armed_group', 'person', 'state']) {
    expect(regionHas(png, below, hex(ENTITY_TYPES.find((t) => t.id === type)!.color), 20), `legend badge of ${type}`).toBe(true);
  }

  // Transparent: the corners are clear (no banner, no background).
  await dialog.getByLabel('Marking', { exact: true }).selectOption('none');
  await dialog.getByLabel('Transparent').check();
  const clearTarget = workbench.file('clear.png');
  workbench.dialogs.imagePaths.push(clearTarget);
  await exportAndWait(page, 'clear.png');
  const clear = readPng(clearTarget);
  for (const [x, y] of [[0, 0], [clear.width - 1, 0], [0, clear.height - 1], [clear.width - 1, clear.height - 1]] as const) {
    expect(pixel(clear, x, y)[3], `corner ${x},${y}`).toBe(0);
  }
});

test('File › Export image writes SVG and PDF of the JNIM chart with every label as text', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const labels = (await shownNodes(page)).map((n) => n.label);
  const linkLabels = [...new Set((await shownEdges(page)).map((e) => e.label))];
  const dialog = await openExportDialog(page);
  await dialog.getByLabel('SVG').check();
  await dialog.getByLabel('Title', { exact: true }).fill('JNIM <script>alert(1)</script>');
  const svgTarget = workbench.file('jnim.svg');
  workbench.dialogs.imagePaths.push(svgTarget);
  await exportAndWait(page, 'jnim.svg');

  const svg = readFileSync(svgTarget, 'utf8');
  const parsed = svgTexts(svg);
  const texts = parsed.texts.map((t) => t.replace(/\s+/g, ' '));
  for (const label of [...labels, ...linkLabels]) expect(texts, label).toContain(label.replace(/\s+/g, ' ').trim());
  expect(texts).toContain('JNIM <script>alert(1)</script>');
  expect(parsed.elements.map((e) => e.name)).not.toContain('script');
  expect(parsed.elements.map((e) => e.name)).not.toContain('foreignObject');
  for (const element of parsed.elements) {
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.startsWith('on')).toBe(false);
      if (name.endsWith('href')) expect(value.startsWith('#')).toBe(true);
    }
  }
  expect(svg).not.toContain(workbench.casePath);

  await dialog.getByLabel('PDF').check();
  await dialog.getByLabel('Paper').check();
  const pdfTarget = workbench.file('jnim.pdf');
  workbench.dialogs.imagePaths.push(pdfTarget);
  await exportAndWait(page, 'jnim.pdf');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfTarget)), verbosity: 0 }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
  for (const label of labels) expect(text, label).toContain(label.replace(/\s+/g, ' ').trim());
});

test('a chart wider than the browser’s canvas limit is exported in tiles, none blank; a size too large is refused', async ({ workbench }) => {
  const { page } = workbench;
  const wide = workbench.file('wide.awcase');
  createGridCase(wide, 120, 120, 170);
  await workbench.launch();
  await waitForChart(page);
  workbench.dialogs.openPaths.push(wide);
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Open case/ }).click();
  await expect(page.getByTestId('status-bar')).toContainText('120');
  await waitForChart(page);

  const dialog = await openExportDialog(page);
  await dialog.getByLabel('White').check();
  await dialog.getByLabel('Scale factor').selectOption('1');
  const shown = await shownPixelSize(page);
  expect(shown.width).toBeGreaterThan(16_384);
  const target = workbench.file('wide.png');
  workbench.dialogs.imagePaths.push(target);
  await exportAndWait(page, 'wide.png');
  const png = readPng(target);
  expect({ width: png.width, height: png.height }).toEqual(shown);
  // Tiles are at most 4,096 px wide: every tile-wide band of the image shows nodes in their colours.
  const record = await lastExport(page);
  const bands = Math.ceil(png.width / 4096);
  const colours = [...new Set(record.nodes.map((n) => n.fill))].map(hex);
  for (let band = 0; band < bands; band++) {
    const box = { x1: (band * png.width) / bands, y1: 0, x2: ((band + 1) * png.width) / bands, y2: png.height };
    expect(colours.some((c) => regionHas(png, box, c, 10)), `band ${band} has nodes`).toBe(true);
  }

  // 8× would be far past 65,535 px: refused before anything is asked or written.
  await dialog.getByLabel('Scale factor').selectOption('8');
  await expect(dialog.getByTestId('export-problem')).toContainText('too large');
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeDisabled();

  // A long export can be cancelled; nothing is left on disk.
  await dialog.getByLabel('Scale factor').selectOption('3');
  await expect(dialog.getByTestId('export-problem')).toHaveCount(0);
  const cancelled = workbench.file('cancelled.png');
  workbench.dialogs.imagePaths.push(cancelled);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByTestId('export-progress')).toContainText('Drawing tile');
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByTestId('export-status')).toContainText('cancelled');
  expect(existsSync(cancelled)).toBe(false);
  expect(leftoverParts(cancelled)).toEqual([]);
  expect(workbench.dialogs.suggestedImageNames).toEqual(['Grid chart.png', 'Grid chart.png']);
});
