import type { AboutInfo, RecentCase } from '../app/contract';
import type { CaseInfo } from '../app/domain';
import type { MenuModel } from '../app/menuModel';
import { WorkbenchFailure } from '../app/result';
import { sqliteLibraryVersion, type OpenOptions } from '../db/caseFile';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import type { Handlers } from './dispatch';
import type { SettingsStore } from './settingsStore';

/** What the app is built of, as main knows it (Electron's parts are absent under plain Node). */
export interface BuildVersions {
  app: string;
  electron?: string;
  chromium?: string;
}

export interface AppHandlerDeps {
  versions: BuildVersions;
  storeOptions?: OpenOptions;
  /** Shows the menu bar the renderer's command registry describes (the native menu; absent in tests). */
  showMenu?: (model: MenuModel, recent: readonly RecentCase[]) => void;
  recentCases: () => RecentCase[];
  /** File › Restore Backup: native dialogs, then the swap (absent where there are no native dialogs). */
  restoreBackup?: () => Promise<CaseInfo | null>;
  /** The settings file in the user-data folder (one lasting the session only where there is none). */
  settings: SettingsStore;
}

/** Channels about the application rather than the case: About, the menu bar, settings, restoring a backup. */
export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app.about' | 'menu.update' | 'settings.get' | 'settings.update' | 'case.restoreBackup'> {
  let sqlite: string | null = null;
  return {
    'app.about': (): AboutInfo => {
      sqlite ??= sqliteLibraryVersion(deps.storeOptions);
      return {
        app: deps.versions.app,
        electron: deps.versions.electron ?? null,
        chromium: deps.versions.chromium ?? null,
        node: process.versions.node,
        sqlite,
        caseFormat: LATEST_SCHEMA_VERSION,
      };
    },
    'menu.update': (model) => {
      deps.showMenu?.(model, deps.recentCases());
      return null;
    },
    'settings.get': () => deps.settings.snapshot(),
    'settings.update': (patch) => deps.settings.update(patch),
    'case.restoreBackup': async () => {
      if (!deps.restoreBackup) throw new WorkbenchFailure('unsupported', 'Restoring a backup needs the desktop app (or `workbench restore`).');
      return deps.restoreBackup();
    },
  };
}
