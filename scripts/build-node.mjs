// Bundles the Node-side entry points with esbuild: the Electron main process, the sandboxed
// preload, and the `workbench` CLI. Runs from `npm ci` (prepare), so an entry that does not exist
// yet is skipped with a note instead of failing the install.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'main');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Prefer ES modules so unused exports (most of @mdi/js's 7,000 icons) are tree-shaken away.
  mainFields: ['module', 'main'],
  target: 'node20',
  // better-sqlite3 is native (loaded from node_modules, or our Electron build via nativeBinding).
  external: ['electron', 'better-sqlite3'],
  loader: { '.txt': 'text' },
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  { name: 'Electron main', entry: 'main/electron/main.ts', out: 'main.cjs' },
  // A sandboxed preload can require nothing but 'electron': everything else is bundled in.
  { name: 'preload', entry: 'main/electron/preload.ts', out: 'preload.cjs', onlyElectron: true },
  { name: 'workbench CLI', entry: 'main/workbench.ts', out: 'workbench.cjs', executable: true },
  // Imports parse untrusted files in this worker (a thread in the app, a child process in the CLI).
  { name: 'import worker', entry: 'main/interchange/worker.ts', out: 'interchange-worker.cjs' },
  // The bulk import reads and checks its CSV files on this thread while the CLI's inserts run (db/bulkImportRows.ts).
  { name: 'bulk import worker', entry: 'db/bulkImportWorker.ts', out: 'bulk-import-worker.cjs' },
];

/**
 * Bundles every entry that exists, each on its own so one broken entry does not hide the others.
 * Returns the bundles written and the entries that failed (esbuild has printed where and why).
 */
export async function buildNode() {
  const built = [];
  const failed = [];
  for (const { name, entry, out, executable, onlyElectron } of entries) {
    const entryPath = path.join(root, entry);
    if (!existsSync(entryPath)) {
      console.log(`build-node: skipped the ${name} (${entry} does not exist yet).`);
      continue;
    }
    const outfile = path.join(outDir, out);
    // esbuild keeps a hashbang that is already in the entry; add one only when missing.
    const hasHashbang = readFileSync(entryPath, 'utf8').startsWith('#!');
    try {
      await build({
        ...common,
        entryPoints: [entryPath],
        outfile,
        ...(executable && !hasHashbang ? { banner: { js: '#!/usr/bin/env node' } } : {}),
      });
      if (executable) chmodSync(outfile, 0o755);
      if (onlyElectron) assertRequiresOnlyElectron(outfile);
      built.push(outfile);
    } catch (error) {
      failed.push({ name, entry, message: firstLine(error) });
    }
  }
  copyExportFont();
  return { built, failed };
}

/**
 * Chart image export embeds DejaVu Sans in PDFs (main/export/pdfWriter.ts): the font ships beside
 * the bundles, as the renderer's copy ships in dist/renderer/assets.
 */
function copyExportFont() {
  const from = path.join(root, 'node_modules', 'dejavu-fonts-ttf');
  if (!existsSync(from)) return;
  const to = path.join(outDir, 'fonts');
  mkdirSync(to, { recursive: true });
  for (const [file, name] of [['ttf/DejaVuSans.ttf', 'DejaVuSans.ttf'], ['ttf/DejaVuSans-Bold.ttf', 'DejaVuSans-Bold.ttf'], ['LICENSE', 'DejaVu-LICENSE']]) {
    copyFileSync(path.join(from, file), path.join(to, name));
  }
}

function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function assertRequiresOnlyElectron(file) {
  const required = [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const others = [...new Set(required.filter((name) => name !== 'electron'))];
  if (others.length > 0) {
    throw new Error(
      `${path.relative(root, file)} requires ${others.join(', ')}; a sandboxed preload can only require 'electron'.`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { built, failed } = await buildNode();
  for (const { name, entry, message } of failed) console.error(`build-node: the ${name} (${entry}) did not build: ${message}`);
  console.log(`build-node: built ${built.length} bundle(s) in ${Date.now() - started} ms${failed.length ? `, ${failed.length} failed` : ''}.`);
  if (failed.length > 0) process.exitCode = 1;
}
