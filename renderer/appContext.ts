import { createContext, useContext } from 'react';
import type { WorkbenchApi } from '../app/bridge';
import type { AnalysisServices } from './analysis/analysisServices';
import type { ChartHandle } from './chart/chartController';
import type { FirstLayoutRunner } from './chart/firstLayout';
import type { CaseData } from './data/caseData';
import type { CommandContext } from './commands';
import type { EditingServices } from './editing/editingServices';
import type { ChartScaleServices } from './scale/chartScaleServices';
import type { SettingsService } from './settings/settingsService';
import type { Session } from './session';
import type { SelectedElement, UiStore } from './store';
import type { TaskRegistry } from './tasks/taskRegistry';

/** The services every component may use; created once at start-up. */
export interface AppServices {
  api: WorkbenchApi;
  store: UiStore;
  /** The one cache of the open case: chart rows and query results, kept current by `case.edited`. */
  caseData: CaseData;
  session: Session;
  commands: CommandContext;
  /** Called by the chart view when it mounts (with its handle) and unmounts (with null). */
  attachChart: (handle: ChartHandle | null) => void;
  /** Selects one element and centres the chart on it. */
  selectAndFocus: (element: SelectedElement) => void;
  /** Link analysis: measures, paths, communities, filters, layouts, saved views. */
  analysis: AnalysisServices;
  /** Editing: edits announced to the cache, undo and redo, editing dialogs (renderer/editing/). */
  editing: EditingServices;
  /** What is on the chart: expand, add search results, remove (renderer/scale/). */
  scale: ChartScaleServices;
  /** Long work in progress and recently finished, shown in the status bar's task list. */
  tasks: TaskRegistry;
  /** The app's settings (theme, panel layout), kept in main's settings file. */
  settings: SettingsService;
  /**
   * The first-layout worker (chart/firstLayout.ts), started with the window: a worker first asked
   * for while the chart is being built would not start until the build ends.
   */
  firstLayout: FirstLayoutRunner;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext>');
  return services;
}
