/**
 * The render benchmark's bridge: `window.workbench` built from the contract as the preload builds
 * it, but each reply crosses as one JSON string (as Electron's IPC hands over one serialised
 * message) instead of through Playwright's binding, which walks large replies object by object
 * and would time the harness rather than the app.
 */
import { buildWorkbenchApi } from '../../../app/bridge';

interface BenchWindow {
  __benchInvokeJson: (channel: string, inputJson: string) => Promise<string>;
  workbench: unknown;
}

const target = globalThis as unknown as BenchWindow;

target.workbench = buildWorkbenchApi(
  async (channel, input) => JSON.parse(await target.__benchInvokeJson(channel, input === undefined ? '' : JSON.stringify(input))) as unknown,
  // The benchmark sends no events: the case is open before the page loads.
  () => () => undefined,
);
