import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './channelNames';
import type { ChannelInput, ChannelOutput, EventPayloads } from './contract';
import type { Result } from './result';

/** The object the renderer sees as `window.workbench`: one method per channel, plus events. */
export type WorkbenchApi = {
  [C in ChannelName]: (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export type RawInvoke = (channel: string, input: unknown) => Promise<unknown>;
export type RawSubscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.workbench` from the channel list over a transport: `ipcRenderer.invoke` in the
 * preload, a Playwright binding in the e2e harness. Both ship the same object.
 */
export function buildWorkbenchApi(invoke: RawInvoke, subscribe: RawSubscribe): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = (input?: unknown) => invoke(name, input);
  }
  const events = new Set<string>(EVENT_NAMES);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`Unknown event: ${event}`);
    return subscribe(event, listener);
  };
  return Object.freeze(api) as WorkbenchApi;
}
