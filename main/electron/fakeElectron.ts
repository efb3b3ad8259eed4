import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A stand-in for the parts of the `electron` module main.ts uses, for main.test.ts: Electron's
 * binary cannot run in CI, but the wiring (startup, protocol, IPC sender checks, session lock-down,
 * menu) can. Records what main.ts asked for and lets the test play the OS and the renderer.
 */

type Listener = (...args: unknown[]) => unknown;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null, processId: 7, routingId: this.id };
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  isDestroyed(): boolean {
    return false;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Runs the `will-*` listeners like Chromium would; true when one of them prevented it. */
  tryNavigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export function createFakeElectron() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'aw-fake-electron-'));
  const appPath = path.join(workDir, 'app');
  const userData = path.join(workDir, 'user-data');
  mkdirSync(path.join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Analyst Workbench</title>');
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(workDir, 'secret.txt'), 'not for the renderer');

  const appEvents = new EventEmitter();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let isReady = false;

  const recorded = {
    workDir,
    appPath,
    userData,
    privilegedSchemes: [] as unknown[],
    sandboxEnabled: false,
    errorBoxes: [] as { title: string; content: string }[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    menus: [] as unknown[],
    windows: [] as FakeBrowserWindow[],
    /** The screens' work areas, the primary first. */
    displays: [{ x: 0, y: 0, width: 1920, height: 1050 }],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    beforeRequest: null as Listener | null,
    sessionEvents: new EventEmitter(),
    nextOpenDialogPath: null as string | null,
    /** Message boxes shown (their options), and the button index each next one answers (default 0). */
    messageBoxes: [] as { type?: string; title?: string; message: string; detail?: string; buttons?: string[]; cancelId?: number }[],
    messageBoxResponses: [] as number[],
    quitCalls: 0,
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly options: unknown;
    loadedUrl: string | null = null;
    constructor(options: unknown) {
      super();
      this.options = options;
      recorded.windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return recorded.windows;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    maximized = false;
    show(): void {}
    restore(): void {}
    focus(): void {}
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      const { x, y, width, height } = this.options as { x: number; y: number; width: number; height: number };
      return { x, y, width, height };
    }
  }

  const module = {
    app: {
      on: (event: string, listener: Listener) => appEvents.on(event, listener),
      whenReady: () => ready,
      isReady: () => isReady,
      isPackaged: false,
      enableSandbox: () => {
        recorded.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      quit: () => {
        recorded.quitCalls += 1;
        appEvents.emit('before-quit', { preventDefault: () => undefined });
      },
      exit: () => undefined,
      getAppPath: () => appPath,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(workDir, name)),
      getVersion: () => '0.1.0',
    },
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getAllDisplays: () => recorded.displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: recorded.displays[0] }),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
      showOpenDialog: () =>
        Promise.resolve({ canceled: recorded.nextOpenDialogPath === null, filePaths: recorded.nextOpenDialogPath ? [recorded.nextOpenDialogPath] : [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
      showMessageBox: (first: unknown, second?: unknown) => {
        const options = (second ?? first) as (typeof recorded.messageBoxes)[number];
        recorded.messageBoxes.push(options);
        return Promise.resolve({ response: recorded.messageBoxResponses.shift() ?? 0 });
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => recorded.ipcHandlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => recorded.menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (recorded.permissionCheck = handler),
        setDevicePermissionHandler: (handler: Listener) => (recorded.devicePermission = handler),
        webRequest: { onBeforeRequest: (handler: Listener) => (recorded.beforeRequest = handler) },
        on: (event: string, listener: Listener) => recorded.sessionEvents.on(event, listener),
      },
    },
  };

  return {
    module,
    recorded,
    emitReady(): void {
      isReady = true;
      markReady();
    },
    /** Plays an app event (`will-quit`, `second-instance`, …) as Electron would. */
    emitApp(event: string, ...args: unknown[]): void {
      appEvents.emit(event, ...args);
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
