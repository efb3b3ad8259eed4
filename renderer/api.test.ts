import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../app/bridge';
import { resilientApi } from './api';

describe('resilientApi', () => {
  it('passes results through and turns a rejected call into an internal error', async () => {
    const on = vi.fn();
    const raw = Object.freeze({
      'case.current': () => Promise.resolve({ ok: true, value: null }),
      'case.recent': () => Promise.reject(new Error('channel closed')),
      on,
    }) as unknown as WorkbenchApi;
    const api = resilientApi(raw);
    expect(await api['case.current']()).toEqual({ ok: true, value: null });
    expect(await api['case.recent']()).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The call to case.recent failed: channel closed' },
    });
    const unsubscribe = api.on('case.changed', () => {});
    expect(on).toHaveBeenCalledTimes(1);
    expect(unsubscribe).toBeUndefined();
  });
});
