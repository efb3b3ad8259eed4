import { readFile } from 'node:fs/promises';
import { ipcMain, session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { FILE_DROP_CHANNEL } from '../../app/channelNames';
import { CHANNEL_NAMES } from '../../app/contract';
import type { FileDrops } from '../fileDrops';
import type { Result } from '../../app/result';
import { dispatchToWire, type Handlers } from '../dispatch';
import {
  APP_RESPONSE_HEADERS,
  contentTypeForAsset,
  describeUrlForLog,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  resolveAppAssetPath,
  type SenderFacts,
} from '../security';

/**
 * Security wiring of the main process: the session (no permissions, no network, no downloads),
 * every web contents (no webviews, popups or navigation away), the app:// file server and the IPC
 * sender check. The rules themselves are pure and tested in ../security.ts.
 */

export function lockDownSession(): void {
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

export function hardenWebContents(contents: WebContents): void {
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

/** Serves `rendererDir` over app://workbench with the CSP; nothing outside that folder. */
export function rendererFileServer(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
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
  };
}

function senderFacts(window: BrowserWindow | null, event: IpcMainInvokeEvent): SenderFacts {
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

/** One handler per contract channel, answering only our own window's main frame. */
export function registerIpc(channelHandlers: Handlers, liveWindow: () => BrowserWindow | null): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
      const facts = senderFacts(liveWindow(), event);
      if (!isTrustedSender(facts)) {
        console.warn(`[workbench] refused ${name} from ${facts.frameUrl ? describeUrlForLog(facts.frameUrl) : 'a closed frame'}`);
        return {
          ok: false,
          error: { code: 'internal', message: 'Refused: the request did not come from the Analyst Workbench window.' },
        };
      }
      return dispatchToWire(channelHandlers, name, input);
    });
  }
}

/** The preload's report of files dropped on the window; only from our window's main frame. */
export function registerFileDrops(drops: FileDrops, liveWindow: () => BrowserWindow | null): void {
  ipcMain.handle(FILE_DROP_CHANNEL, async (event: IpcMainInvokeEvent, paths: unknown) => {
    if (!isTrustedSender(senderFacts(liveWindow(), event)) || !Array.isArray(paths)) return { kind: 'refused', message: 'Refused.' };
    try {
      return await drops.dropped(paths.slice(0, 20));
    } catch (error) {
      return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
    }
  });
}
