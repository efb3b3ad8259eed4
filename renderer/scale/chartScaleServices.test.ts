import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../../app/bridge';
import type { ChartData } from '../../app/contract';
import type { Entity } from '../../app/domain';
import { createUiStore, type UiStore } from '../store';
import { createChartScaleServices, onChart } from './chartScaleServices';

const entity = (id: string, type = 'person') => ({ id, type, label: id }) as Entity;

function chartOf(ids: readonly string[]): ChartData {
  return { chartId: 'c1', entities: ids.map((id) => entity(id)), links: [], evidence: {}, positions: [], viewport: null, linkStrengths: {}, noteCounts: {}, callouts: [] } as unknown as ChartData;
}

/** Main's side of an add, as the handlers answer it: a preview past the limit, then the ids put on the chart. */
function fakeMain(added: string[]) {
  const calls: string[] = [];
  const api = {
    'chart.addPreview': () => (calls.push('addPreview'), Promise.resolve({ ok: true, value: { total: added.length, byType: [{ type: 'person', count: added.length }], onChart: 1, warn: true, limit: 5000 } })),
    'chart.addEntities': (input: { top?: number }) => (calls.push(`addEntities${input.top ? ` top ${input.top}` : ''}`), Promise.resolve({ ok: true, value: { added: added.length, entityIds: added } })),
  } as unknown as WorkbenchApi;
  return { api, calls };
}

function setup(added: string[]) {
  const ui: UiStore = createUiStore();
  ui.setState({ chart: chartOf(['relay']) });
  const { api, calls } = fakeMain(added);
  const groupByType = vi.fn(() => Promise.resolve());
  const scale = createChartScaleServices({ api, ui, editing: { call: (p) => p, toast: vi.fn() }, analysis: { groupByType } });
  return { ui, scale, calls, groupByType };
}

describe('adding past the limit, grouped by type', () => {
  it('adds them all, then groups by the types the preview counted once they are on the chart', async () => {
    const added = ['a', 'b', 'c'];
    const { ui, scale, calls, groupByType } = setup(added);
    await scale.add(added);
    expect(scale.store.getState().pending?.preview.warn).toBe(true);
    const confirmed = scale.confirm({ kind: 'grouped' });
    await vi.waitFor(() => expect(calls).toEqual(['addPreview', 'addEntities']));
    // Main's announcement has not reached the chart yet: nothing to group.
    expect(groupByType).not.toHaveBeenCalled();
    ui.setState({ chart: chartOf(['relay', 'a', 'b']) });
    await Promise.resolve();
    expect(groupByType).not.toHaveBeenCalled();
    ui.setState({ chart: chartOf(['relay', 'a', 'b', 'c']) });
    await confirmed;
    expect(groupByType).toHaveBeenCalledWith(['person']);
    expect(scale.store.getState().pending).toBeNull();
  });

  it('adding all, or the top N, groups nothing', async () => {
    for (const choice of [{ kind: 'all' as const }, { kind: 'top' as const, n: 2 }]) {
      const { scale, calls, groupByType } = setup(['a', 'b', 'c']);
      await scale.add(['a', 'b', 'c']);
      await scale.confirm(choice);
      expect(calls.at(-1)).toBe(choice.kind === 'top' ? 'addEntities top 2' : 'addEntities');
      expect(groupByType).not.toHaveBeenCalled();
    }
  });
});

describe('onChart', () => {
  it('resolves at once when the ids are shown, and gives up after its time limit when they never are', async () => {
    const ui = createUiStore();
    ui.setState({ chart: chartOf(['a']) });
    await onChart(ui, ['a']);
    vi.useFakeTimers();
    try {
      let done = false;
      const waiting = onChart(ui, ['z'], 1_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
