import type { WorkbenchApi } from '../app/bridge';
import { fromWire } from '../app/chartWire';
import type { Result } from '../app/result';

/**
 * The bridge as the renderer uses it. chart.load's reply crosses packed (app/chartWire.ts) and is
 * unpacked here, in the page itself: unpacked in Electron's preload, the whole chart would be
 * copied object by object again across the context bridge.
 *
 * One guarantee added: a call never rejects. Main returns errors as values, but
 * the transport itself can still fail (a window closing, a handler missing); such a failure comes
 * back as an `internal` error for the UI to show, like any other.
 */
export function resilientApi(api: WorkbenchApi): WorkbenchApi {
  const wrapped: Record<string, unknown> = {};
  for (const key of Object.keys(api)) {
    const value: unknown = (api as unknown as Record<string, unknown>)[key];
    if (key === 'on' || typeof value !== 'function') {
      wrapped[key] = value;
      continue;
    }
    const call = value as (input?: unknown) => Promise<Result<unknown>>;
    wrapped[key] = (input?: unknown): Promise<Result<unknown>> => {
      let reply: Promise<Result<unknown>>;
      try {
        reply = call(input);
      } catch (error) {
        reply = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return settleCall(key, reply);
    };
  }
  return Object.freeze(wrapped) as unknown as WorkbenchApi;
}

/**
 * A call's reply as `resilientApi` gives it: unpacked from the wire, and a failure of the
 * transport (a rejected promise, or a call that threw) turned into an `internal` error.
 */
export async function settleCall(key: string, reply: Promise<Result<unknown>>): Promise<Result<unknown>> {
  try {
    return fromWire(key, await reply) as Result<unknown>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `The call to ${key} failed: ${detail}` } };
  }
}
