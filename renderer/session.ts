import type { WorkbenchApi } from '../app/bridge';
import type { CaseInfo } from '../app/domain';
import type { WorkbenchError } from '../app/result';
import type { CaseData } from './data/caseData';
import { askSketchThenChart, type EarlyLoad, type SketchThenChart } from './early/earlyLoad';
import type { UiStore } from './store';
import { trackCall } from './tasks/trackCall';
import type { TaskRegistry } from './tasks/taskRegistry';

/** Performance marks the e2e run reads to measure the time to the first chart frame. */
export const MARK_LOAD_START = 'chart-load-start';
export const MARK_FIRST_FRAME = 'chart-first-frame';
/** Diagnostics: the chart data arrived; the first layout was asked of its worker; its positions were applied. */
export const MARK_DATA = 'chart-data';
export const MARK_LAYOUT_START = 'chart-layout-start';
export const MARK_LAYOUT_STOP = 'chart-layout-stop';
/** The laid-out chart is on screen before Cytoscape has it: its preview was drawn again at the layout's places. */
export const MARK_LAYOUT_SHOWN = 'chart-layout-shown';
/**
 * Cytoscape has drawn the chart and it is ready to edit. On a large chart the first frame comes
 * before, drawn by the WebGL preview (chart/glPreview.ts), whose mark carries what it drew.
 */
export const MARK_CHART_READY = 'chart-ready';
export const MARK_GL_PREVIEW = 'chart-gl-preview';
const MARKS = [MARK_LOAD_START, MARK_DATA, MARK_LAYOUT_START, MARK_LAYOUT_SHOWN, MARK_LAYOUT_STOP, MARK_FIRST_FRAME, MARK_CHART_READY, MARK_GL_PREVIEW];

/** The case lifecycle as the UI drives it: open, create, close, load the chart. */
export interface Session {
  /**
   * Asks main which case is open (if any) and loads it; with `early`, the answers already asked
   * for as the page started (data/earlyLoad.ts).
   */
  start: (early?: EarlyLoad | null) => Promise<void>;
  newCase: () => Promise<void>;
  /** Opens a case from the recent list (by its id), or asks main to show an open dialog. */
  openCase: (recentId?: string) => Promise<void>;
  closeCase: () => Promise<void>;
  /** File › Restore backup: main asks which backup and confirms; the restored case is then loaded. */
  restoreBackup: () => Promise<void>;
  /** Reloads the open case's chart (e.g. after main says it changed). */
  reloadChart: () => Promise<void>;
  /** main says the open case changed: opened, created or closed. */
  caseChanged: (info: CaseInfo | null) => void;
  refreshRecent: () => Promise<void>;
  showError: (error: WorkbenchError | string) => void;
}

export function setChartReadyFlag(ready: boolean): void {
  document.body.dataset.chartReady = ready ? 'true' : 'false';
}

/** `tasks`: where long work (restoring a backup) shows in the status-bar task list. */
export function createSession(api: WorkbenchApi, store: UiStore, caseData: CaseData, tasks: TaskRegistry): Session {
  /** Bumped by every load or close: a reply for an older one is dropped. */
  let generation = 0;
  /** The case path whose chart is loaded or loading; events for it do not load it twice. */
  let activePath: string | null = null;

  const showError = (error: WorkbenchError | string) => {
    store.setState({ error: typeof error === 'string' ? error : error.message });
  };

  const refreshRecent = async () => {
    const result = await api['case.recent']();
    if (result.ok) store.setState({ recent: result.value });
  };

  const showNoCase = () => {
    generation += 1;
    activePath = null;
    setChartReadyFlag(false);
    caseData.clear();
    store.setState({ caseStatus: 'none', caseInfo: null, chart: null, chartDelta: null, chartSketch: null, chartStatus: 'idle', selection: [], layoutRunning: false });
  };

  /** `asked`: the sketch and chart already asked for this case (the early load), instead of asking again. */
  const loadChart = async (info: CaseInfo, asked?: SketchThenChart) => {
    generation += 1;
    const mine = generation;
    const anotherCase = activePath !== info.path;
    activePath = info.path;
    setChartReadyFlag(false);
    for (const mark of MARKS) performance.clearMarks(mark);
    performance.mark(MARK_LOAD_START);
    store.setState({
      caseStatus: 'open',
      caseInfo: info,
      chartStatus: 'loading',
      selection: [],
      // Another case's chart is cleared at once; the same case's stays until its reload is diffed in.
      ...(anotherCase ? { chart: null, chartDelta: null, chartSketch: null } : {}),
    });
    let chart = asked?.chart;
    if (anotherCase) {
      caseData.clear();
      // A large chart's preview is drawn from its sketch while the chart itself is read.
      const { sketch, chart: asking } = asked ?? askSketchThenChart(api);
      chart = asking;
      void sketch.then((reply) => {
        if (mine === generation && reply.ok && reply.value !== null && store.getState().chart === null) store.setState({ chartSketch: reply.value });
      });
    }
    // The case cache puts the chart in the store; the chart controller draws it and sets
    // chartStatus 'ready' once the first frame is on screen.
    const result = await caseData.load(chart);
    if (mine !== generation) return;
    performance.mark(MARK_DATA);
    if (!result.ok) {
      store.setState({ chart: null, chartDelta: null, chartSketch: null, chartStatus: 'error' });
      showError(result.error);
    }
  };

  /** Loads a case that main reports open, unless it is the one already shown. */
  const adopt = async (info: CaseInfo, asked?: SketchThenChart) => {
    if (info.path === activePath) {
      store.setState({ caseInfo: info, caseStatus: 'open' });
      return;
    }
    await loadChart(info, asked);
  };

  const afterCall = async (result: Awaited<ReturnType<WorkbenchApi['case.open']>>) => {
    if (result.ok) {
      await Promise.all([adopt(result.value), refreshRecent()]);
    } else if (result.error.code !== 'cancelled') {
      showError(result.error);
    }
  };

  return {
    async start(early) {
      // The recent cases are not waited for: main answers in order, so their reply comes after
      // the chart's (asked by the early load), and the chart's sketch must not wait for it.
      const recent = refreshRecent();
      const current = await (early?.current ?? api['case.current']());
      if (!current.ok) {
        showNoCase();
        showError(current.error);
      } else if (current.value === null) {
        showNoCase();
      } else {
        await adopt(current.value, (await early?.asked) ?? undefined);
      }
      await recent;
    },
    async newCase() {
      store.setState({ fileMenuOpen: false });
      await afterCall(await api['case.new']({}));
    },
    async openCase(recentId) {
      store.setState({ fileMenuOpen: false });
      await afterCall(await api['case.open'](recentId === undefined ? {} : { recentId }));
    },
    async restoreBackup() {
      const result = await trackCall(tasks, { kind: 'backup', label: 'Restore a backup' }, () => api['case.restoreBackup']());
      if (result.ok) {
        if (result.value !== null) await loadChart(result.value);
      } else if (result.error.code !== 'cancelled') {
        showError(result.error);
      }
    },
    async closeCase() {
      store.setState({ fileMenuOpen: false });
      const result = await api['case.close']();
      if (result.ok) {
        showNoCase();
        await refreshRecent();
      } else if (result.error.code !== 'cancelled') {
        showError(result.error);
      }
    },
    async reloadChart() {
      const info = store.getState().caseInfo;
      if (info) await loadChart(info);
    },
    caseChanged(info) {
      if (info === null) {
        if (activePath !== null) showNoCase();
      } else {
        void adopt(info);
      }
      void refreshRecent();
    },
    refreshRecent,
    showError,
  };
}
