import type { WorkbenchApi } from '../../app/bridge';
import { DEFAULT_SETTINGS, applySettingsPatch, type Settings, type SettingsPatch } from '../../app/settings';

/**
 * The renderer's view of main's settings file (main/settingsStore.ts). Loaded once at start-up,
 * before the window is drawn; a change shows at once and is sent to main, which writes it. The
 * renderer never keeps its own copy beyond this window's life: main's file is the memory.
 */
export interface SettingsService {
  /** The settings as last loaded or changed (the defaults until `load` has answered). */
  current: () => Settings;
  /**
   * Reads them from main; on failure the defaults stay and the reason is shown. `asked`: the
   * reply to a `settings.get` already asked (the early script's).
   */
  load: (asked?: ReturnType<WorkbenchApi['settings.get']>) => Promise<Settings>;
  /** Changes them here and in main's file; resolves when main has written it (or said why not). */
  update: (patch: SettingsPatch) => Promise<void>;
}

export interface SettingsServiceDeps {
  api: Pick<WorkbenchApi, 'settings.get' | 'settings.update'>;
  showError: (message: string) => void;
  /** Says, once, that a settings file had to be set aside. */
  notify: (text: string) => void;
}

export function createSettingsService({ api, showError, notify }: SettingsServiceDeps): SettingsService {
  let settings: Settings = DEFAULT_SETTINGS;
  // Changes go to main one after another, so the file ends as the last change left it.
  let queue: Promise<void> = Promise.resolve();
  return {
    current: () => settings,
    async load(asked) {
      const result = await (asked ?? api['settings.get']());
      if (!result.ok) {
        showError(`The settings could not be read (${result.error.message}); the defaults are used.`);
        return settings;
      }
      settings = result.value.settings;
      if (result.value.notice !== null) notify(result.value.notice);
      return settings;
    },
    update(patch) {
      settings = applySettingsPatch(settings, patch);
      queue = queue.then(async () => {
        const result = await api['settings.update'](patch);
        if (!result.ok) showError(result.error.message);
      });
      return queue;
    },
  };
}
