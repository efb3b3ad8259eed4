import { describe, expect, it } from 'vitest';
import { buildWorkbenchApi } from './bridge';
import { CHANNEL_NAMES, channels } from './contract';

describe('the contract', () => {
  it('documents every channel and names it domain.verb', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(channels[name].doc.length).toBeGreaterThan(10);
    }
  });

  it('validates inputs strictly', () => {
    const save = channels['chart.savePositions'].input;
    expect(save.safeParse({ chartId: 'c', positions: [{ entityId: 'e', x: 1, y: 2 }] }).success).toBe(true);
    expect(save.safeParse({ chartId: 'c', positions: [{ entityId: 'e', x: Number.NaN, y: 2 }] }).success).toBe(false);
    expect(save.safeParse({ chartId: 'c', positions: [{ entityId: 'e', x: Infinity, y: 2 }] }).success).toBe(false);
    expect(save.safeParse({ chartId: '', positions: [] }).success).toBe(false);
    expect(channels['chart.saveViewport'].input.safeParse({ chartId: 'c', viewport: { zoom: 0, panX: 0, panY: 0 } }).success).toBe(false);
    expect(channels['case.current'].input.safeParse(undefined).success).toBe(true);
    expect(channels['case.current'].input.safeParse({ sneaky: 1 }).success).toBe(false);
    expect(channels['entity.get'].input.safeParse({ id: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('the bridge', () => {
  it('exposes one method per channel that forwards name and input, and only known events', async () => {
    const calls: [string, unknown][] = [];
    const api = buildWorkbenchApi(
      (channel, input) => {
        calls.push([channel, input]);
        return Promise.resolve({ ok: true, value: channel });
      },
      () => () => undefined,
    );
    for (const name of CHANNEL_NAMES) expect(typeof api[name]).toBe('function');
    await api['entity.get']({ id: 'abc' });
    expect(calls).toEqual([['entity.get', { id: 'abc' }]]);
    expect(() => api.on('fs.changed' as 'case.changed', () => undefined)).toThrow(/Unknown event/);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
