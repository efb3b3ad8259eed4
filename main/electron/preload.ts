import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildWorkbenchApi, type RawSubscribe } from '../../app/bridge';
import { EVENT_NAMES, FILE_DROP_CHANNEL } from '../../app/channelNames';

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

// Files dropped on the window: their paths are read here, from the real drop, and sent to main,
// which opens a case or starts File › Import's preview. The page only draws the drop target.
// (The preload runs in the page; main/ is typed without the DOM, so the little it uses is named here.)
type FileOfDrop = Parameters<typeof webUtils.getPathForFile>[0];
interface DropTarget {
  addEventListener(type: 'drop', listener: (event: { dataTransfer: { files: ArrayLike<FileOfDrop> } | null }) => void, capture: boolean): void;
}
(globalThis as unknown as DropTarget).addEventListener(
  'drop',
  (event) => {
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length > 0) void ipcRenderer.invoke(FILE_DROP_CHANNEL, paths);
  },
  true,
);
