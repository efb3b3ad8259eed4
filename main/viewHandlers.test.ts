import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartData } from '../app/contract';
import type { SavedView } from '../app/views';
import { createSampleCase } from '../db/samples';
import { handlerHarness, type Call } from './testing/handlerHarness';

let harness: ReturnType<typeof handlerHarness>;
let tmp: ReturnType<typeof handlerHarness>['tmp'];
let call: Call;

beforeEach(() => {
  harness = handlerHarness();
  ({ tmp, call } = harness);
});
afterEach(() => harness.close());

describe('pins and saved views over IPC', () => {
  it('pins nodes, lists them, and saves, lists and deletes views; bad input is refused', async () => {
    const path = tmp.file('jnim.awcase');
    createSampleCase(path, 'jnim');
    await harness.openCase(path);
    const chart = (await call('chart.load')).value as ChartData;
    const [a, b] = chart.entities;

    expect((await call('chart.pinned', { chartId: chart.chartId })).value).toEqual([]);
    const pinned = await call('chart.setPinned', { chartId: chart.chartId, nodes: [{ entityId: a!.id, x: 1, y: 2 }, { entityId: b!.id, x: 3, y: 4 }], pinned: true });
    expect(pinned.value).toEqual({ written: 2 });
    expect((await call('chart.pinned', { chartId: chart.chartId })).value).toEqual([a!.id, b!.id].sort());
    expect((await call('chart.setPinned', { chartId: 'nope', nodes: [{ entityId: a!.id, x: 1, y: 2 }], pinned: true })).error?.code).toBe('not_found');

    const saved = await call('view.save', {
      chartId: chart.chartId,
      name: 'As of 2016',
      filters: { hiddenEntityTypes: [], hiddenLinkTypes: ['rival_of'], minGrade: 'C2', asOf: '2016-12-31' },
      layout: 'grid',
      viewport: { zoom: 0.8, panX: 12, panY: 30 },
    });
    expect(saved.ok).toBe(true);
    const views = (await call('view.list', { chartId: chart.chartId })).value as SavedView[];
    expect(views.map((v) => [v.name, v.layout, v.filters.asOf])).toEqual([['As of 2016', 'grid', '2016-12-31']]);
    expect((await call('view.save', { chartId: chart.chartId, name: 'x', filters: { hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: 'Z9', asOf: null }, layout: null, viewport: null })).error?.code).toBe(
      'invalid_input',
    );
    expect((await call('view.save', { chartId: chart.chartId, name: '  ', filters: { hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: null, asOf: null }, layout: 'spiral', viewport: null })).error?.code).toBe(
      'invalid_input',
    );
    expect((await call('view.delete', { id: views[0]!.id })).ok).toBe(true);
    expect((await call('view.delete', { id: views[0]!.id })).error?.code).toBe('not_found');
  });
});
