import type { WorkbenchApi } from '../app/bridge';
import type { Result } from '../app/result';

/**
 * The bridge with one guarantee added: a call never rejects. Main returns errors as values, but
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
    wrapped[key] = async (input?: unknown): Promise<Result<unknown>> => {
      try {
        return await call(input);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'internal', message: `The call to ${key} failed: ${detail}` } };
      }
    };
  }
  return Object.freeze(wrapped) as unknown as WorkbenchApi;
}
