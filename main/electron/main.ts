import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol } from 'electron';
import type { EventName, EventPayloads, RecentCase } from '../../app/contract';
import type { CaseInfo } from '../../app/domain';
import type { MenuModel } from '../../app/menuModel';
import { backupFolderFor, listBackups } from '../../db/backup';
import { createSampleCase } from '../../db/samples';
import { AUTO_BACKUP_INTERVAL_MS, AutoBackup } from '../autoBackup';
import { createCaseRecovery, describeSalvage, planRestoreOfOpenCase, type CaseRecovery } from '../caseRecovery';
import { CaseSession } from '../caseSession';
import { describeErrorForLog } from '../errorReport';
import { createFileDrops } from '../fileDrops';
import { createCaseOpener, createHandlers, type CaseOpener } from '../handlers';
import { RecentCases } from '../recentCases';
import { SettingsStore } from '../settingsStore';
import { APP_SCHEME } from '../security';
import { createMainWindow } from './appWindow';
import { errorSentence, PRODUCT_NAME, reportUnexpectedError } from './errors';
import { menuTemplate } from './menuTemplate';
import { createNativeDialogs } from './nativeDialogs';
import { hardenWebContents, lockDownSession, registerFileDrops, registerIpc, rendererFileServer } from './protection';
import { CASE_FILE_FILTERS, caseFileFromArgv, chooseStartupCase, electronNativeBindingPath } from './startup';

/**
 * The Electron main process: one sandboxed window serving the renderer from app://workbench,
 * the native menu, and the IPC bridge to the same handlers the e2e harness drives. Each concern
 * is its own module: the window (appWindow.ts), security wiring (protection.ts, rules in
 * ../security.ts), native dialogs (nativeDialogs.ts), the menu (menuTemplate.ts, generated from
 * the renderer's command registry); this file starts them and runs the case lifecycle.
 */

const SAMPLE_SLUG = 'jnim';
const SAMPLE_FILE_NAME = 'JNIM.awcase';

process.on('uncaughtException', reportUnexpectedError);
process.on('unhandledRejection', reportUnexpectedError);

// Before `ready`: the privileged scheme, the sandbox for every renderer, one instance only.
protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps compiled code for our bundles between launches (needs `standard`).
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  startWorkbench();
} else {
  // Another instance owns the user-data folder and the open case; it gets our argv instead.
  app.quit();
}

function startWorkbench(): void {
  let mainWindow: BrowserWindow | null = null;
  let caseSession: CaseSession | null = null;
  let recentCases: RecentCases | null = null;
  let autoBackup: AutoBackup | null = null;
  let caseRecovery: CaseRecovery | null = null;
  let opener: CaseOpener | null = null;
  let autoBackupTimer: ReturnType<typeof setInterval> | null = null;
  let menuModel: MenuModel | null = null;
  let quitting = false;
  /** A case file handed to us (macOS `open-file`) before the app was ready. */
  let pendingCaseFile: string | null = null;

  const appRoot = app.getAppPath();
  const preloadPath = path.join(appRoot, 'dist', 'main', 'preload.cjs');
  const liveWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  const dialogs = createNativeDialogs(liveWindow, () => app.getPath('documents'));
  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath,
      stateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devTools: !app.isPackaged,
      onClosed: (window) => {
        if (mainWindow === window) mainWindow = null;
      },
    });
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    } else if (app.isReady()) {
      openWindow();
    }
    const caseFile = caseFileFromArgv(argv);
    // A relative path is relative to where the second instance was started.
    if (caseFile) void openCaseFromOutside(path.resolve(workingDirectory, caseFile));
  });

  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (opener) void openCaseFromOutside(filePath);
    else pendingCaseFile = filePath;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('will-quit', () => {
    if (autoBackupTimer) clearInterval(autoBackupTimer);
    // Closing checkpoints the WAL so the case is one self-contained file again.
    try {
      caseSession?.close();
    } catch (error) {
      console.error(`[workbench] closing the case on quit failed: ${describeErrorForLog(error)}`);
    }
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error(`[workbench] start-up failed: ${describeErrorForLog(error)}`);
      dialog.showErrorBox(PRODUCT_NAME, `Analyst Workbench could not start: ${errorSentence(error)}`);
      app.exit(1);
    });

  async function onReady(): Promise<void> {
    lockDownSession();
    protocol.handle(APP_SCHEME, rendererFileServer(path.join(appRoot, 'dist', 'renderer')));

    const nativeBinding = electronNativeBindingPath({
      isPackaged: app.isPackaged,
      appPath: appRoot,
      resourcesPath: process.resourcesPath,
      exists: existsSync,
    });
    const storeOptions = nativeBinding ? { nativeBinding } : {};
    const session = new CaseSession(storeOptions);
    caseSession = session;
    const recent = new RecentCases(path.join(app.getPath('userData'), 'recent-cases.json'));
    recentCases = recent;
    autoBackup = new AutoBackup({
      currentStore: () => (session.current() ? session.requireStore() : null),
      storeOptions,
      log: (line) => console.error(line),
    });
    autoBackupTimer = setInterval(() => void autoBackup?.tick(), AUTO_BACKUP_INTERVAL_MS);
    const recovery = createCaseRecovery({
      session,
      ask: dialogs.askRecovery,
      quit: () => app.quit(),
      reportSalvage: (report) => dialogs.showInfo('Case salvaged', describeSalvage(report)),
      storeOptions,
      fallbackDir: path.join(app.getPath('userData'), 'set-aside'),
    });
    caseRecovery = recovery;
    opener = createCaseOpener({ session, recent, emit, recovery });
    const drops = createFileDrops({ opener, emit });
    const handlers = createHandlers({
      session,
      dialogs: dialogs.caseDialogs,
      recent,
      emit,
      recovery,
      settings: new SettingsStore(path.join(app.getPath('userData'), 'settings.json')),
      // A file dropped on the window answers the next import's question instead of the dialog.
      interchangeDialogs: drops.importDialogs(dialogs.interchangeDialogs),
      // The build copies the export font beside the bundled main process (scripts/build-node.mjs).
      exportFontDirs: [path.join(appRoot, 'dist', 'main', 'fonts')],
      app: {
        versions: { app: app.getVersion(), electron: process.versions.electron, chromium: process.versions.chrome },
        storeOptions,
        showMenu: (model) => {
          menuModel = model;
          buildMenu();
        },
        restoreBackup: restoreBackupOfOpenCase,
      },
    });
    registerIpc(handlers, liveWindow);
    registerFileDrops(drops, liveWindow);

    await openStartupCase(storeOptions);
    // The analyst chose Quit over a damaged case at start-up: no window.
    if (quitting) return;
    buildMenu();
    openWindow();
  }

  /** File › Restore Backup: choose a backup of the open case, confirm, and put it in its place. */
  async function restoreBackupOfOpenCase(): Promise<CaseInfo | null> {
    const current = caseSession?.current();
    if (!current || !caseRecovery) return null;
    const backupPath = await dialogs.chooseFile({
      title: 'Restore Backup',
      buttonLabel: 'Restore',
      defaultPath: backupFolderFor(current.path),
      filters: CASE_FILE_FILTERS,
      properties: ['openFile'],
    });
    if (!backupPath) return null;
    const backup = listBackups(current.path).find((entry) => entry.path === path.resolve(backupPath)) ?? null;
    const question = planRestoreOfOpenCase(current.path, backup, backupPath);
    const response = await dialogs.ask({
      type: 'question',
      title: 'Restore Backup',
      message: question.message,
      detail: question.detail,
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return null;
    try {
      const { info } = await caseRecovery.restoreOpenCase(backupPath);
      recentCases?.add(info.path, info.name);
      emit('case.changed', info);
      return info;
    } catch (error) {
      dialog.showErrorBox('Could not restore the backup', errorSentence(error));
      emit('case.changed', caseSession?.current() ?? null);
      return null;
    }
  }

  function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    if (event === 'case.changed') {
      if (app.isReady()) buildMenu();
      // A restore point of the case as it was opened (skipped when a recent backup exists).
      if (payload !== null) void autoBackup?.afterOpen();
    }
    const window = liveWindow();
    if (window && !window.webContents.isDestroyed()) window.webContents.send(event, payload);
  }

  // -------------------------------------------------------------------------------------------
  // Cases handed to us by the OS (double-click, open-file, the command line) and at start-up.
  // These are the only paths main opens that no dialog of its own chose.

  async function openCaseAt(filePath: string, failureTitle: string): Promise<void> {
    if (!opener) return;
    try {
      await opener.open(filePath);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'cancelled') dialog.showErrorBox(failureTitle, errorSentence(error));
    }
    buildMenu();
  }

  async function openCaseFromOutside(filePath: string): Promise<void> {
    await openCaseAt(path.resolve(filePath), 'Could not open the case');
  }

  async function openStartupCase(storeOptions: { nativeBinding?: string }): Promise<void> {
    if (!recentCases) return;
    const handedOver = pendingCaseFile ?? caseFileFromArgv(process.argv);
    pendingCaseFile = null;
    if (handedOver) {
      await openCaseFromOutside(handedOver);
      return;
    }
    const casesDir = path.join(app.getPath('userData'), 'cases');
    const samplePath = path.join(casesDir, SAMPLE_FILE_NAME);
    const choice = chooseStartupCase(recentCases.list(), samplePath, existsSync(samplePath));
    if (choice.kind === 'none') return;
    if (choice.kind === 'create-sample') {
      try {
        mkdirSync(casesDir, { recursive: true });
        createSampleCase(choice.path, SAMPLE_SLUG, storeOptions);
      } catch (error) {
        console.error(`[workbench] creating the sample case failed: ${describeErrorForLog(error)}`);
        dialog.showErrorBox(
          'Could not create the sample case',
          `The JNIM sample case could not be created in ${casesDir}: ${errorSentence(error)}`,
        );
        return;
      }
    }
    await openCaseAt(choice.path, 'Could not reopen the last case');
  }

  // -------------------------------------------------------------------------------------------
  // The native menu: generated from the renderer's command registry (menu.update), rebuilt when
  // that model, the case or the recent list changes.

  function buildMenu(): void {
    const template = menuTemplate(
      { isMac: process.platform === 'darwin', isPackaged: app.isPackaged, model: menuModel, recent: recentCases?.list() ?? [] },
      {
        runCommand: (commandId) => emit('command.run', { commandId }),
        openRecent: (entry: RecentCase) => void openCaseAt(entry.path, 'Could not open the case'),
        clearRecent: () => {
          recentCases?.clear();
          buildMenu();
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
}
