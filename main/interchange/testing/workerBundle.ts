import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { setInterchangeWorkerScript } from '../parseHost';

let built: string | null = null;

/** Builds the import worker once per test process (as scripts/build-node.mjs does) and points the host at it. */
export function useBuiltInterchangeWorker(): string {
  if (built === null) {
    const dir = mkdtempSync(join(tmpdir(), 'awb-worker-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    built = join(dir, 'interchange-worker.cjs');
    buildSync({
      entryPoints: [resolve('main/interchange/worker.ts')],
      outfile: built,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
  }
  setInterchangeWorkerScript(built);
  return built;
}
