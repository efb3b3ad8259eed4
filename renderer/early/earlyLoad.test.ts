import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../../app/bridge';
import { toWire } from '../../app/chartWire';
import type { ChartData } from '../../app/contract';
import { askEarlyChart, takeEarlyLoad, type EarlyReplies } from './earlyLoad';

const CHART: ChartData = {
  chartId: 'c1',
  entities: [{ id: 'a', type: 'person', label: 'Iyad', aliases: [], description: null, startDate: null, endDate: null, attributes: {}, color: null, location: null, createdAt: 't', updatedAt: 't' }],
  links: [],
  evidence: {},
  positions: [{ entityId: 'a', x: 1, y: 2 }],
  viewport: null,
  linkStrengths: {},
  noteCounts: {},
  annotations: [],
  version: 4,
};
const CASE = { id: 'k', name: 'JNIM', path: '/cases/JNIM.awcase' };

/** A page with the bridge and what the early script leaves (earlyScript.ts), over fake replies. */
function page(current: Promise<unknown>) {
  const calls: string[] = [];
  const chart = vi.fn(() => {
    calls.push('chart.load');
    return Promise.resolve(toWire('chart.load', { ok: true, value: CHART }));
  });
  const sketch = vi.fn(() => {
    calls.push('chart.sketch');
    return Promise.reject(new Error('no sketch today'));
  });
  const workbench = { 'chart.load': chart, 'chart.sketch': sketch } as unknown as WorkbenchApi;
  const early: EarlyReplies = {
    current: current as EarlyReplies['current'],
    settings: Promise.reject(new Error('channel closed')),
    asked: null,
  };
  early.settings.catch(() => undefined);
  vi.stubGlobal('window', { workbench, __workbenchEarly: early });
  return { chart, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the early load', () => {
  it('asks for the open case’s sketch, then its chart, once, and the bundle takes every reply once, unpacked and settled', async () => {
    const { chart, calls } = page(Promise.resolve({ ok: true, value: CASE }));
    askEarlyChart();
    askEarlyChart();
    const early = takeEarlyLoad();
    expect(early).not.toBeNull();
    expect(takeEarlyLoad()).toBeNull();
    expect(await early!.current).toEqual({ ok: true, value: CASE });
    const asked = (await early!.asked)!;
    // The chart crossed packed; the session gets ChartData, as from resilientApi.
    expect(await asked.chart).toEqual({ ok: true, value: CHART });
    expect(chart).toHaveBeenCalledTimes(1);
    // The chart was asked after the sketch's reply, even a failed one (an error to show).
    expect(calls).toEqual(['chart.sketch', 'chart.load']);
    expect(await asked.sketch).toEqual({ ok: false, error: { code: 'internal', message: 'The call to chart.sketch failed: no sketch today' } });
    // A failed call comes back as an error to show, never a rejection.
    expect(await early!.settings).toEqual({ ok: false, error: { code: 'internal', message: 'The call to settings.get failed: channel closed' } });
  });

  it('asks for no sketch or chart when no case is open, or when asking which failed', async () => {
    for (const current of [Promise.resolve({ ok: true, value: null }), Promise.reject(new Error('gone')), Promise.resolve({ ok: false, error: { code: 'internal', message: 'x' } })]) {
      current.catch(() => undefined);
      const { calls } = page(current);
      askEarlyChart();
      const early = takeEarlyLoad();
      expect(await early!.asked).toBeNull();
      expect(calls).toEqual([]);
      vi.unstubAllGlobals();
    }
  });

  it('is null on a page without the early script, and asks nothing when the bundle did not ask', async () => {
    vi.stubGlobal('window', { workbench: {} });
    askEarlyChart();
    expect(takeEarlyLoad()).toBeNull();
    const { calls } = page(Promise.resolve({ ok: true, value: CASE }));
    const early = takeEarlyLoad();
    expect(await early!.asked).toBeNull();
    expect(calls).toEqual([]);
  });
});
