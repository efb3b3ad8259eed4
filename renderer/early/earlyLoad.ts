import type { WorkbenchApi } from '../../app/bridge';
import { resilientApi, settleCall } from '../api';

/**
 * A chart's sketch and the chart, as every load of another case asks them: the sketch first (main
 * reads it in a fraction of the chart's time, and a large chart's preview is drawn from it), the
 * chart once the sketch's reply is back, so that no transport holds that reply behind the chart's
 * reading. `api` is the resilient one: neither promise rejects.
 */
export interface SketchThenChart {
  sketch: ReturnType<WorkbenchApi['chart.sketch']>;
  chart: ReturnType<WorkbenchApi['chart.load']>;
}

export function askSketchThenChart(api: WorkbenchApi): SketchThenChart {
  const sketch = api['chart.sketch']();
  return { sketch, chart: sketch.then(() => api['chart.load']()) };
}

/** What the early script (earlyScript.ts) and then askEarlyChart asked for. */
export interface EarlyReplies {
  /** As the bridge returned them (the early script has no resilientApi). */
  current: ReturnType<WorkbenchApi['case.current']>;
  settings: ReturnType<WorkbenchApi['settings.get']>;
  /** Set by askEarlyChart; resolves null when no case is open (or asking which failed): nothing was asked. */
  asked: Promise<SketchThenChart | null> | null;
}

/** The early replies as the app uses them: as from `resilientApi` (never rejecting, the chart unpacked). */
export interface EarlyLoad {
  current: ReturnType<WorkbenchApi['case.current']>;
  settings: ReturnType<WorkbenchApi['settings.get']>;
  asked: Promise<SketchThenChart | null>;
}

declare global {
  interface Window {
    /** Set by the early script; taken (and cleared) by takeEarlyLoad. */
    __workbenchEarly?: EarlyReplies;
  }
}

/**
 * Asks for the open case's sketch and chart once main has said which case is open (the early
 * script asked): called as the bundle's evaluation starts (earlyChart.ts), so main reads them
 * while the bundle is evaluated and React renders the window. A chart asked with no case open is
 * an error main would log, so they are asked only for an open case; main answers the calls in
 * order, so they are that case's.
 */
export function askEarlyChart(): void {
  const early = typeof window === 'undefined' ? undefined : window.__workbenchEarly;
  if (early === undefined || early.asked !== null) return;
  const api = resilientApi(window.workbench);
  early.asked = early.current.then(
    (result) => (result.ok && result.value !== null ? askSketchThenChart(api) : null),
    () => null,
  );
}

/**
 * The replies the early script asked for, once: the first caller gets them, every later one
 * null (as does a page without the early script). The session uses them for its first load only;
 * a case opened later is read as ever.
 */
export function takeEarlyLoad(): EarlyLoad | null {
  const early = typeof window === 'undefined' ? undefined : window.__workbenchEarly;
  if (early === undefined) return null;
  delete window.__workbenchEarly;
  return {
    current: settleCall('case.current', early.current) as EarlyLoad['current'],
    settings: settleCall('settings.get', early.settings) as EarlyLoad['settings'],
    asked: early.asked ?? Promise.resolve(null),
  };
}
