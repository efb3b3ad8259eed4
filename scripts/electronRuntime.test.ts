import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  abiProbeScript,
  electronBinaryStatus,
  electronGypArgs,
  electronMissingMessage,
  gypEnvironment,
  isNativeBuildCurrent,
  parseAbiProbe,
  type ElectronInstallFacts,
} from './electronRuntime';

const electronDir = path.join('/repo', 'node_modules', 'electron');

/** A machine described by its files. */
function machine(files: Record<string, string>, env: Record<string, string> = {}, platform = 'linux'): ElectronInstallFacts {
  return {
    electronDir,
    expectedVersion: '45.5.0',
    env,
    platform,
    readText: (file) => files[file] ?? null,
    exists: (file) => file in files,
  };
}

const inElectron = (...parts: string[]) => path.join(electronDir, ...parts);

describe('electronBinaryStatus', () => {
  it('finds a downloaded Electron through path.txt', () => {
    const status = electronBinaryStatus(
      machine({ [inElectron('path.txt')]: 'electron', [inElectron('dist', 'electron')]: '', [inElectron('dist', 'version')]: 'v45.5.0' }),
    );
    expect(status).toEqual({ installed: true, binaryPath: inElectron('dist', 'electron') });
  });

  it('reports a fresh npm install (no download, no path.txt) as not downloaded, where index.js would download', () => {
    expect(electronBinaryStatus(machine({}))).toEqual({
      installed: false,
      binaryPath: inElectron('dist', 'electron'),
      reason: 'not-downloaded',
    });
  });

  it('reports path.txt without the binary (a download that failed half-way)', () => {
    const status = electronBinaryStatus(machine({ [inElectron('path.txt')]: 'electron' }));
    expect(status).toMatchObject({ installed: false, reason: 'not-downloaded' });
  });

  it('refuses a binary of another Electron version (its ABI would not match our native build)', () => {
    const status = electronBinaryStatus(
      machine({ [inElectron('path.txt')]: 'electron', [inElectron('dist', 'electron')]: '', [inElectron('dist', 'version')]: '44.0.0' }),
    );
    expect(status).toMatchObject({ installed: false, reason: 'wrong-version' });
  });

  it('uses the platform executable names electron itself uses', () => {
    expect(electronBinaryStatus(machine({}, {}, 'win32')).binaryPath).toBe(inElectron('dist', 'electron.exe'));
    expect(electronBinaryStatus(machine({}, {}, 'darwin')).binaryPath).toBe(
      inElectron('dist', 'Electron.app/Contents/MacOS/Electron'),
    );
    expect(electronBinaryStatus(machine({}, {}, 'aix'))).toEqual({
      installed: false,
      binaryPath: null,
      reason: 'unsupported-platform',
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = path.join('/opt', 'electron-45');
    const present = machine({ [path.join(override, 'electron')]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: override });
    expect(electronBinaryStatus(present)).toEqual({ installed: true, binaryPath: path.join(override, 'electron') });

    const absent = machine({ [inElectron('dist', 'electron')]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: override });
    expect(electronBinaryStatus(absent)).toEqual({
      installed: false,
      binaryPath: path.join(override, 'electron'),
      reason: 'override-missing',
    });
  });

  it('ignores an empty ELECTRON_OVERRIDE_DIST_PATH', () => {
    const status = electronBinaryStatus(
      machine({ [inElectron('path.txt')]: 'electron', [inElectron('dist', 'electron')]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: ' ' }),
    );
    expect(status).toEqual({ installed: true, binaryPath: inElectron('dist', 'electron') });
  });
});

describe('electronMissingMessage', () => {
  it('is one sentence that says what to do', () => {
    const message = electronMissingMessage('45.5.0');
    expect(message).toBe(
      'Analyst Workbench needs the Electron 45 binary, which is not installed and could not be downloaded: ' +
        'on a machine with internet access run `npx install-electron` (or set ELECTRON_OVERRIDE_DIST_PATH to an ' +
        'unpacked Electron 45 folder), then `npm start` again.',
    );
    expect(message).not.toContain('\n');
  });
});

describe('native build for Electron', () => {
  it('asks node-gyp for Electron headers of the exact version', () => {
    expect(electronGypArgs('45.5.0', 'x64')).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.5.0',
      '--dist-url=https://electronjs.org/headers',
      '--arch=x64',
      '--jobs=max',
    ]);
  });

  it("keeps npm's node-gyp settings (a user's nodedir) away from the Electron build", () => {
    const env = gypEnvironment({
      PATH: '/usr/bin',
      HOME: '/root',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      UNSET: undefined,
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root' });
  });

  it('rebuilds when Electron, better-sqlite3, the platform or the arch changed', () => {
    const wanted = { electronVersion: '45.5.0', betterSqlite3Version: '12.6.2', platform: 'linux', arch: 'x64' };
    expect(isNativeBuildCurrent({ ...wanted, abi: '150' }, wanted)).toBe(true);
    expect(isNativeBuildCurrent({ ...wanted, electronVersion: '45.4.0' }, wanted)).toBe(false);
    expect(isNativeBuildCurrent({ ...wanted, betterSqlite3Version: '12.6.1' }, wanted)).toBe(false);
    expect(isNativeBuildCurrent({ ...wanted, arch: 'arm64' }, wanted)).toBe(false);
    expect(isNativeBuildCurrent(null, wanted)).toBe(false);
    expect(isNativeBuildCurrent('garbage', wanted)).toBe(false);
  });

  it('probes the ABI by loading the addon, and reads the answer', () => {
    const script = abiProbeScript('/tmp/x "quoted"/better_sqlite3.node');
    expect(script).toContain('require("/tmp/x \\"quoted\\"/better_sqlite3.node")');
    expect(parseAbiProbe('abi=150')).toBe('150');
    expect(parseAbiProbe('')).toBeNull();
    expect(parseAbiProbe('Error: was compiled against a different Node.js version')).toBeNull();
  });
});
