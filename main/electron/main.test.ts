import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { trackProcessListeners } from './testing/mainProcess';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILE_DROP_CHANNEL } from '../../app/channelNames';
import { CHANNEL_NAMES, type RecentCase } from '../../app/contract';
import type { MenuBarName, MenuModel } from '../../app/menuModel';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import type { Result } from '../../app/result';
import { listBackups } from '../../db/backup';
import { checkCaseFile } from '../../db/caseCheck';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { FakeFrame, FakeWebContents } from './fakeElectron';

/**
 * The Electron main process wired against a stand-in `electron` module (the real binary cannot
 * run in CI): first launch, the app:// protocol, IPC sender checks, the session lock-down and the
 * File menu, against a real case file in a temp folder.
 */

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => fake.module);

const { recorded } = fake;
const samplePath = path.join(recorded.userData, 'cases', 'JNIM.awcase');
let restoreProcessListeners: () => void = () => undefined;

function mainWindow() {
  const window = recorded.windows[0];
  if (!window) throw new Error('no window');
  return window;
}

interface SenderEvent {
  sender: { id: number };
  senderFrame: FakeFrame | null;
}

function trustedEvent(): SenderEvent {
  const { webContents } = mainWindow();
  return { sender: webContents, senderFrame: webContents.mainFrame };
}

async function invoke(channel: string, input: unknown, event: SenderEvent = trustedEvent()): Promise<Result<unknown>> {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, input)) as Result<unknown>;
}

function currentMenu(): MenuItemConstructorOptions[] {
  return recorded.menus.at(-1) as MenuItemConstructorOptions[];
}

function menuItem(label: string, items: MenuItemConstructorOptions[] = currentMenu()): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findIn(label, item.submenu);
      if (found) return found;
    }
  }
  throw new Error(`no menu item "${label}"`);
}

function findIn(label: string, items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | null {
  try {
    return menuItem(label, items);
  } catch {
    return null;
  }
}

function click(item: MenuItemConstructorOptions): void {
  const onClick = item.click as unknown as (() => void) | undefined;
  if (!onClick) throw new Error(`menu item "${item.label}" does nothing`);
  onClick();
}

function sentEvents(webContents: FakeWebContents, channel: string): unknown[] {
  return webContents.sent.filter((message) => message.channel === channel).map((message) => message.payload);
}

beforeAll(async () => {
  // Refused requests are logged as warnings; expected here, so kept out of the test output.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  restoreProcessListeners = trackProcessListeners();
  await import('./main');
  fake.emitReady();
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});

afterAll(() => {
  fake.emitApp('will-quit');
  vi.restoreAllMocks();
  rmSync(recorded.workDir, { recursive: true, force: true });
  restoreProcessListeners();
});

describe('before ready', () => {
  it('registers app:// as a standard, secure scheme and sandboxes every renderer', () => {
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(recorded.sandboxEnabled).toBe(true);
  });
});

describe('first launch', () => {
  it('creates the JNIM sample in the user folder and opens it, without any error', async () => {
    expect(existsSync(samplePath)).toBe(true);
    expect(recorded.errorBoxes).toEqual([]);
    const current = await invoke('case.current', undefined);
    expect(current).toMatchObject({ ok: true, value: { path: samplePath } });
  });

  it('takes a checked automatic backup of the case it opened, beside it', async () => {
    await vi.waitFor(() => expect(listBackups(samplePath)).toHaveLength(1));
    const [backup] = listBackups(samplePath);
    expect(path.dirname(backup?.path ?? '')).toBe(`${samplePath}.backups`);
    expect(checkCaseFile(backup?.path ?? '').health).toBe('ok');
  });

  it('opens one sandboxed window on app://workbench/index.html with our preload', () => {
    const window = mainWindow();
    expect(window.loadedUrl).toBe('app://workbench/index.html');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: path.join(recorded.appPath, 'dist', 'main', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });
});

describe('app:// protocol', () => {
  const serve = (request: Request | { url: string; method: string }) => {
    const handler = recorded.protocolHandlers.get('app');
    if (!handler) throw new Error('app:// is not handled');
    return handler(request as Request);
  };

  it('serves the renderer with the Content-Security-Policy and the right type', async () => {
    const page = await serve(new Request('app://workbench/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Analyst Workbench</title>');

    const script = await serve(new Request('app://workbench/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside dist/renderer, and nothing that is missing', async () => {
    for (const url of ['app://workbench/..%2f..%2fsecret.txt', 'app://workbench/%2e%2e/%2e%2e/secret.txt', 'app://workbench/missing.js']) {
      const response = await serve({ url, method: 'GET' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the renderer');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await serve({ url: 'app://workbench/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('IPC', () => {
  it("has a handler for every channel of the contract, and only the preload's own drop report besides", () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES, FILE_DROP_CHANNEL].sort());
  });

  it('answers the drop report only from our window, and opens a dropped case', async () => {
    const foreign = { sender: { id: 999 }, senderFrame: null };
    expect(await invoke(FILE_DROP_CHANNEL, [samplePath], foreign)).toMatchObject({ kind: 'refused' });
    expect(await invoke(FILE_DROP_CHANNEL, 'not a list')).toMatchObject({ kind: 'refused' });
    expect(await invoke(FILE_DROP_CHANNEL, [samplePath])).toMatchObject({ kind: 'opened' });
  });

  it('validates input at the boundary and answers with a Result', async () => {
    const result = await invoke('entity.get', { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an iframe, another window, a vanished frame and a foreign page', async () => {
    const { webContents } = mainWindow();
    const iframe: FakeFrame = { url: 'app://workbench/index.html', parent: webContents.mainFrame, processId: 7, routingId: 99 };
    const foreignPage: FakeFrame = { ...webContents.mainFrame, url: 'https://example.com/' };
    const refusals: SenderEvent[] = [
      { sender: webContents, senderFrame: iframe },
      { sender: { id: webContents.id + 1000 }, senderFrame: webContents.mainFrame },
      { sender: webContents, senderFrame: null },
      { sender: webContents, senderFrame: foreignPage },
    ];
    for (const event of refusals) {
      const result = await invoke('case.current', undefined, event);
      expect(result.ok).toBe(false);
    }
  });
});

describe('session lock-down', () => {
  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    recorded.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted), {});
    recorded.permissionRequest?.({}, 'notifications', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false, false]);
    expect(recorded.permissionCheck?.({}, 'clipboard-read', 'app://workbench', {})).toBe(false);
    expect(recorded.devicePermission?.({})).toBe(false);
  });

  it('cancels every request that is not our own page, DevTools or in-memory data', () => {
    const cancelled = (url: string) => {
      let answer: unknown;
      recorded.beforeRequest?.({ url }, (response: { cancel: boolean }) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('app://workbench/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://tiles.example.com/1/2/3.png')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it('refuses downloads, navigation, new windows and webviews', () => {
    let downloadPrevented = false;
    recorded.sessionEvents.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);

    const { webContents } = mainWindow();
    expect(webContents.tryNavigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(webContents.tryNavigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(webContents.tryNavigate('will-redirect', 'http://localhost/')).toBe(true);
    expect(webContents.tryNavigate('will-navigate', 'app://workbench/index.html')).toBe(false);
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    let webviewPrevented = false;
    webContents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });
});

/**
 * The menu the renderer's command registry describes (renderer/menuPublisher.ts sends it as the
 * window's state changes): a part of it, as the renderer sends it with a case open.
 */
const place = (bar: MenuBarName, section: number, submenu?: string) => ({ bar, section, ...(submenu ? { submenu } : {}) });
const REGISTRY_MODEL: MenuModel = {
  items: [
    { commandId: 'file.new', label: 'New case…', shortcut: 'Ctrl+N', enabled: true, place: place('file', 0) },
    { commandId: 'file.open', label: 'Open case…', shortcut: 'Ctrl+O', enabled: true, place: place('file', 0) },
    { commandId: 'file.import', label: 'Import…', shortcut: 'Ctrl+I', enabled: true, place: place('file', 1) },
    { commandId: 'file.export.graphml', label: 'Export case as GraphML…', enabled: true, place: place('file', 1, 'Export') },
    { commandId: 'file.export.stix', label: 'Export case as STIX 2.1 (strict)…', enabled: true, place: place('file', 1, 'Export') },
    { commandId: 'file.restoreBackup', label: 'Restore backup…', enabled: true, place: place('file', 2) },
    { commandId: 'file.close', label: 'Close case', shortcut: 'Ctrl+W', enabled: true, place: place('file', 2) },
    { commandId: 'edit.undo', label: 'Undo', shortcut: 'Ctrl+Z', enabled: true, place: place('edit', 0) },
    { commandId: 'edit.redo', label: 'Redo', shortcut: 'Ctrl+Shift+Z', enabled: false, place: place('edit', 0) },
    { commandId: 'chart.fit', label: 'Fit chart to window', shortcut: 'F', enabled: true, place: place('view', 1) },
    { commandId: 'chart.relayout', label: 'Lay out again', shortcut: 'Ctrl+L', enabled: true, place: place('chart', 0) },
    { commandId: 'analysis.communities', label: 'Find communities (Louvain)', shortcut: 'Alt+C', enabled: true, place: place('analysis', 2) },
    { commandId: 'help.about', label: 'About Analyst Workbench', enabled: true, place: place('help', 1) },
  ],
};

function commandsSent(webContents: FakeWebContents, from: number): unknown[] {
  return sentEvents(webContents, 'command.run').slice(from);
}

describe('the menu bar, generated from the renderer\'s command registry', () => {
  it('has only what the OS provides until the window says what its commands are', () => {
    const bars = currentMenu().map((item) => item.label);
    expect(bars).toEqual(['&File', '&Edit', '&View']);
    const file = menuItem('&File').submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Open Recent', 'separator', 'quit']);
  });

  it('shows every command the window sends, where its registry entry puts it, with its shortcut', async () => {
    expect(await invoke('menu.update', REGISTRY_MODEL)).toEqual({ ok: true, value: null });
    expect(currentMenu().map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Chart', '&Analysis', '&Help']);
    const file = (menuItem('&File').submenu as MenuItemConstructorOptions[]).map((item) => item.label ?? item.role ?? item.type);
    expect(file).toEqual(['New case…', 'Open case…', 'Open Recent', 'separator', 'Import…', 'Export', 'separator', 'Restore backup…', 'Close case', 'separator', 'quit']);
    // Shown, not registered: the window's one key handler runs shortcuts (a plain "F" must stay typeable).
    expect(menuItem('New case…')).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
    expect(menuItem('Fit chart to window')).toMatchObject({ accelerator: 'F', registerAccelerator: false });
    expect(menuItem('Find communities (Louvain)').accelerator).toBe('Alt+C');
    expect(menuItem('Redo').enabled).toBe(false);
    const edit = menuItem('&Edit').submenu as MenuItemConstructorOptions[];
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('runs a command in the window when its item is clicked', () => {
    const webContents = mainWindow().webContents;
    const before = sentEvents(webContents, 'command.run').length;
    click(menuItem('Import…'));
    const exportMenu = menuItem('Export').submenu as MenuItemConstructorOptions[];
    click(menuItem('Export case as GraphML…', exportMenu));
    click(menuItem('Undo'));
    click(menuItem('About Analyst Workbench'));
    expect(commandsSent(webContents, before)).toEqual([
      { commandId: 'file.import' },
      { commandId: 'file.export.graphml' },
      { commandId: 'edit.undo' },
      { commandId: 'help.about' },
    ]);
  });

  it('refuses a model that is not one (too many items, an unknown menu)', async () => {
    const menus = recorded.menus.length;
    const bad = { items: [{ ...REGISTRY_MODEL.items[0], place: { bar: 'tools', section: 0 } }] };
    expect(await invoke('menu.update', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('menu.update', { items: Array.from({ length: 501 }, () => REGISTRY_MODEL.items[0]) })).toMatchObject({ ok: false });
    expect(recorded.menus.length).toBe(menus);
  });
});

describe('opening and closing cases', () => {
  it('closes the case, tells the window, and reopens it from Open Recent (a path main keeps, never the page\'s)', async () => {
    const { webContents } = mainWindow();
    const before = sentEvents(webContents, 'command.run').length;
    click(menuItem('Close case'));
    expect(commandsSent(webContents, before)).toEqual([{ commandId: 'file.close' }]);
    // The window runs file.close: it calls case.close.
    expect(await invoke('case.close', undefined)).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(sentEvents(webContents, 'case.changed')).toContain(null));
    expect(await invoke('case.current', undefined)).toEqual({ ok: true, value: null });

    const recent = menuItem('Open Recent').submenu as MenuItemConstructorOptions[];
    const jnim = recent.find((item) => item.label?.endsWith(samplePath));
    if (!jnim) throw new Error('the sample is not in Open Recent');
    click(jnim);
    await vi.waitFor(() => expect(sentEvents(webContents, 'case.changed').at(-1)).toMatchObject({ path: samplePath }));
  });

  it('opens from the recent list by id, and refuses a path from the page', async () => {
    const recent = await invoke('case.recent', undefined);
    const entry = recent.ok ? (recent.value as RecentCase[]).find((item) => item.path === samplePath) : undefined;
    if (!entry) throw new Error('the sample is not in the recent list');
    expect(await invoke('case.open', { recentId: entry.id })).toMatchObject({ ok: true, value: { path: samplePath } });
    expect(await invoke('case.open', { path: samplePath })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('case.new', { path: path.join(recorded.workDir, 'made-by-page.awcase') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(existsSync(path.join(recorded.workDir, 'made-by-page.awcase'))).toBe(false);
  });

  it('explains in one sentence why a file cannot be opened, changes nothing, and keeps the open case', async () => {
    const notACase = path.join(recorded.workDir, 'notes.awcase');
    writeFileSync(notACase, 'these are my notes, not a case');
    recorded.nextOpenDialogPath = notACase;
    const boxesBefore = recorded.messageBoxes.length;
    // File › Open case…: the window runs file.open, which asks main for its open dialog.
    const result = await invoke('case.open', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(recorded.messageBoxes.length).toBe(boxesBefore + 1);
    const box = recorded.messageBoxes.at(-1);
    expect(box?.title).toBe('Not a case file');
    expect(box?.message).toBe('“notes.awcase” is not an Analyst Workbench case file.');
    expect(box?.detail).toMatch(/has not been changed, and a copy of it was put aside as notes\.awcase\.unrecognised-/);
    expect(box?.buttons).toEqual(['Cancel']);
    expect(readFileSync(notACase, 'utf8')).toBe('these are my notes, not a case');
    expect(recorded.errorBoxes).toEqual([]);
    expect(await invoke('case.current', undefined)).toMatchObject({ ok: true, value: { path: samplePath } });
  });

  it('says nothing when the analyst cancels the open dialog', async () => {
    recorded.nextOpenDialogPath = null;
    const before = recorded.errorBoxes.length;
    expect(await invoke('case.open', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(recorded.errorBoxes).toHaveLength(before);
  });
});

describe('File > Restore backup…', () => {
  it('puts a chosen backup in place of the open case after asking, keeping the current file aside', async () => {
    const { webContents } = mainWindow();
    const [backup] = listBackups(samplePath);
    if (!backup) throw new Error('no automatic backup of the sample');
    const loaded = await invoke('chart.load', undefined);
    const chartId = loaded.ok ? (loaded.value as { chartId: string }).chartId : '';
    // Work after the backup: a viewport the backup does not have.
    expect(await invoke('chart.saveViewport', { chartId, viewport: { zoom: 3, panX: 1, panY: 2 } })).toEqual({ ok: true, value: null });

    const sent = sentEvents(webContents, 'command.run').length;
    click(menuItem('Restore backup…'));
    expect(commandsSent(webContents, sent)).toEqual([{ commandId: 'file.restoreBackup' }]);

    recorded.nextOpenDialogPath = backup.path;
    recorded.messageBoxResponses.push(0);
    const boxes = recorded.messageBoxes.length;
    const changes = sentEvents(webContents, 'case.changed').length;
    const restored = await invoke('case.restoreBackup', {});
    expect(restored).toMatchObject({ ok: true, value: { path: samplePath } });
    expect(sentEvents(webContents, 'case.changed').length).toBe(changes + 1);

    const question = recorded.messageBoxes[boxes];
    expect(question?.message).toMatch(/^Replace “JNIM\.awcase” with the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\?$/);
    expect(question?.buttons).toEqual(['Restore', 'Cancel']);
    expect(await invoke('case.current', undefined)).toMatchObject({ ok: true, value: { path: samplePath } });
    const reloaded = await invoke('chart.load', undefined);
    expect(reloaded).toMatchObject({ ok: true, value: { viewport: null } });
    const aside = readdirSync(path.dirname(samplePath)).filter((name) => name.startsWith('JNIM.awcase.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(recorded.errorBoxes).toEqual([]);
  });

  it('does nothing when the analyst cancels the confirmation', async () => {
    const [backup] = listBackups(samplePath);
    recorded.nextOpenDialogPath = backup?.path ?? null;
    recorded.messageBoxResponses.push(1);
    const boxes = recorded.messageBoxes.length;
    expect(await invoke('case.restoreBackup', {})).toEqual({ ok: true, value: null });
    expect(recorded.messageBoxes.length).toBe(boxes + 1);
    const aside = readdirSync(path.dirname(samplePath)).filter((name) => name.startsWith('JNIM.awcase.before-restore-'));
    expect(aside).toHaveLength(1);
  });
});

describe('the window', () => {
  it('opens centred at its default size the first time, and remembers its place when it closes', () => {
    const window = mainWindow();
    expect(window.options).toMatchObject({ x: 240, y: 75, width: 1440, height: 900, minWidth: 900, minHeight: 600 });
    window.maximize();
    window.emit('close');
    const saved = JSON.parse(readFileSync(path.join(recorded.userData, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ bounds: { x: 240, y: 75, width: 1440, height: 900 }, maximized: true });
  });
});

describe('Help > About', () => {
  it('gives the versions of every part and the case format', async () => {
    const about = await invoke('app.about', undefined);
    expect(about).toMatchObject({ ok: true, value: { node: process.versions.node, caseFormat: LATEST_SCHEMA_VERSION } });
    expect(about.ok && (about.value as { sqlite: string }).sqlite).toMatch(/^3\.\d+\.\d+$/);
  });
});

describe('File > Import and File > Export', () => {
  it('take their paths from the native dialogs, never from the renderer', async () => {
    const target = path.join(recorded.workDir, 'written-by-renderer.graphml');
    const refusedExport = await invoke('interchange.export', { format: 'graphml', path: target });
    expect(refusedExport).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(existsSync(target)).toBe(false);
    // The (fake) save dialog is cancelled: a quiet `cancelled`, not a demand for a path.
    expect(await invoke('interchange.export', { format: 'graphml' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });

    const refusedImport = await invoke('interchange.preview', { path: samplePath });
    expect(refusedImport).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    recorded.nextOpenDialogPath = null;
    expect(await invoke('interchange.preview', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
