import type { WorkbenchApi } from '../../app/bridge';
import { settleCall } from '../api';

/** The replies the early script (earlyScript.ts) and earlyChart.ts asked for, as the bridge returned them. */
export interface EarlyReplies {
  current: ReturnType<WorkbenchApi['case.current']>;
  settings: ReturnType<WorkbenchApi['settings.get']>;
  /** Set by askEarlyChart; resolves null when no case is open (or asking which failed): no chart was asked. */
  chart: Promise<Awaited<ReturnType<WorkbenchApi['chart.load']>> | null> | null;
  /** The chart's sketch, asked just before it (askEarlyChart); null as `chart`. */
  sketch?: Promise<Awaited<ReturnType<WorkbenchApi['chart.sketch']>> | null>;
}

/** The early replies as the app uses them: as from `resilientApi` (never rejecting, the chart unpacked). */
export interface EarlyLoad {
  current: ReturnType<WorkbenchApi['case.current']>;
  settings: ReturnType<WorkbenchApi['settings.get']>;
  chart: NonNullable<EarlyReplies['chart']>;
  sketch: NonNullable<EarlyReplies['sketch']>;
}

declare global {
  interface Window {
    /** Set by the early script; taken (and cleared) by takeEarlyLoad. */
    __workbenchEarly?: EarlyReplies;
  }
}

/**
 * Asks for the open case's chart once main has said which case is open (the early script asked):
 * called as the bundle's evaluation starts (earlyChart.ts), so main reads the chart while the
 * bundle is evaluated and React renders the window. A chart asked with no case open is an error
 * main would log, so it is asked only for an open case; main answers the calls in order, so it is
 * that case's chart.
 */
export function askEarlyChart(): void {
  const early = typeof window === 'undefined' ? undefined : window.__workbenchEarly;
  if (early === undefined || early.chart !== null) return;
  const api = window.workbench;
  const open = early.current.then(
    (result) => result.ok && result.value !== null,
    () => false,
  );
  // The sketch first, read in a fraction of the chart's time; the chart once its reply is back, so
  // that no transport holds the sketch's reply behind the chart's reading.
  early.sketch = open.then((yes) => (yes ? api['chart.sketch']() : null));
  early.chart = early.sketch.then(
    (sketch) => (sketch === null ? null : api['chart.load']()),
    () => api['chart.load'](),
  );
  early.sketch.catch(() => undefined);
  early.chart.catch(() => undefined);
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
    chart: (early.chart ?? Promise.resolve(null)).then(
      (reply) => (reply === null ? null : (settleCall('chart.load', Promise.resolve(reply)) as Promise<Awaited<ReturnType<WorkbenchApi['chart.load']>>>)),
      () => null,
    ),
    sketch: (early.sketch ?? Promise.resolve(null)).then(
      (reply) => (reply === null ? null : (settleCall('chart.sketch', Promise.resolve(reply)) as Promise<Awaited<ReturnType<WorkbenchApi['chart.sketch']>>>)),
      () => null,
    ),
  };
}
