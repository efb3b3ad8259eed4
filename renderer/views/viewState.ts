/**
 * Which view fills the main area (the chart, the timeline, and whatever views.ts lists), whether
 * it is shown beside the chart, and the handle of the view on screen. The choice is remembered in
 * the renderer's local storage: it is a preference of this window, not a fact of the case.
 */
import type { ChartScene } from '../../app/export/chartScene';
import type { PageInk } from '../../app/export/pageLayout';
import type { TextMeasurer } from '../../app/export/text';
import { createStore, type Store } from '../store';

export interface ViewState {
  /** The id of the view in front (an entry of VIEWS; 'chart' when none other is chosen). */
  active: string;
  /** True: a view other than the chart is shown below the chart, not over it. */
  split: boolean;
}

/** What the zoom and fit commands ask of the view in front (the chart has its own handle). */
export interface ViewHandle {
  fit: () => void;
  zoomBy: (factor: number) => void;
  /**
   * The view as File › Export image draws it, when it can be exported: a scene the page layout
   * frames with the banner, title, legend and footnote, as it frames the chart.
   */
  exportScene?: (measure: TextMeasurer, ink: PageInk) => ChartScene;
  /** What the exported file is called after ("timeline"). */
  exportName?: string;
}

export const CHART_VIEW = 'chart';
const STORAGE_KEY = 'workbench.views';

/** The remembered choice, or the chart alone when none is remembered or it cannot be read. */
export function readRememberedView(storage: Pick<Storage, 'getItem'> | null, known: readonly string[]): ViewState {
  const fallback: ViewState = { active: CHART_VIEW, split: false };
  if (!storage) return fallback;
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const { active, split } = parsed as Record<string, unknown>;
    return {
      active: typeof active === 'string' && known.includes(active) ? active : CHART_VIEW,
      split: split === true,
    };
  } catch {
    // Storage refused (private mode, quota) or a corrupt value: the default view is no loss.
    return fallback;
  }
}

export function rememberView(storage: Pick<Storage, 'setItem'> | null, state: ViewState): void {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ active: state.active, split: state.split }));
  } catch {
    // Not remembered this time; the view on screen is unaffected.
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function chartHasFocus(): boolean {
  return typeof document !== 'undefined' && document.activeElement instanceof Element && document.activeElement.closest('.chart-canvas') !== null;
}

export interface ViewStore extends Store<ViewState> {
  /** The handle of the view in front, when it is not the chart (nor beside the chart with the focus) and has mounted. */
  handle: () => ViewHandle | null;
  /** Called by a view when it mounts (with its handle) and unmounts (with null). */
  attach: (viewId: string, handle: ViewHandle | null) => void;
  /** Brings a view to the front (and remembers it). */
  show: (viewId: string) => void;
  setSplit: (split: boolean) => void;
}

export function createViewStore(known: readonly string[], storage: Storage | null = browserStorage()): ViewStore {
  const store = createStore<ViewState>(readRememberedView(storage, known));
  const handles = new Map<string, ViewHandle>();
  const remember = () => rememberView(storage, store.getState());
  return {
    ...store,
    handle: () => {
      const { active, split } = store.getState();
      if (active === CHART_VIEW) return null;
      // Beside the chart, the chart answers the zoom keys while it has the focus.
      if (split && chartHasFocus()) return null;
      return handles.get(active) ?? null;
    },
    attach(viewId, handle) {
      if (handle) handles.set(viewId, handle);
      else handles.delete(viewId);
    },
    show(viewId) {
      if (!known.includes(viewId)) return;
      store.setState({ active: viewId });
      remember();
    },
    setSplit(split) {
      store.setState({ split });
      remember();
    },
  };
}
