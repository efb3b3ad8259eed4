/**
 * Runs in the e2e browser page before the renderer: builds `window.workbench` from the contract
 * exactly as the preload does, over a Playwright binding to the real handlers instead of IPC.
 */
import { buildWorkbenchApi } from '../app/bridge';

interface HarnessWindow {
  __workbenchInvoke: (channel: string, input: unknown) => Promise<unknown>;
  __workbenchEmit: (event: string, payload: unknown) => void;
  workbench: unknown;
}

const target = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

target.__workbenchEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

target.workbench = buildWorkbenchApi(
  (channel, input) => target.__workbenchInvoke(channel, input),
  (event, listener) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  },
);
