import type { WorkbenchApi } from '../../app/bridge';
import type { EarlyReplies } from './earlyLoad';

/**
 * The page's first script: asks main which case is open and for the settings as the page starts
 * to load, while the app's bundle (1.7 MB) is still arriving. Built alone as a classic script,
 * `early.js`, and put in the page's head before the bundle (vite.config.ts, earlyScriptPlugin); it
 * imports nothing at run time: it must stay a few hundred bytes. The bundle asks for the chart's
 * sketch and the chart as its evaluation starts (earlyChart.ts) and takes the replies (earlyLoad.ts).
 *
 * The chart is not asked here: main would read it while it still serves the bundle to the page (a
 * large chart's read holds main for most of a second), and the bundle would arrive that much later.
 */
const api: WorkbenchApi | undefined = window.workbench;
if (typeof api !== 'undefined') {
  performance.mark('renderer-start');
  const early: EarlyReplies = { current: api['case.current'](), settings: api['settings.get'](), asked: null };
  // A rejected call is handled where the reply is taken.
  for (const reply of [early.current, early.settings]) reply.catch(() => undefined);
  window.__workbenchEarly = early;
}
