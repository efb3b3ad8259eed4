/**
 * The render part of `npm run bench` (BENCH_SECTIONS=render; `npm run bench -- --quick` for a
 * subset): builds the app (skipped with BENCH_NO_BUILD=1), then runs e2e/bench/renderBench.ts,
 * which drives Debian Chromium beside sigma.js and plain Cytoscape and writes
 * test-results/render-bench.json. It lives with the e2e code because it drives the built renderer
 * in a browser, as the e2e harness does.
 */
import { spawnSync } from 'node:child_process';

export function benchRender(quick: boolean): void {
  if (process.env.BENCH_NO_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      process.exitCode = build.status ?? 1;
      return;
    }
  }
  const run = spawnSync('npx', ['tsx', 'e2e/bench/renderBench.ts', ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
