import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecentCase } from '../../app/contract';
import { caseFileFromArgv, chooseStartupCase, electronNativeBindingPath, withCaseExtension } from './startup';

const samplePath = path.join('/home/ana/.config/Analyst Workbench/cases', 'JNIM.awcase');

function recent(entries: [string, boolean][]): RecentCase[] {
  return entries.map(([file, exists], i) => ({ id: i.toString(16).padStart(16, '0'), path: file, name: path.basename(file, '.awcase'), openedAt: '2025-01-01T00:00:00Z', exists }));
}

describe('chooseStartupCase', () => {
  it('creates the JNIM sample on first launch', () => {
    expect(chooseStartupCase([], samplePath, false)).toEqual({ kind: 'create-sample', path: samplePath });
  });

  it('opens the sample file instead of overwriting it when it is already there', () => {
    expect(chooseStartupCase([], samplePath, true)).toEqual({ kind: 'open', path: samplePath });
  });

  it('reopens the most recent case that still exists', () => {
    const list = recent([
      ['/cases/moved.awcase', false],
      ['/cases/sahel.awcase', true],
      ['/cases/older.awcase', true],
    ]);
    expect(chooseStartupCase(list, samplePath, false)).toEqual({ kind: 'open', path: '/cases/sahel.awcase' });
  });

  it('opens nothing (and creates no sample) when every recent case is gone', () => {
    expect(chooseStartupCase(recent([['/cases/gone.awcase', false]]), samplePath, false)).toEqual({ kind: 'none' });
  });
});

describe('electronNativeBindingPath', () => {
  const inDev = path.join('/work/app', 'build', 'electron-native', 'better_sqlite3.node');
  const packaged = path.join('/opt/aw/resources', 'app.asar.unpacked', 'build', 'electron-native', 'better_sqlite3.node');
  const facts = { appPath: '/work/app', resourcesPath: '/opt/aw/resources' };

  it('uses the Electron build next to the project in development', () => {
    expect(electronNativeBindingPath({ ...facts, isPackaged: false, exists: (p) => p === inDev })).toBe(inDev);
  });

  it('uses the unpacked copy in a packaged app', () => {
    expect(electronNativeBindingPath({ ...facts, isPackaged: true, exists: (p) => p === packaged })).toBe(packaged);
  });

  it("falls back to better-sqlite3's own resolution when the build is absent", () => {
    expect(electronNativeBindingPath({ ...facts, isPackaged: false, exists: () => false })).toBeUndefined();
    expect(electronNativeBindingPath({ ...facts, isPackaged: true, exists: (p) => p === inDev })).toBeUndefined();
  });
});

describe('withCaseExtension', () => {
  it('adds .awcase only when missing', () => {
    expect(withCaseExtension('/cases/Sahel 2020')).toBe('/cases/Sahel 2020.awcase');
    expect(withCaseExtension('/cases/Sahel.awcase')).toBe('/cases/Sahel.awcase');
    expect(withCaseExtension('/cases/Sahel.AWCASE')).toBe('/cases/Sahel.AWCASE');
    expect(withCaseExtension('/cases/notes.txt')).toBe('/cases/notes.txt.awcase');
  });
});

describe('caseFileFromArgv', () => {
  it('finds a case file handed over by the OS, ignoring switches and the app folder', () => {
    expect(caseFileFromArgv(['/opt/aw/analyst-workbench', '/home/ana/Sahel.awcase'])).toBe('/home/ana/Sahel.awcase');
    expect(caseFileFromArgv(['electron', '.', '--inspect=1.awcase'])).toBeNull();
    expect(caseFileFromArgv(['electron', '.'])).toBeNull();
  });
});
