import { ChartCache, type ChartChange } from '../../app/chartCache';
import type { ChartElement } from '../../app/chartElements';
import type { WorkbenchApi } from '../../app/bridge';
import type { ChartData } from '../../app/contract';
import type { NodePosition } from '../../app/domain';
import type { CaseEdit } from '../../app/editing/types';
import type { Result } from '../../app/result';
import type { UiStore } from '../store';
import { createCaseQueries, type CaseQueries } from './caseQueries';

/**
 * What one delta changed on the chart, as the chart controller applies it: the element
 * definitions to put in, the ids to take out, the nodes to move. `base` is the chart data it
 * applies to: a controller that did not draw `base` diffs the whole chart instead.
 */
export interface ChartDelta extends ChartChange {
  base: ChartData;
  elements: ChartElement[];
  /** Stored positions of the nodes in `elements` and `moved` that have one. */
  positions: ReadonlyMap<string, NodePosition>;
  action: CaseEdit['action'];
}

/**
 * The renderer's one cache of the open case (created once at start-up, passed down): the chart
 * rows (app/chartCache.ts) and the other reads (caseQueries.ts). Main's `case.edited`
 * announcements arrive here, in order: each asks `case.rows` for the ids it names, updates the
 * cache and publishes the new chart data with what changed (`chartDelta` in the UI store). A
 * missed announcement (a gap in the numbers), a reset, or a failed read reloads the chart whole.
 */
export interface CaseData {
  queries: CaseQueries;
  /**
   * Loads the open case's chart whole (open, or a reload); the UI store gets it on success.
   * `asked`: a `chart.load` already under way for this case (asked after its sketch), used
   * instead of a new one.
   */
  load: (asked?: Promise<Result<ChartData>>) => Promise<Result<ChartData>>;
  /** No case: forget everything. */
  clear: () => void;
  /** The `case.edited` handler. Resolves once the change is in the cache and the store. */
  applyEdit: (edit: CaseEdit) => Promise<void>;
  /** Called after each delta is applied (the analysis refreshes what the edit made stale). */
  onChange: (listener: (edit: CaseEdit, change: ChartChange) => void) => () => void;
}

export interface CaseDataDeps {
  api: WorkbenchApi;
  ui: UiStore;
  showError: (message: string) => void;
}

export function createCaseData({ api, ui, showError }: CaseDataDeps): CaseData {
  const queries = createCaseQueries();
  const listeners = new Set<(edit: CaseEdit, change: ChartChange) => void>();
  let cache: ChartCache | null = null;
  /** Loads and deltas run one after another, in the order they came: a delta never meets a half-loaded cache. */
  let queue: Promise<unknown> = Promise.resolve();
  /** Bumped by each load and clear: work queued for an older case is dropped. */
  let generation = 0;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const loadNow = async (mine: number, asked?: Promise<Result<ChartData>>): Promise<Result<ChartData>> => {
    const result = await (asked ?? api['chart.load']());
    if (mine !== generation) return result;
    if (result.ok) {
      cache = new ChartCache(result.value);
      queries.clear();
      ui.setState({ chart: result.value, chartDelta: null, chartSketch: null });
    }
    return result;
  };

  const applyNow = async (edit: CaseEdit, mine: number): Promise<void> => {
    const current = cache;
    if (mine !== generation || current === null || ui.getState().caseStatus !== 'open') return;
    if (edit.version <= current.version) return;
    if (edit.reset || edit.version !== current.version + 1) {
      const reloaded = await loadNow(mine);
      if (!reloaded.ok) showError(`The chart could not be reloaded: ${reloaded.error.message}`);
      return;
    }
    const request = current.rowsRequest(edit);
    const rows = await api['case.rows'](request);
    if (mine !== generation || cache !== current) return;
    if (!rows.ok) {
      // Reading the rows failed: the whole chart is read again rather than left half-updated.
      const reloaded = await loadNow(mine);
      if (!reloaded.ok) showError(`The chart could not be reloaded: ${reloaded.error.message}`);
      return;
    }
    const base = ui.getState().chart;
    const change = current.apply(request, rows.value, edit.version);
    const elements = current.elementsFor(change.nodes, change.edges);
    const positions = new Map<string, NodePosition>();
    for (const id of [...change.nodes, ...change.moved]) {
      const p = current.positions.get(id);
      if (p) positions.set(id, p);
    }
    const chart = current.toChartData();
    queries.invalidate(edit, change);
    ui.setState({ chart, chartDelta: base ? { ...change, base, elements, positions, action: edit.action } : null });
    for (const listener of [...listeners]) listener(edit, change);
  };

  return {
    queries,
    load(asked) {
      generation += 1;
      const mine = generation;
      return serial(() => loadNow(mine, asked));
    },
    clear() {
      generation += 1;
      cache = null;
      queries.clear();
    },
    applyEdit(edit) {
      const mine = generation;
      return serial(() => applyNow(edit, mine));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
