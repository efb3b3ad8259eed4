import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type FileFilter,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { CHANNEL_NAMES, type ChannelInput, type ChannelName, type EventName, type EventPayloads } from '../../app/contract';
import { EXPORT_CHOICES, exportCommandId } from '../../app/interchange/exportChoices';
import type { Result } from '../../app/result';
import { backupFolderFor, listBackups } from '../../db/backup';
import { createSampleCase } from '../../db/samples';
import { AUTO_BACKUP_INTERVAL_MS, AutoBackup } from '../autoBackup';
import {
  createCaseRecovery,
  describeSalvage,
  planRestoreOfOpenCase,
  type CaseRecovery,
  type RecoveryAction,
  type RecoveryPlan,
} from '../caseRecovery';
import { CaseSession } from '../caseSession';
import { dispatch, type Handlers } from '../dispatch';
import { describeErrorForLog } from '../errorReport';
import { createHandlers, type CaseDialogs } from '../handlers';
import { createInterchangeDialogs } from './interchangeDialogs';
import { RecentCases } from '../recentCases';
import {
  APP_ENTRY_URL,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  contentTypeForAsset,
  describeUrlForLog,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  resolveAppAssetPath,
  windowWebPreferences,
  type SenderFacts,
} from '../security';
import {
  CASE_FILE_FILTERS,
  caseFileFromArgv,
  chooseStartupCase,
  electronNativeBindingPath,
  withCaseExtension,
} from './startup';

/**
 * The Electron main process: one sandboxed window serving the renderer from app://workbench,
 * the native menu, and the IPC bridge to the same handlers the e2e harness drives. The security
 * rules themselves live in ../security.ts; this file only wires them into Electron.
 */

const PRODUCT_NAME = 'Analyst Workbench';
const SAMPLE_SLUG = 'jnim';
const SAMPLE_FILE_NAME = 'JNIM.awcase';

// ---------------------------------------------------------------------------------------------
// Unexpected errors: logged in full, shown to the analyst once, never rethrown (a throw in main
// would kill the app and, with it, the analyst's session).

let unexpectedErrorShown = false;

function reportUnexpectedError(error: unknown): void {
  // The log line names the error and where it was thrown, never case content or paths (errorReport.ts).
  console.error(`[workbench] unexpected error in the main process: ${describeErrorForLog(error)}`);
  if (unexpectedErrorShown) return;
  unexpectedErrorShown = true;
  try {
    dialog.showErrorBox(
      PRODUCT_NAME,
      'Analyst Workbench hit an unexpected problem and wrote the details to its log. ' +
        'Everything already saved is in the case file; if something looks wrong, restart the application.',
    );
  } catch {
    // Logged above; a dialog that cannot be shown must not turn into another uncaught error.
  }
}

process.on('uncaughtException', reportUnexpectedError);
process.on('unhandledRejection', reportUnexpectedError);

function errorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  return firstLine.length > 0 ? firstLine : 'An unknown error occurred.';
}

// ---------------------------------------------------------------------------------------------
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
  let handlers: Handlers | null = null;
  let caseSession: CaseSession | null = null;
  let recentCases: RecentCases | null = null;
  let autoBackup: AutoBackup | null = null;
  let caseRecovery: CaseRecovery | null = null;
  let autoBackupTimer: ReturnType<typeof setInterval> | null = null;
  let quitting = false;
  let hasOpenCase = false;
  /** A case file handed to us (macOS `open-file`) before the app was ready. */
  let pendingCaseFile: string | null = null;

  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const preloadPath = path.join(appRoot, 'dist', 'main', 'preload.cjs');

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    } else if (app.isReady()) {
      mainWindow = createMainWindow();
    }
    const caseFile = caseFileFromArgv(argv);
    // A relative path is relative to where the second instance was started.
    if (caseFile) void openCaseFromOutside(path.resolve(workingDirectory, caseFile));
  });

  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (handlers) void openCaseFromOutside(filePath);
    else pendingCaseFile = filePath;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
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
    protocol.handle(APP_SCHEME, serveRendererFile);

    const nativeBinding = electronNativeBindingPath({
      isPackaged: app.isPackaged,
      appPath: appRoot,
      resourcesPath: process.resourcesPath,
      exists: existsSync,
    });
    const storeOptions = nativeBinding ? { nativeBinding } : {};
    const session = new CaseSession(storeOptions);
    caseSession = session;
    recentCases = new RecentCases(path.join(app.getPath('userData'), 'recent-cases.json'));
    autoBackup = new AutoBackup({
      currentStore: () => (session.current() ? session.requireStore() : null),
      storeOptions,
      log: (line) => console.error(line),
    });
    autoBackupTimer = setInterval(() => void autoBackup?.tick(), AUTO_BACKUP_INTERVAL_MS);
    const recovery = createCaseRecovery({
      session,
      ask: askRecovery,
      quit: () => app.quit(),
      reportSalvage: (report) => showInfo('Case salvaged', describeSalvage(report)),
      storeOptions,
      fallbackDir: path.join(app.getPath('userData'), 'set-aside'),
    });
    caseRecovery = recovery;
    handlers = createHandlers({
      session,
      dialogs: caseDialogs,
      recent: recentCases,
      emit,
      recovery,
      interchangeDialogs,
      // The build copies the export font beside the bundled main process (scripts/build-node.mjs).
      exportFontDirs: [path.join(appRoot, 'dist', 'main', 'fonts')],
    });
    registerIpc(handlers);

    await openStartupCase(storeOptions);
    // The analyst chose Quit over a damaged case at start-up: no window.
    if (quitting) return;
    buildMenu();
    mainWindow = createMainWindow();
  }

  // -------------------------------------------------------------------------------------------
  // A case that will not open (damaged, not a case, newer): the choice, in a native dialog.
  // The decisions and the file handling are in ../caseRecovery.ts.

  async function askRecovery(plan: RecoveryPlan): Promise<RecoveryAction> {
    const options: MessageBoxOptions = {
      type: 'warning',
      title: plan.title,
      message: plan.message,
      detail: plan.detail,
      buttons: plan.choices.map((choice) => choice.label),
      defaultId: 0,
      cancelId: Math.max(0, plan.choices.findIndex((choice) => choice.action === plan.cancelAction)),
      noLink: true,
    };
    const window = liveWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return plan.choices[response]?.action ?? plan.cancelAction;
  }

  /** File > Restore Backup…: choose a backup of the open case, confirm, and put it in its place. */
  async function restoreBackupOfOpenCase(): Promise<void> {
    const current = caseSession?.current();
    if (!current || !caseRecovery) return;
    const window = liveWindow();
    const pick: OpenDialogOptions = {
      title: 'Restore Backup',
      buttonLabel: 'Restore',
      defaultPath: backupFolderFor(current.path),
      filters: CASE_FILE_FILTERS,
      properties: ['openFile'],
    };
    const picked = window ? await dialog.showOpenDialog(window, pick) : await dialog.showOpenDialog(pick);
    const backupPath = picked.canceled ? null : (picked.filePaths[0] ?? null);
    if (!backupPath) return;
    const backup = listBackups(current.path).find((entry) => entry.path === path.resolve(backupPath)) ?? null;
    const question = planRestoreOfOpenCase(current.path, backup, backupPath);
    const confirm: MessageBoxOptions = {
      type: 'question',
      title: 'Restore Backup',
      message: question.message,
      detail: question.detail,
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = window ? await dialog.showMessageBox(window, confirm) : await dialog.showMessageBox(confirm);
    if (response !== 0) return;
    try {
      const { info } = await caseRecovery.restoreOpenCase(backupPath);
      recentCases?.add(info.path, info.name);
      emit('case.changed', info);
    } catch (error) {
      dialog.showErrorBox('Could not restore the backup', errorSentence(error));
      emit('case.changed', caseSession?.current() ?? null);
    }
  }

  async function showInfo(title: string, detail: string): Promise<void> {
    const options: MessageBoxOptions = { type: 'info', title, message: title, detail, buttons: ['OK'], noLink: true };
    const window = liveWindow();
    await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }

  // -------------------------------------------------------------------------------------------
  // Session: no permissions, no network, no downloads.

  function lockDownSession(): void {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowedRequestUrl(details.url);
      if (!allowed) console.warn(`[workbench] blocked a request to ${describeUrlForLog(details.url)}`);
      callback({ cancel: !allowed });
    });
    ses.on('will-download', (event) => event.preventDefault());
  }

  function hardenWebContents(contents: WebContents): void {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
  }

  /** Serves dist/renderer over app://workbench with the CSP; nothing outside that folder. */
  async function serveRendererFile(request: Request): Promise<Response> {
    const headers = { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers });
    }
    const filePath = resolveAppAssetPath(rendererDir, request.url);
    if (!filePath) return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeForAsset(filePath) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  }

  // -------------------------------------------------------------------------------------------
  // The window.

  function createMainWindow(): BrowserWindow {
    const window = new BrowserWindow({
      title: PRODUCT_NAME,
      width: 1440,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      show: false,
      webPreferences: {
        ...windowWebPreferences(preloadPath, { devTools: !app.isPackaged }),
        // Spelled out again where the window is made, for reviewers and for Electronegativity,
        // which cannot follow the function call (windowWebPreferences, tested, sets the same).
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    window.once('ready-to-show', () => window.show());
    window.webContents.on('did-fail-load', (_event, _code, description, url, isMainFrame) => {
      if (!isMainFrame) return;
      window.show();
      dialog.showErrorBox(
        PRODUCT_NAME,
        `The Analyst Workbench window could not load ${url} (${description}); the renderer build may be missing: run \`npm run build\`.`,
      );
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      console.error('[workbench] the window process ended:', details);
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      console.error(`[workbench] loading the window failed: ${describeErrorForLog(error)}`);
    });
    return window;
  }

  function liveWindow(): BrowserWindow | null {
    return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  }

  // -------------------------------------------------------------------------------------------
  // IPC: one handler per contract channel, only for our own page; events out to the window.

  function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
    const window = liveWindow();
    const frame = event.senderFrame;
    const isOurWindow = window !== null && event.sender.id === window.webContents.id;
    const mainFrame = isOurWindow && window ? window.webContents.mainFrame : null;
    return {
      frameUrl: frame ? frame.url : null,
      isMainFrame:
        frame !== null &&
        mainFrame !== null &&
        frame.parent === null &&
        frame.processId === mainFrame.processId &&
        frame.routingId === mainFrame.routingId,
      isOurWindow,
    };
  }

  function registerIpc(channelHandlers: Handlers): void {
    for (const name of CHANNEL_NAMES) {
      ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
        const facts = senderFacts(event);
        if (!isTrustedSender(facts)) {
          console.warn(`[workbench] refused ${name} from ${facts.frameUrl ? describeUrlForLog(facts.frameUrl) : 'a closed frame'}`);
          return {
            ok: false,
            error: { code: 'internal', message: 'Refused: the request did not come from the Analyst Workbench window.' },
          };
        }
        return dispatch(channelHandlers, name, input);
      });
    }
  }

  function runRendererCommand(commandId: string): void {
    emit('command.run', { commandId });
  }

  function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    if (event === 'case.changed') {
      hasOpenCase = payload !== null;
      if (app.isReady()) buildMenu();
      // A restore point of the case as it was opened (skipped when a recent backup exists).
      if (payload !== null) void autoBackup?.afterOpen();
    }
    const window = liveWindow();
    if (window && !window.webContents.isDestroyed()) window.webContents.send(event, payload);
  }

  // -------------------------------------------------------------------------------------------
  // Cases: dialogs, start-up, and opening files handed to us by the OS.

  const caseDialogs: CaseDialogs = {
    async chooseNewCasePath() {
      const options: SaveDialogOptions = {
        title: 'New Case',
        buttonLabel: 'Create',
        defaultPath: path.join(app.getPath('documents'), 'Untitled case.awcase'),
        filters: CASE_FILE_FILTERS,
        // No overwrite prompt: creating a case never replaces a file (the store refuses).
        properties: ['createDirectory'],
      };
      const window = liveWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : withCaseExtension(result.filePath);
    },
    async chooseCaseToOpen() {
      const options: OpenDialogOptions = {
        title: 'Open Case',
        buttonLabel: 'Open',
        filters: CASE_FILE_FILTERS,
        properties: ['openFile'],
      };
      const window = liveWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImageExportPath(format, suggestedName) {
      const filters: Record<typeof format, FileFilter> = {
        png: { name: 'PNG image', extensions: ['png'] },
        jpeg: { name: 'JPEG image', extensions: ['jpg', 'jpeg'] },
        svg: { name: 'SVG image', extensions: ['svg'] },
        pdf: { name: 'PDF document', extensions: ['pdf'] },
      };
      const options: SaveDialogOptions = {
        title: 'Export Image',
        buttonLabel: 'Export',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [filters[format]],
        // The OS asks before replacing a file; main then replaces it atomically.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = liveWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };

  // File › Import and File › Export: their paths come only from these dialogs (see main/interchange/handlers.ts).
  const interchangeDialogs = createInterchangeDialogs(
    {
      showOpenDialog: (options) => {
        const window = liveWindow();
        return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog: (options) => {
        const window = liveWindow();
        return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
      },
    },
    () => app.getPath('documents'),
  );

  /** Runs a channel for a menu item or the OS; a failure becomes a dialog (cancelling is not one). */
  async function runCaseAction<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    failureTitle: string,
  ): Promise<boolean> {
    if (!handlers) return false;
    const result = await dispatch(handlers, channel, input);
    if (!result.ok && result.error.code !== 'cancelled') {
      dialog.showErrorBox(failureTitle, result.error.message);
    }
    buildMenu();
    return result.ok;
  }

  async function openCaseFromOutside(filePath: string): Promise<void> {
    await runCaseAction('case.open', { path: path.resolve(filePath) }, 'Could not open the case');
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
    await runCaseAction('case.open', { path: choice.path }, 'Could not reopen the last case');
  }

  // -------------------------------------------------------------------------------------------
  // The native menu. Items call the same handlers as the renderer; rebuilt when the case or the
  // recent list changes.

  function buildMenu(): void {
    const isMac = process.platform === 'darwin';
    const template: MenuItemConstructorOptions[] = [
      ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
      {
        label: '&File',
        submenu: [
          {
            label: 'New Case…',
            accelerator: 'CmdOrCtrl+N',
            click: () => void runCaseAction('case.new', {}, 'Could not create the case'),
          },
          {
            label: 'Open Case…',
            accelerator: 'CmdOrCtrl+O',
            click: () => void runCaseAction('case.open', {}, 'Could not open the case'),
          },
          { label: 'Open Recent', submenu: recentMenu() },
          { type: 'separator' },
          // The renderer runs these: it shows the preview before anything is written, and the report.
          { label: 'Import…', accelerator: 'CmdOrCtrl+I', enabled: hasOpenCase, click: () => runRendererCommand('file.import') },
          {
            label: 'Export',
            enabled: hasOpenCase,
            submenu: EXPORT_CHOICES.map((choice) => ({ label: `${choice.label}…`, enabled: hasOpenCase, click: () => runRendererCommand(exportCommandId(choice)) })),
          },
          {
            label: 'Export Image…',
            accelerator: 'CmdOrCtrl+Shift+E',
            enabled: hasOpenCase,
            click: () => runRendererCommand('file.exportImage'),
          },
          { type: 'separator' },
          {
            label: 'Restore Backup…',
            enabled: hasOpenCase,
            click: () => void restoreBackupOfOpenCase().catch(reportUnexpectedError),
          },
          {
            label: 'Close Case',
            accelerator: 'CmdOrCtrl+W',
            enabled: hasOpenCase,
            click: () => void runCaseAction('case.close', {}, 'Could not close the case'),
          },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      {
        label: '&Edit',
        // Undo and Redo step through the case's history, or undo typing in the field that has
        // the focus: only the renderer knows which, so it decides (renderer/editing/nativeEditMenu.ts).
        // Their keys reach these items only when the page left them unhandled (the renderer runs
        // Ctrl+Z itself outside text fields, Chromium inside them), so nothing runs twice.
        submenu: [
          { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => runRendererCommand('edit.undo') },
          { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => runRendererCommand('edit.redo') },
          { type: 'separator' },
          { role: 'cut' },
          { role: 'copy' },
          { role: 'paste' },
          ...(isMac
            ? ([{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }] satisfies MenuItemConstructorOptions[])
            : ([{ role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }] satisfies MenuItemConstructorOptions[])),
        ],
      },
      {
        label: '&View',
        // Chart commands live in the renderer's command registry: the menu asks it to run them, so
        // Ctrl+0/+/- act on the chart (as the palette and keyboard do), not on the page zoom.
        submenu: [
          { label: 'Fit Chart to Window', accelerator: 'CmdOrCtrl+0', enabled: hasOpenCase, click: () => runRendererCommand('chart.fit') },
          { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', enabled: hasOpenCase, click: () => runRendererCommand('chart.zoomIn') },
          { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', enabled: hasOpenCase, click: () => runRendererCommand('chart.zoomOut') },
          { label: 'Lay Out Again', accelerator: 'CmdOrCtrl+L', enabled: hasOpenCase, click: () => runRendererCommand('chart.relayout') },
          { type: 'separator' },
          { role: 'togglefullscreen' },
          ...(app.isPackaged
            ? []
            : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
        ],
      },
      {
        label: '&Help',
        role: 'help',
        submenu: [{ label: 'About Analyst Workbench', click: showAbout }],
      },
    ];
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function recentMenu(): MenuItemConstructorOptions[] {
    const entries = recentCases?.list() ?? [];
    if (entries.length === 0) return [{ label: 'No Recent Cases', enabled: false }];
    return [
      ...entries.map(
        (entry): MenuItemConstructorOptions => ({
          // `&` marks a mnemonic on Windows and Linux: a literal one is doubled.
          label: `${entry.name} — ${entry.path}`.replaceAll('&', '&&'),
          enabled: entry.exists,
          click: () => void runCaseAction('case.open', { path: entry.path }, 'Could not open the case'),
        }),
      ),
      { type: 'separator' },
      {
        label: 'Clear',
        click: () => {
          recentCases?.clear();
          buildMenu();
        },
      },
    ];
  }

  function showAbout(): void {
    const options: MessageBoxOptions = {
      type: 'info',
      title: 'About Analyst Workbench',
      message: `${PRODUCT_NAME} ${app.getVersion()}`,
      detail:
        'Offline link analysis for case files (.awcase).\n' +
        `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      buttons: ['OK'],
    };
    const window = liveWindow();
    const shown = window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
    shown.catch(reportUnexpectedError);
  }
}
