import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_FORMAT } from '../app/settings';
import { tempFolder } from '../db/testing/tempCase';
import { handlerHarness } from './testing/handlerHarness';
import { SettingsStore } from './settingsStore';

const folders: { cleanup: () => void }[] = [];
function folder() {
  const tmp = tempFolder('awb-settings-');
  folders.push(tmp);
  return tmp;
}
afterEach(() => {
  while (folders.length > 0) folders.pop()?.cleanup();
});

const fixedNow = () => new Date('2026-03-04T05:06:07.890Z');

describe('SettingsStore', () => {
  it('starts from the defaults without a file, and a second start reads what the first wrote', () => {
    const tmp = folder();
    const file = tmp.file('settings.json');
    const first = new SettingsStore(file);
    expect(first.snapshot()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    first.update({ theme: 'dark' });
    first.update({ panels: { side: { width: 420, collapsed: false } } });
    first.update({ panels: { notes: { width: 300, collapsed: true } } });

    const second = new SettingsStore(file);
    expect(second.current()).toEqual({ theme: 'dark', panels: { side: { width: 420, collapsed: false }, notes: { width: 300, collapsed: true } } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: SETTINGS_FORMAT, theme: 'dark' });
    // Written through a temporary file that is renamed: nothing else is left in the folder.
    expect(readdirSync(tmp.dir)).toEqual(['settings.json']);
  });

  it('sets a damaged file aside, says so once, and never writes over it', () => {
    const tmp = folder();
    const file = tmp.file('settings.json');
    writeFileSync(file, '{"format": 1, "theme": "dar');
    const store = new SettingsStore(file, fixedNow);
    const first = store.snapshot();
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    expect(first.notice).toMatch(/could not be read \(it is not JSON\)\. It was kept as settings\.unreadable-2026-03-04T05-06-07-890Z\.json/);
    expect(store.snapshot().notice).toBeNull();
    expect(readFileSync(tmp.file('settings.unreadable-2026-03-04T05-06-07-890Z.json'), 'utf8')).toBe('{"format": 1, "theme": "dar');
    store.update({ theme: 'light' });
    expect(new SettingsStore(file).current().theme).toBe('light');
  });

  it('sets aside a file whose values are out of range, naming the field', () => {
    const tmp = folder();
    const file = tmp.file('settings.json');
    writeFileSync(file, JSON.stringify({ format: 1, theme: 'dark', panels: { side: { width: -5, collapsed: false } } }));
    const { notice } = new SettingsStore(file, fixedNow).snapshot();
    expect(notice).toContain('panels.side.width');
    expect(readdirSync(tmp.dir)).toEqual(['settings.unreadable-2026-03-04T05-06-07-890Z.json']);
  });

  it('keeps a newer version\'s file whole, set aside, and uses the defaults', () => {
    const tmp = folder();
    const file = tmp.file('settings.json');
    const newer = JSON.stringify({ format: SETTINGS_FORMAT + 1, theme: 'dark', somethingNew: [1, 2] });
    writeFileSync(file, newer);
    const store = new SettingsStore(file, fixedNow);
    expect(store.snapshot()).toEqual({
      settings: DEFAULT_SETTINGS,
      notice: `Your settings file was written by a newer version of Analyst Workbench (format ${SETTINGS_FORMAT + 1}). It was kept as settings.newer-2026-03-04T05-06-07-890Z.json beside it, and the default settings are used.`,
    });
    store.update({ theme: 'light' });
    expect(readFileSync(tmp.file('settings.newer-2026-03-04T05-06-07-890Z.json'), 'utf8')).toBe(newer);
  });

  it('leaves a file it can neither read nor move exactly as it was', () => {
    const tmp = folder();
    const file = tmp.file('settings.json');
    writeFileSync(file, 'not json');
    // The name it would be moved to is taken (a second start within the same millisecond, say).
    writeFileSync(tmp.file('settings.unreadable-2026-03-04T05-06-07-890Z.json'), 'earlier');
    const store = new SettingsStore(file, fixedNow);
    expect(store.snapshot().notice).toMatch(/could not be moved aside .* for this session; the file is left as it was/);
    expect(store.update({ theme: 'dark' }).theme).toBe('dark');
    expect(readFileSync(file, 'utf8')).toBe('not json');
    expect(readFileSync(tmp.file('settings.unreadable-2026-03-04T05-06-07-890Z.json'), 'utf8')).toBe('earlier');
  });

  it('a write that fails changes nothing in memory, and leaves no temporary file', () => {
    const tmp = folder();
    const file = tmp.file('conf/settings.json');
    const store = new SettingsStore(file);
    store.update({ theme: 'dark' });
    // The folder is replaced by a file: every write into it fails, whoever runs the test.
    rmSync(tmp.file('conf'), { recursive: true });
    writeFileSync(tmp.file('conf'), 'in the way');
    expect(() => store.update({ theme: 'light' })).toThrow(/could not be saved .*they are as they were/);
    expect(store.current().theme).toBe('dark');
    expect(readdirSync(tmp.dir)).toEqual(['conf']);
  });
});

describe('settings channels', () => {
  it('settings.update validates its input and settings.get reads it back', async () => {
    const harness = handlerHarness();
    try {
      expect(await harness.call('settings.update', { theme: 'sepia' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await harness.call('settings.update', { panels: { side: { width: 1e9, collapsed: false } } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await harness.call('settings.update', { panels: { side: { width: 380, collapsed: true } } })).toMatchObject({ ok: true });
      expect(await harness.call('settings.get')).toEqual({
        ok: true,
        value: { settings: { theme: 'system', panels: { side: { width: 380, collapsed: true } } }, notice: null },
      });
    } finally {
      harness.close();
    }
  });
});
