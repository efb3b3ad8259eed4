import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createGridCase, lastExport } from './exportFixtures';
import { expect, test, waitForChart } from './harness';

/**
 * Chart image export timings (`BENCH_SECTIONS=image npm run bench`, or WORKBENCH_BENCH=1 with
 * `npx playwright test e2e/exportBench.spec.ts`; skipped in the normal e2e run). Each row times a
 * whole export as the analyst runs it (build the scene, draw and send the tiles, main stitching
 * and writing the file) beside a plain `cy.png({ full: true })` of the same pixel size in the
 * same page and run: Cytoscape's own export, with no legend, banner or footnote, and nothing
 * written to disk. Results go to test-results/export-bench.json.
 */

const OUT = 'test-results/export-bench.json';
const GRID_NODES = Number(process.env.BENCH_EXPORT_NODES ?? 5000);

interface Row {
  chart: string;
  nodes: number;
  export: string;
  width: number;
  height: number;
  oursMs: number;
  bytes: string;
  cyPngMs: number | null;
  cyPngBytes: number | null;
  ratio: number | null;
  /** Where our time went (ms). */
  phases: Record<string, number>;
}

test.skip(!process.env.WORKBENCH_BENCH, 'benchmark: set WORKBENCH_BENCH=1 (or run BENCH_SECTIONS=image npm run bench)');
test.setTimeout(30 * 60_000);

async function openDialog(page: Page): Promise<Locator> {
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-size')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  return dialog;
}

/** cy.png of the whole chart at this pixel size, white background, as a PNG blob (encoding included). */
async function cyPng(page: Page, width: number, height: number): Promise<{ ms: number; bytes: number | null }> {
  return page.evaluate(
    async ({ width, height }) => {
      const chart = (window as unknown as { __workbenchChart: { cy: { png(o: object): Promise<Blob | null> } } }).__workbenchChart;
      const started = performance.now();
      let bytes: number | null = null;
      try {
        const blob = await chart.cy.png({ full: true, maxWidth: width, maxHeight: height, bg: '#ffffff', output: 'blob-promise' });
        bytes = blob ? blob.size : null;
      } catch {
        bytes = null;
      }
      return { ms: performance.now() - started, bytes };
    },
    { width, height },
  );
}

async function configure(dialog: Locator, format: 'PNG' | 'SVG' | 'PDF', size: { scale: number } | { paper: 'A3'; dpi: number }) {
  await dialog.getByLabel(format, { exact: true }).check();
  if ('scale' in size) {
    await dialog.getByRole('radio', { name: /Scale|Chart’s own size/ }).check();
    if (format === 'PNG') await dialog.getByLabel('Scale factor').selectOption(String(size.scale));
  } else {
    await dialog.getByLabel('Paper').check();
    await dialog.getByLabel('Paper size').selectOption(size.paper);
    await dialog.getByLabel('Orientation').selectOption('landscape');
    if (format === 'PNG') await dialog.getByLabel('DPI').fill(String(size.dpi));
  }
  await expect(dialog.getByTestId('export-size')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
}

async function measure(page: Page, dialog: Locator, runs: number): Promise<{ ms: number; width: number; height: number; bytes: string; phases: Record<string, number> }> {
  const times: number[] = [];
  let bytes = '';
  for (let i = 0; i < runs; i++) {
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const status = dialog.getByTestId('export-status');
    await expect(status).toContainText('Saved', { timeout: 20 * 60_000 });
    bytes = /\(([^)]+)\)/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    times.push((await lastExport(page)).elapsedMs);
  }
  const record = await lastExport(page);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, width: record.width, height: record.height, bytes, phases: record.phases };
}

test('chart image export timings beside cy.png', async ({ workbench }) => {
  const { page } = workbench;
  const rows: Row[] = [];
  const grid = workbench.file('grid.awcase');
  createGridCase(grid, GRID_NODES, Math.ceil(Math.sqrt(GRID_NODES)), 100);
  await workbench.launch();
  await waitForChart(page);

  const cases: { name: string; open: () => Promise<void>; runs: number }[] = [
    { name: 'JNIM', open: () => Promise.resolve(), runs: 3 },
    {
      name: `${GRID_NODES.toLocaleString('en-GB')}-node grid`,
      open: async () => {
        workbench.dialogs.openPaths.push(grid);
        await page.getByTestId('file-menu-button').click();
        await page.getByRole('menuitem', { name: /Open case/ }).click();
        await page.waitForFunction(
          (count) => (window as unknown as { __workbenchChart?: { cy: { nodes(): { length: number } } } }).__workbenchChart?.cy.nodes().length === count,
          GRID_NODES,
          { timeout: 120_000 },
        );
        await waitForChart(page);
      },
      runs: 1,
    },
  ];

  for (const chartCase of cases) {
    await chartCase.open();
    const nodes = await page.evaluate(() => (window as unknown as { __workbenchChart: { cy: { nodes(): { length: number } } } }).__workbenchChart.cy.nodes().length);
    const dialog = await openDialog(page);
    await dialog.getByLabel('White').check();
    await dialog.getByLabel('Title', { exact: true }).fill(`${chartCase.name} benchmark`);
    const exports: { label: string; format: 'PNG' | 'SVG' | 'PDF'; size: { scale: number } | { paper: 'A3'; dpi: number } }[] = [
      { label: 'PNG 2×', format: 'PNG', size: { scale: 2 } },
      { label: 'PNG A3 300 DPI', format: 'PNG', size: { paper: 'A3', dpi: 300 } },
      { label: 'SVG', format: 'SVG', size: { scale: 1 } },
      { label: 'PDF', format: 'PDF', size: { scale: 1 } },
    ];
    for (const item of exports) {
      await configure(dialog, item.format, item.size);
      const ext = item.format.toLowerCase();
      for (let i = 0; i < chartCase.runs; i++) workbench.dialogs.imagePaths.push(workbench.file(`bench-${rows.length}-${i}.${ext}`));
      const ours = await measure(page, dialog, chartCase.runs);
      // The reference: cy.png of the same pixel size (the vector rows: the page at 1×).
      const reference = await cyPng(page, ours.width, ours.height);
      rows.push({
        chart: chartCase.name,
        nodes,
        export: item.label,
        width: ours.width,
        height: ours.height,
        oursMs: Math.round(ours.ms),
        bytes: ours.bytes,
        cyPngMs: Math.round(reference.ms),
        cyPngBytes: reference.bytes,
        ratio: reference.bytes ? Math.round((ours.ms / reference.ms) * 100) / 100 : null,
        phases: ours.phases,
      });
      console.log(JSON.stringify(rows[rows.length - 1]));
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
  }

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2));
  console.log('\n| chart | export | pixels | ours | cy.png (same size) | ours / cy.png | file | ours: where the time went |');
  console.log('|---|---|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const cy = r.cyPngBytes ? `${r.cyPngMs} ms` : `${r.cyPngMs} ms, no image`;
    const phases = Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`| ${r.chart} | ${r.export} | ${r.width.toLocaleString('en-GB')} × ${r.height.toLocaleString('en-GB')} | ${r.oursMs} ms | ${cy} | ${r.ratio ?? '–'} | ${r.bytes} | ${phases} |`);
  }
});
