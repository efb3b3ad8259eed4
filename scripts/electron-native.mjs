// Builds better-sqlite3 for Electron's ABI into build/electron-native/better_sqlite3.node.
// node_modules/better-sqlite3/build stays the Node build the tests use: we compile a copy in a
// temporary folder, then prove the result loads inside Electron (ELECTRON_RUN_AS_NODE).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtime = await tsImport('./electronRuntime.ts', import.meta.url);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const readTextOrNull = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

export const nativeDir = path.join(root, 'build', 'electron-native');
export const nativeAddon = path.join(nativeDir, 'better_sqlite3.node');
const buildInfoFile = path.join(nativeDir, 'build-info.json');

/** Loads `addon` inside Electron-as-Node; returns its ABI, or null with the reason. */
export function probeAddon(electronBinary, addon) {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const probe = spawnSync(electronBinary, ['-e', runtime.abiProbeScript(addon)], { env, encoding: 'utf8', timeout: 60_000 });
  const abi = runtime.parseAbiProbe(probe.stdout ?? '');
  return abi ? { abi } : { abi: null, reason: (probe.stderr || probe.error?.message || 'no output').trim().split('\n')[0] };
}

/**
 * Compiles a private copy of node_modules/better-sqlite3 with node-gyp `gypArgs` and returns the
 * path of the built addon inside `workDir`. Exported so the pipeline can be checked against Node
 * headers where Electron's cannot be downloaded.
 */
export function compileBetterSqlite3(gypArgs, workDir) {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const copy = path.join(workDir, 'better-sqlite3');
  const skip = [path.join(source, 'build'), path.join(source, 'node_modules')];
  cpSync(source, copy, { recursive: true, filter: (file) => !skip.some((dir) => file === dir || file.startsWith(dir + path.sep)) });
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const env = runtime.gypEnvironment(process.env);
  const result = spawnSync(process.execPath, [nodeGyp, ...gypArgs], { cwd: copy, stdio: 'inherit', env });
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    throw new Error(
      `node-gyp failed (exit ${result.status ?? result.signal}; it needs Electron's headers from electronjs.org once and a C++20 compiler), see its output above.`,
    );
  }
  return built;
}

/**
 * Makes sure build/electron-native/better_sqlite3.node exists, matches this Electron and
 * better-sqlite3, and loads in `electronBinary`. Returns `{ ok: true }` or `{ ok: false, message }`.
 */
export function ensureElectronNative(electronBinary) {
  const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const expectedAbi = readTextOrNull(path.join(root, 'node_modules', 'electron', 'abi_version'))?.trim() || null;
  const wanted = {
    electronVersion,
    betterSqlite3Version: readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };

  const storedInfo = (() => {
    try {
      return readJson(buildInfoFile);
    } catch {
      return null;
    }
  })();
  if (existsSync(nativeAddon) && runtime.isNativeBuildCurrent(storedInfo, wanted)) {
    const probe = probeAddon(electronBinary, nativeAddon);
    if (probe.abi && (!expectedAbi || probe.abi === expectedAbi)) return { ok: true };
    console.log('electron-native: the existing build does not load in Electron; rebuilding it.');
  }

  console.log(`electron-native: building better-sqlite3 ${wanted.betterSqlite3Version} for Electron ${electronVersion} (one time)…`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'aw-electron-native-'));
  try {
    const built = compileBetterSqlite3(runtime.electronGypArgs(electronVersion, process.arch), workDir);
    const probe = probeAddon(electronBinary, built);
    if (!probe.abi) {
      return { ok: false, message: `better-sqlite3 was built for Electron ${electronVersion} but does not load in it: ${probe.reason}` };
    }
    if (expectedAbi && probe.abi !== expectedAbi) {
      return { ok: false, message: `better-sqlite3 loaded with ABI ${probe.abi} but Electron ${electronVersion} expects ${expectedAbi}.` };
    }
    mkdirSync(nativeDir, { recursive: true });
    copyFileSync(built, nativeAddon);
    writeFileSync(buildInfoFile, `${JSON.stringify({ ...wanted, abi: probe.abi }, null, 2)}\n`);
    console.log(`electron-native: ${path.relative(root, nativeAddon)} loads in Electron (ABI ${probe.abi}).`);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Could not build better-sqlite3 for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electronBinary = process.argv[2];
  if (!electronBinary) {
    console.error('Usage: node scripts/electron-native.mjs <path to the Electron binary>');
    process.exitCode = 2;
  } else {
    const result = ensureElectronNative(electronBinary);
    if (!result.ok) {
      console.error(result.message);
      process.exitCode = 1;
    }
  }
}
