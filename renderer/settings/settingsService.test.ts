import { describe, expect, it } from 'vitest';
import type { Result } from '../../app/result';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, type SettingsSnapshot } from '../../app/settings';
import { createSettingsService } from './settingsService';

function fakeMain(snapshot: Result<SettingsSnapshot>, failUpdates = false) {
  const updates: SettingsPatch[] = [];
  const api = {
    'settings.get': () => Promise.resolve(snapshot),
    'settings.update': (patch?: SettingsPatch): Promise<Result<Settings>> => {
      updates.push(patch ?? {});
      return Promise.resolve(failUpdates ? { ok: false, error: { code: 'internal', message: 'disk full' } } : { ok: true, value: DEFAULT_SETTINGS });
    },
  };
  return { api, updates };
}

describe('createSettingsService', () => {
  it('uses what main read, says once why a file was set aside, and sends each change in order', async () => {
    const stored: Settings = { theme: 'dark', panels: { side: { width: 400, collapsed: true } } };
    const main = fakeMain({ ok: true, value: { settings: stored, notice: 'set aside' } });
    const notices: string[] = [];
    const service = createSettingsService({ api: main.api, showError: () => undefined, notify: (t) => notices.push(t) });
    expect(service.current()).toEqual(DEFAULT_SETTINGS);
    expect(await service.load()).toEqual(stored);
    expect(notices).toEqual(['set aside']);
    void service.update({ theme: 'light' });
    await service.update({ panels: { side: { width: 300, collapsed: false } } });
    expect(service.current()).toEqual({ theme: 'light', panels: { side: { width: 300, collapsed: false } } });
    expect(main.updates).toEqual([{ theme: 'light' }, { panels: { side: { width: 300, collapsed: false } } }]);
  });

  it('keeps the defaults when main cannot answer, and shows why a change was not saved', async () => {
    const main = fakeMain({ ok: false, error: { code: 'internal', message: 'gone' } }, true);
    const errors: string[] = [];
    const service = createSettingsService({ api: main.api, showError: (m) => errors.push(m), notify: () => undefined });
    expect(await service.load()).toEqual(DEFAULT_SETTINGS);
    await service.update({ theme: 'dark' });
    expect(errors).toEqual(['The settings could not be read (gone); the defaults are used.', 'disk full']);
  });
});
