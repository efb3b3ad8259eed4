import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const built = new Map<string, string>();

/**
 * A worker entry (a path from the repository's root) bundled as scripts/build-node.mjs bundles it,
 * once per process, for tests and the bench, which run from the sources: returns the script.
 */
export function bundledWorker(entry: string, out: string): string {
  const known = built.get(entry);
  if (known !== undefined) return known;
  const dir = mkdtempSync(join(tmpdir(), 'awb-worker-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const script = join(dir, out);
  buildSync({
    entryPoints: [resolve(entry)],
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  built.set(entry, script);
  return script;
}
