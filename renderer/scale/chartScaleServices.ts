import { DEFAULT_TOP_N, type ExpandPreview } from '../../app/chart/chartScale';
import type { WorkbenchApi } from '../../app/bridge';
import type { EditingServices } from '../editing/editingServices';
import type { AnalysisServices } from '../analysis/analysisServices';
import { createStore, type Store, type UiStore } from '../store';

/**
 * Adding to and taking off the chart (the chart is a view onto the case). Every add goes through
 * a preview first: an expansion always shows how many entities of each type it would bring; a
 * plain add (search results) asks only when it would take the chart past the size that slows it
 * down (app/chart/chartScale.ts), offering to add anyway, to add the best-connected N, to add them
 * grouped by type (one collapsed group node per type, expanded from Analysis › Groups), or to cancel.
 * The add itself is one undoable step; main announces it (`case.edited`) and the chart
 * follows.
 */

/** An add waiting for the analyst's choice. */
export type PendingAdd =
  | { kind: 'expand'; seeds: string[]; title: string; hops: number; types: string[] | null; preview: ExpandPreview }
  | { kind: 'add'; ids: string[]; title: string; preview: ExpandPreview };

export interface ChartScaleState {
  pending: PendingAdd | null;
  busy: boolean;
}

export type AddChoice = { kind: 'all' } | { kind: 'top'; n: number } | { kind: 'grouped' };

export interface ChartScaleServices {
  store: Store<ChartScaleState>;
  /** Shows what expanding the entities by `hops` would add, and waits for the analyst. */
  expand: (seeds: readonly string[], hops?: number) => Promise<void>;
  /** Changes the pending expansion's reach or types, and previews it again. */
  refine: (change: { hops?: number; types?: string[] | null }) => Promise<void>;
  /** Puts entities on the chart, asking first when that would take it past the limit. */
  add: (ids: readonly string[], title?: string) => Promise<void>;
  confirm: (choice: AddChoice) => Promise<void>;
  cancel: () => void;
  /** Takes entities off the chart (they stay in the case). */
  remove: (ids: readonly string[]) => Promise<void>;
}

/** Resolves once every one of `ids` is on the chart the window shows (or after `timeoutMs`). */
export function onChart(ui: UiStore, ids: readonly string[], timeoutMs = 60_000): Promise<void> {
  const all = () => {
    const chart = ui.getState().chart;
    if (!chart) return false;
    const shown = new Set(chart.entities.map((e) => e.id));
    return ids.every((id) => shown.has(id));
  };
  if (all()) return Promise.resolve();
  return new Promise((resolve) => {
    let last = ui.getState().chart;
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = ui.subscribe(() => {
      const chart = ui.getState().chart;
      if (chart === last) return;
      last = chart;
      if (all()) done();
    });
  });
}

export function createChartScaleServices({
  api,
  ui,
  editing,
  analysis,
}: {
  api: WorkbenchApi;
  ui: UiStore;
  editing: Pick<EditingServices, 'call' | 'toast'>;
  analysis: Pick<AnalysisServices, 'groupByType'>;
}): ChartScaleServices {
  const store = createStore<ChartScaleState>({ pending: null, busy: false });
  const chartId = () => ui.getState().chart?.chartId ?? null;
  const labelOf = (id: string) => ui.getState().chart?.entities.find((e) => e.id === id)?.label ?? 'the entity';

  const previewExpand = async (seeds: string[], hops: number, types: string[] | null) => {
    const id = chartId();
    if (id === null) return null;
    const result = await editing.call(api['chart.expandPreview']({ chartId: id, entityIds: seeds, hops, ...(types ? { types } : {}) }));
    return result.ok ? result.value : null;
  };

  const added = (what: string, count: number) => {
    editing.toast(count === 0 ? `Nothing to add: ${what} is already on the chart` : `Added ${count.toLocaleString('en')} to the chart`);
  };

  const run = async (pending: PendingAdd, choice: AddChoice) => {
    const id = chartId();
    if (id === null) return;
    store.setState({ busy: true });
    try {
      const top = choice.kind === 'top' ? { top: choice.n } : {};
      const result =
        pending.kind === 'expand'
          ? await editing.call(api['chart.expand']({ chartId: id, entityIds: pending.seeds, hops: pending.hops, ...(pending.types ? { types: pending.types } : {}), ...top }))
          : await editing.call(api['chart.addEntities']({ chartId: id, entityIds: pending.ids, ...top }));
      if (result.ok) {
        store.setState({ pending: null });
        added(pending.title, result.value.added);
        if (choice.kind === 'grouped' && result.value.entityIds.length > 0) {
          // The chart takes the new entities from main's announcement; group once they are on it.
          await onChart(ui, result.value.entityIds);
          await analysis.groupByType(pending.preview.byType.map((t) => t.type));
        }
      }
    } finally {
      store.setState({ busy: false });
    }
  };

  return {
    store,
    async expand(seeds, hops = 1) {
      const list = [...seeds];
      if (list.length === 0) return;
      const preview = await previewExpand(list, hops, null);
      if (!preview) return;
      const title = list.length === 1 ? `Expand “${labelOf(list[0] as string)}”` : `Expand ${list.length} entities`;
      store.setState({ pending: { kind: 'expand', seeds: list, title, hops, types: null, preview } });
    },
    async refine(change) {
      const pending = store.getState().pending;
      if (pending?.kind !== 'expand') return;
      const hops = change.hops ?? pending.hops;
      const types = change.types === undefined ? pending.types : change.types;
      const preview = await previewExpand(pending.seeds, hops, types);
      if (!preview || store.getState().pending !== pending) return;
      store.setState({ pending: { ...pending, hops, types, preview } });
    },
    async add(ids, title = 'The selection') {
      const id = chartId();
      const list = [...new Set(ids)];
      if (id === null || list.length === 0) return;
      const result = await editing.call(api['chart.addPreview']({ chartId: id, entityIds: list }));
      if (!result.ok) return;
      const pending: PendingAdd = { kind: 'add', ids: list, title, preview: result.value };
      if (result.value.warn) store.setState({ pending });
      else await run(pending, { kind: 'all' });
    },
    async confirm(choice) {
      const pending = store.getState().pending;
      if (pending) await run(pending, choice);
    },
    cancel() {
      store.setState({ pending: null });
    },
    async remove(ids) {
      const id = chartId();
      if (id === null || ids.length === 0) return;
      const result = await editing.call(api['chart.removeEntities']({ chartId: id, entityIds: [...ids] }));
      if (result.ok) {
        ui.setState({ selection: [] });
        editing.toast(`Removed ${result.value.removed.toLocaleString('en')} from the chart (still in the case)`);
      }
    },
  };
}

export { DEFAULT_TOP_N };
