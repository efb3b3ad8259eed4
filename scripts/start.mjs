// `npm start`: build main/preload/CLI and the renderer, make sure the Electron binary and a
// better-sqlite3 built for it are there, then run the app. Every way it can stop ends with one
// sentence saying what to do, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtime = await tsImport('./electronRuntime.ts', import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;

function stop(sentence) {
  console.error(sentence);
  process.exit(1);
}

function runNode(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) stop(`npm start stopped because ${what} failed (see the errors above).`);
}

function electronStatus() {
  return runtime.electronBinaryStatus({
    electronDir,
    expectedVersion: electronVersion,
    env: process.env,
    platform: process.platform,
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    exists: existsSync,
  });
}

runNode([path.join(root, 'scripts', 'build-node.mjs')], 'the main-process build');
runNode([path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], 'the renderer build (vite build)');

let status = electronStatus();
if (!status.installed && status.reason !== 'override-missing' && status.reason !== 'unsupported-platform') {
  console.log(`Electron ${electronVersion} is not installed yet; trying to download it once…`);
  // install.js prints a stack trace when it cannot download: keep its output to ourselves.
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 10 * 60_000 });
  status = electronStatus();
}
if (!status.installed) stop(runtime.electronMissingMessage(electronVersion));

const { ensureElectronNative } = await import('./electron-native.mjs');
const native = ensureElectronNative(status.binaryPath);
if (!native.ok) stop(`${native.message} Analyst Workbench cannot open case files without it.`);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(status.binaryPath, [root], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => stop(`Electron could not be started: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
