/**
 * The chart-image part of `npm run bench` (opt-in: `BENCH_SECTIONS=image npm run bench`, after
 * `npm run build`): it needs the built renderer and Chromium, so it runs e2e/exportBench.spec.ts
 * under Playwright, which times each export beside `cy.png` of the same size in the same page and
 * writes test-results/export-bench.json.
 */
import { spawnSync } from 'node:child_process';

export function benchImageExport(): void {
  const run = spawnSync('npx', ['playwright', 'test', 'e2e/exportBench.spec.ts', '--reporter=list'], {
    stdio: 'inherit',
    env: { ...process.env, WORKBENCH_BENCH: '1' },
  });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
