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
function page(current: Promise<unknown>, chart = vi.fn(() => Promise.resolve(toWire('chart.load', { ok: true, value: CHART })))) {
  const workbench = { 'chart.load': chart } as unknown as WorkbenchApi;
  const early: EarlyReplies = {
    current: current as EarlyReplies['current'],
    settings: Promise.reject(new Error('channel closed')),
    chart: null,
  };
  early.settings.catch(() => undefined);
  vi.stubGlobal('window', { workbench, __workbenchEarly: early });
  return chart;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the early load', () => {
  it('asks for the open case’s chart once, and the bundle takes every reply once, unpacked and settled', async () => {
    const chart = page(Promise.resolve({ ok: true, value: CASE }));
    askEarlyChart();
    askEarlyChart();
    const early = takeEarlyLoad();
    expect(early).not.toBeNull();
    expect(takeEarlyLoad()).toBeNull();
    expect(await early!.current).toEqual({ ok: true, value: CASE });
    // The chart crossed packed; the session gets ChartData, as from resilientApi.
    expect(await early!.chart).toEqual({ ok: true, value: CHART });
    expect(chart).toHaveBeenCalledTimes(1);
    // A failed call comes back as an error to show, never a rejection.
    expect(await early!.settings).toEqual({ ok: false, error: { code: 'internal', message: 'The call to settings.get failed: channel closed' } });
  });

  it('asks for no chart when no case is open, or when asking which failed', async () => {
    for (const current of [Promise.resolve({ ok: true, value: null }), Promise.reject(new Error('gone')), Promise.resolve({ ok: false, error: { code: 'internal', message: 'x' } })]) {
      current.catch(() => undefined);
      const chart = page(current);
      askEarlyChart();
      const early = takeEarlyLoad();
      expect(await early!.chart).toBeNull();
      expect(chart).not.toHaveBeenCalled();
      vi.unstubAllGlobals();
    }
  });

  it('is null on a page without the early script, and its chart null when the bundle did not ask', async () => {
    vi.stubGlobal('window', { workbench: {} });
    askEarlyChart();
    expect(takeEarlyLoad()).toBeNull();
    const chart = page(Promise.resolve({ ok: true, value: CASE }));
    const early = takeEarlyLoad();
    expect(await early!.chart).toBeNull();
    expect(chart).not.toHaveBeenCalled();
  });
});
