import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml is only read by `npm run dist`, which cannot run in CI without downloading
 * Electron: validate it here against electron-builder's own JSON schema instead, and pin the
 * settings the app's security and native modules depend on.
 */

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (it parses this file with it) and ships no types.
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, unknown>;

function loadConfig(text: string): Config {
  const parsed = yaml.load(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a mapping');
  return parsed as Config;
}

const configText = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
let validate: (config: unknown) => string[];

beforeAll(() => {
  const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
  const check = ajv.compile(schema);
  validate = (config) => (check(config) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
});

describe('electron-builder.yml', () => {
  const config = loadConfig(configText);

  it('is valid for electron-builder', () => {
    expect(validate(config)).toEqual([]);
  });

  it('gives the app and its case files icons rendered by scripts/make-icons.ts, on every platform', () => {
    const script = readFileSync(path.join(root, 'scripts', 'make-icons.ts'), 'utf8');
    expect(config.icon).toBe('build/icon.png');
    expect((config.mac as Config).icon).toBe('build/icon.icns');
    expect((config.win as Config).icon).toBe('build/icon.ico');
    expect((config.linux as Config).icon).toBe('build/icons');
    expect((config.fileAssociations as Config[])[0]).toMatchObject({ ext: 'awcase', icon: 'case' });
    for (const written of ["'icon.ico'", "'icon.icns'", "'case.ico'", "'case.icns'", "'icon.png'", "'icons'"]) expect(script).toContain(written);
  });

  it('would catch a broken config (the schema check can fail)', () => {
    expect(validate({ ...config, appId: 5 })).not.toEqual([]);
    expect(validate({ ...config, unknownOption: true })).not.toEqual([]);
    expect(validate(loadConfig(configText.replace('runAsNode: false', 'runAsNode: "no"')))).not.toEqual([]);
  });

  it('names the app and writes packages to release/', () => {
    expect(config.appId).toBe('org.analystworkbench.app');
    expect(config.productName).toBe('Analyst Workbench');
    expect(config.directories).toMatchObject({ output: 'release' });
  });

  it('builds AppImage and deb on Linux, an NSIS installer on Windows, a dmg on macOS', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect((config.linux as Config).maintainer).toEqual(expect.any(String));
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('ships the bundles and keeps better-sqlite3 (both builds) outside the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**', 'build/electron-native/**']));
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'build/electron-native/**']));
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the fuses that close Node-level back doors in the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('registers .awcase files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'awcase' })]);
  });
});
