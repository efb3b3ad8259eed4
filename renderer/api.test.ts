import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../app/bridge';
import { toWire, type PackedChartData } from '../app/chartWire';
import type { ChartData } from '../app/contract';
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

  it('unpacks chart.load\'s packed reply, so the renderer sees ChartData, and reports a damaged one', async () => {
    const chart: ChartData = {
      chartId: 'c1',
      entities: [
        { id: 'a', type: 'person', label: 'Iyad', aliases: [], description: null, startDate: null, endDate: null, attributes: {}, color: null, location: null, createdAt: 't', updatedAt: 't' },
        { id: 'b', type: 'armed_group', label: 'JNIM', aliases: ['GSIM'], description: 'x', startDate: '2017', endDate: null, attributes: { k: 1 }, color: '#fff', location: null, createdAt: 't', updatedAt: 'u' },
      ],
      links: [{ id: 'l', type: 'leads', sourceId: 'a', targetId: 'b', directed: true, label: null, description: null, startDate: null, endDate: null, attributes: {}, strength: null, createdAt: 't', updatedAt: 't' }],
      evidence: { a: { citations: 2, bestGrade: 'B2' } },
      positions: [{ entityId: 'b', x: 1, y: 2 }],
      viewport: null,
      linkStrengths: { l: 'confirmed' },
      noteCounts: {},
      annotations: [],
      version: 3,
    } as unknown as ChartData;
    const packed = toWire('chart.load', { ok: true, value: chart }) as { ok: true; value: PackedChartData };
    const api = resilientApi(Object.freeze({ 'chart.load': () => Promise.resolve(JSON.parse(JSON.stringify(packed)) as unknown), on: vi.fn() }) as unknown as WorkbenchApi);
    expect(await api['chart.load']()).toEqual({ ok: true, value: chart });
    const damaged = { ok: true, value: { ...packed.value, links: { ...packed.value.links, cols: packed.value.links.cols.map(() => ({ r: [7] })) } } };
    const broken = resilientApi(Object.freeze({ 'chart.load': () => Promise.resolve(damaged), on: vi.fn() }) as unknown as WorkbenchApi);
    expect(await broken['chart.load']()).toMatchObject({ ok: false, error: { code: 'internal' } });
    // A link end past the entity list is refused, not read as undefined.
    const pastTheEnd = { ok: true, value: { ...packed.value, links: { ...packed.value.links, cols: packed.value.links.cols.map((c, k) => (packed.value.links.keys[k] === 'sourceId' ? { r: [9] } : c)) } } };
    const refused = resilientApi(Object.freeze({ 'chart.load': () => Promise.resolve(pastTheEnd), on: vi.fn() }) as unknown as WorkbenchApi);
    const answer = await refused['chart.load']();
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.message).toContain('damaged');
  });
});
