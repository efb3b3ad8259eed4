// First: the open case's chart is asked for while the rest of the bundle is evaluated.
import './early/earlyChart';
// Then, before any module builds a schema (see zodJitless.ts).
import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAnalysisServices } from './analysis/analysisServices';
import { createTaskRegistry } from './tasks/taskRegistry';
import { resilientApi } from './api';
import { App } from './App';
import { AppContext, type AppServices } from './appContext';
import type { ChartHandle } from './chart/chartController';
import { createFirstLayoutRunner } from './chart/firstLayout';
import type { CommandContext } from './commands';
import { interchangeStore } from './interchange/interchangeState';
import { bindShortcuts } from './keyboard';
import { publishMenuModel } from './menuPublisher';
import { createEditingServices } from './editing/editingServices';
import { runNativeMenuCommand } from './editing/nativeEditMenu';
import { createCaseData } from './data/caseData';
import { takeEarlyLoad } from './early/earlyLoad';
import { createChartScaleServices } from './scale/chartScaleServices';
import { createSession } from './session';
import { viewStore } from './views/views';
import { panelStore } from './panels/panelLayout';
import { createUiStore } from './store';
import { createSettingsService } from './settings/settingsService';
import { createThemeController } from './theme';
import '@blueprintjs/core/lib/css/blueprint.css';
import '@blueprintjs/select/lib/css/blueprint-select.css';
import './styles.css';

function start(root: HTMLElement): void {
  const api = resilientApi(window.workbench);
  const store = createUiStore();
  const showError = (message: string) => store.setState({ error: message });
  // The one cache of the open case: every reader of case data goes through it.
  const caseData = createCaseData({ api, ui: store, showError });
  const tasks = createTaskRegistry();
  // Started before anything else asks the thread for time: its script loads while the case does.
  const firstLayout = createFirstLayoutRunner();
  firstLayout.warm();
  const session = createSession(api, store, caseData, tasks);
  let chart: ChartHandle | null = null;
  const analysis = createAnalysisServices({ api, ui: store, caseData, showError, tasks });
  const editing = createEditingServices({ api, ui: store, caseData, session, chart: () => chart });
  const scale = createChartScaleServices({ api, ui: store, editing, analysis });
  // The settings live in main's file; they are read before the window is drawn (panel sizes), and
  // the theme is painted meanwhile from the local copy of the last choice.
  // A settings file set aside is said in the banner, which stays until dismissed (a toast could pass unseen).
  const settings = createSettingsService({ api, showError, notify: showError });
  const theme = createThemeController({
    document,
    storage: safeLocalStorage(),
    matchMedia: (q) => window.matchMedia(q),
    remember: (choice) => void settings.update({ theme: choice }),
  });
  const commands: CommandContext = { session, store, chart: () => chart, analysis, editing, scale, theme };

  const services: AppServices = {
    api,
    store,
    caseData,
    session,
    commands,
    attachChart(handle) {
      chart = handle;
    },
    selectAndFocus(element) {
      store.setState({ selection: [element] });
      chart?.focus(element.id);
    },
    analysis,
    editing,
    scale,
    tasks,
    settings,
    firstLayout,
  };

  api.on('case.changed', (info) => session.caseChanged(info));
  api.on('command.run', ({ commandId }) => void runNativeMenuCommand(commandId, commands));
  api.on('app.notice', ({ text }) => editing.toast(text));
  api.on('import.dropped', ({ fileName }) => {
    if (store.getState().caseStatus !== 'open') session.showError(`Open or create a case to import ${fileName} into.`);
    else if (interchangeStore.getState().open !== null) session.showError(`Finish the open import or export first, then drop ${fileName} again.`);
    else interchangeStore.setState({ open: 'import', importNow: true });
  });
  bindShortcuts(commands);
  // The native menu bar is generated from the command registry (Electron only: the harness records it).
  publishMenuModel(api, commands, [store, editing.store, analysis.store, interchangeStore, theme, viewStore, panelStore]);

  // The case and its chart are asked for at once, while the settings load and React renders the
  // window: the chart (a store the chart view reads when it mounts) is not kept waiting for them.
  // The early script (early/earlyScript.ts) asked for them as the page started loading.
  const early = takeEarlyLoad();
  void session.start(early);
  void settings.load(early?.settings).then((loaded) => {
    theme.adopt(loaded.theme);
    createRoot(root).render(
      <StrictMode>
        <AppContext value={services}>
          <App />
        </AppContext>
      </StrictMode>,
    );
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
if (typeof window.workbench === 'undefined') {
  // Opened outside Electron (or without the preload): say so instead of failing silently.
  root.textContent = 'Analyst Workbench must be run as the desktop app: the bridge to the case store is missing.';
} else {
  start(root);
}

/** localStorage, or null where the page may not use it (the theme then lasts for the session only). */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
