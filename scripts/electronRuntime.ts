import path from 'node:path';

/**
 * Pure decisions behind `npm start` (scripts/start.mjs, scripts/electron-native.mjs): is the
 * Electron binary there, how to build better-sqlite3 for it, and whether that build is current.
 * They take the file system as functions so tests can describe any machine.
 */

export interface ElectronInstallFacts {
  /** node_modules/electron */
  electronDir: string;
  /** The version electron's package.json pins, e.g. "45.5.0". */
  expectedVersion: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** File contents, or null when the file cannot be read. */
  readText: (filePath: string) => string | null;
  exists: (filePath: string) => boolean;
}

export type ElectronBinaryStatus =
  | { installed: true; binaryPath: string }
  | {
      installed: false;
      /** Where the binary was looked for; null on a platform Electron does not ship for. */
      binaryPath: string | null;
      reason: 'unsupported-platform' | 'not-downloaded' | 'wrong-version' | 'override-missing';
    };

/** The executable inside an unpacked Electron, as electron's install.js names it. */
export function electronExecutableName(platform: string): string | null {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

/**
 * Finds the Electron binary the way electron's index.js does (path.txt, `dist/`, the
 * ELECTRON_OVERRIDE_DIST_PATH folder) but only looks: index.js would start a download and throw.
 */
export function electronBinaryStatus(facts: ElectronInstallFacts): ElectronBinaryStatus {
  const recorded = facts.readText(path.join(facts.electronDir, 'path.txt'))?.trim() || null;
  const executable = recorded ?? electronExecutableName(facts.platform);
  const override = facts.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const binaryPath = path.join(override, executable ?? 'electron');
    return facts.exists(binaryPath) ? { installed: true, binaryPath } : { installed: false, binaryPath, reason: 'override-missing' };
  }
  if (!executable) return { installed: false, binaryPath: null, reason: 'unsupported-platform' };
  const binaryPath = path.join(facts.electronDir, 'dist', executable);
  if (!facts.exists(binaryPath)) return { installed: false, binaryPath, reason: 'not-downloaded' };
  const version = facts.readText(path.join(facts.electronDir, 'dist', 'version'))?.trim().replace(/^v/, '');
  if (version && version !== facts.expectedVersion) return { installed: false, binaryPath, reason: 'wrong-version' };
  return { installed: true, binaryPath };
}

/** The one sentence `npm start` ends with when it cannot get Electron. */
export function electronMissingMessage(expectedVersion: string): string {
  const major = expectedVersion.split('.')[0] ?? expectedVersion;
  return (
    `Analyst Workbench needs the Electron ${major} binary, which is not installed and could not be downloaded: ` +
    'on a machine with internet access run `npx install-electron` ' +
    `(or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${major} folder), then \`npm start\` again.`
  );
}

/** node-gyp arguments that build a native addon against Electron's headers instead of Node's. */
export function electronGypArgs(electronVersion: string, arch: string): string[] {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
    `--arch=${arch}`,
    // Compile in parallel: a cold build takes minutes otherwise.
    '--jobs=max',
  ];
}

/**
 * The environment for node-gyp: without the `npm_config_*` settings npm hands to scripts, since
 * node-gyp takes them as defaults and a user's `nodedir` (or `target`, `runtime`, `disturl`) would
 * silently build against Node's headers instead of Electron's.
 */
export function gypEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !key.toLowerCase().startsWith('npm_config_')) clean[key] = value;
  }
  return clean;
}

/** What a native build was made for; stored next to the addon to know when to rebuild. */
export interface NativeBuildInfo {
  electronVersion: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}

export function isNativeBuildCurrent(stored: unknown, wanted: NativeBuildInfo): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const record = stored as Record<string, unknown>;
  return (Object.keys(wanted) as (keyof NativeBuildInfo)[]).every((key) => record[key] === wanted[key]);
}

/** The probe run inside Electron (as Node) to prove the addon loads there. */
export function abiProbeScript(addonPath: string): string {
  return `require(${JSON.stringify(addonPath)}); process.stdout.write('abi=' + process.versions.modules);`;
}

/** The ABI the probe printed, or null when it did not get that far. */
export function parseAbiProbe(stdout: string): string | null {
  const match = /abi=(\d+)/.exec(stdout);
  return match?.[1] ?? null;
}
