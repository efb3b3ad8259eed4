import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildWorkbenchApi, type RawSubscribe } from '../../app/bridge';
import { EVENT_NAMES } from '../../app/channelNames';

/**
 * The preload of the sandboxed window: exposes `window.workbench` (one method per contract
 * channel, plus `on` for main's events) and nothing else. The renderer never sees ipcRenderer
 * or an IpcRendererEvent (whose `sender` is ipcRenderer itself).
 *
 * Sandboxed preloads can only `require('electron')`: scripts/build-node.mjs bundles app/ in.
 */

const knownEvents = new Set<string>(EVENT_NAMES);

const subscribe: RawSubscribe = (event, listener) => {
  if (!knownEvents.has(event)) throw new Error(`Unknown event: ${event}`);
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

contextBridge.exposeInMainWorld(
  'workbench',
  buildWorkbenchApi((channel, input) => ipcRenderer.invoke(channel, input), subscribe),
);
