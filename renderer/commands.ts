import type { AnalysisServices } from './analysis/analysisServices';
import { ANALYSIS_COMMANDS } from './analysis/analysisCommands';
import { CALLOUT_COMMANDS } from './callouts/calloutCommands';
import type { ChartHandle } from './chart/chartController';
import { INTERCHANGE_COMMANDS } from './interchange/interchangeCommands';
import { EDITING_COMMANDS } from './editing/editingCommands';
import { CHART_SCALE_COMMANDS } from './scale/chartScaleCommands';
import type { ChartScaleServices } from './scale/chartScaleServices';
import type { EditingServices } from './editing/editingServices';
import type { Session } from './session';
import type { MenuPlace } from '../app/menuModel';
import { currentPlatform, matchesShortcut, type KeyStroke, type Platform } from './shortcuts';
import type { UiStore } from './store';
import type { ThemeChoice, ThemeController } from './theme';
import { PANEL_COMMANDS } from './panels/panelCommands';
import { TABLE_COMMANDS } from './views/table/tableCommands';
import { VIEW_COMMANDS } from './views/viewCommands';
import { viewStore } from './views/views';

/** What a command may use. Built once at start-up (see main.tsx). */
export interface CommandContext {
  session: Session;
  store: UiStore;
  /** The mounted chart, or null before it mounts. */
  chart: () => ChartHandle | null;
  /** Link analysis (absent in tests that do not need it). */
  analysis?: AnalysisServices;
  /** Editing: undo, dialogs, palette (absent in tests that do not need it). */
  editing?: EditingServices;
  /** What is on the chart: expand, add, remove (absent in tests that do not need it). */
  scale?: ChartScaleServices;
  /** Light/dark theme (absent in tests that do not need it). */
  theme?: ThemeController;
}

/** One user action: the menu, the keyboard, main's native menu (`command.run`) and tests reach it here. */
export interface Command {
  id: string;
  label: string;
  /** Where the native menu bar shows it (every command has a place: see commands.test.ts). */
  menu: MenuPlace;
  /** The shortcut shown in menus, e.g. "Ctrl+N". */
  shortcut?: string;
  /** Other keys that run it too (e.g. "=" for zoom in, unshifted "+" on many layouts). */
  altShortcuts?: readonly string[];
  canRun: (ctx: CommandContext) => boolean;
  /** For a toggle or a choice (the view in front): whether the menu shows it ticked. */
  checked?: (ctx: CommandContext) => boolean;
  run: (ctx: CommandContext) => void | Promise<void>;
}

const caseOpen = (ctx: CommandContext) => ctx.store.getState().caseStatus === 'open';
const chartShown = (ctx: CommandContext) => {
  const state = ctx.store.getState();
  return state.caseStatus === 'open' && state.chartStatus === 'ready' && ctx.chart() !== null;
};

export const ZOOM_STEP = 1.25;

export const COMMANDS: readonly Command[] = [
  {
    id: 'file.new',
    menu: { bar: 'file', section: 0 },
    label: 'New case…',
    shortcut: 'Ctrl+N',
    canRun: () => true,
    run: (ctx) => ctx.session.newCase(),
  },
  {
    id: 'file.open',
    menu: { bar: 'file', section: 0 },
    label: 'Open case…',
    shortcut: 'Ctrl+O',
    canRun: () => true,
    run: (ctx) => ctx.session.openCase(),
  },
  {
    id: 'file.close',
    menu: { bar: 'file', section: 2 },
    label: 'Close case',
    shortcut: 'Ctrl+W',
    canRun: caseOpen,
    run: (ctx) => ctx.session.closeCase(),
  },
  {
    id: 'file.restoreBackup',
    menu: { bar: 'file', section: 2 },
    label: 'Restore backup…',
    canRun: caseOpen,
    run: async (ctx) => {
      ctx.store.setState({ fileMenuOpen: false });
      await ctx.session.restoreBackup();
    },
  },
  {
    id: 'case.marking',
    menu: { bar: 'file', section: 2 },
    label: 'Handling marking…',
    canRun: caseOpen,
    run: (ctx) => ctx.store.setState({ markingOpen: true, fileMenuOpen: false }),
  },
  {
    id: 'help.shortcuts',
    menu: { bar: 'help', section: 0 },
    label: 'Keyboard shortcuts',
    shortcut: 'Ctrl+/',
    canRun: () => true,
    run: (ctx) => ctx.store.setState({ helpDialog: 'shortcuts', fileMenuOpen: false }),
  },
  {
    id: 'view.tasks',
    menu: { bar: 'view', section: 2 },
    label: 'Show running tasks',
    canRun: () => true,
    run: (ctx) => ctx.store.setState({ tasksOpen: true, fileMenuOpen: false }),
  },
  {
    id: 'help.about',
    menu: { bar: 'help', section: 1 },
    label: 'About Analyst Workbench',
    canRun: () => true,
    run: (ctx) => ctx.store.setState({ helpDialog: 'about', fileMenuOpen: false }),
  },
  {
    id: 'file.exportImage',
    menu: { bar: 'file', section: 1 },
    label: 'Export image…',
    shortcut: 'Ctrl+Shift+E',
    canRun: (ctx) => chartShown(ctx) && (ctx.store.getState().chart?.entities.length ?? 0) > 0,
    run: (ctx) => ctx.store.setState({ exportImageOpen: true, fileMenuOpen: false }),
  },
  {
    id: 'chart.fit',
    menu: { bar: 'view', section: 1 },
    label: 'Fit chart to window',
    shortcut: 'F',
    altShortcuts: ['Ctrl+0'],
    canRun: chartShown,
    // The view in front fits (the timeline to its items); the chart when it is in front.
    run: (ctx) => (viewStore.handle() ?? ctx.chart())?.fit(),
  },
  {
    id: 'chart.relayout',
    menu: { bar: 'chart', section: 0 },
    label: 'Lay out again',
    shortcut: 'Ctrl+L',
    canRun: (ctx) => chartShown(ctx) && !ctx.store.getState().layoutRunning && (ctx.store.getState().chart?.entities.length ?? 0) > 0,
    // With analysis, the layout chosen there (pins respected, run off the UI thread).
    run: (ctx) => (ctx.analysis?.chartReady() ? ctx.analysis.runLayout(ctx.analysis.store.getState().layout) : ctx.chart()?.relayout()),
  },
  {
    id: 'chart.zoomIn',
    menu: { bar: 'view', section: 1 },
    label: 'Zoom in',
    shortcut: '+',
    altShortcuts: ['=', 'Ctrl+=', 'Ctrl++'],
    canRun: chartShown,
    run: (ctx) => (viewStore.handle() ?? ctx.chart())?.zoomBy(ZOOM_STEP),
  },
  {
    id: 'chart.zoomOut',
    menu: { bar: 'view', section: 1 },
    label: 'Zoom out',
    shortcut: '-',
    altShortcuts: ['Ctrl+-'],
    canRun: chartShown,
    run: (ctx) => (viewStore.handle() ?? ctx.chart())?.zoomBy(1 / ZOOM_STEP),
  },
  {
    id: 'selection.clear',
    menu: { bar: 'edit', section: 4 },
    label: 'Clear selection',
    shortcut: 'Escape',
    canRun: (ctx) => ctx.store.getState().selection.length > 0,
    run: (ctx) => ctx.store.setState({ selection: [] }),
  },
  ...VIEW_COMMANDS,
  ...TABLE_COMMANDS,
  ...PANEL_COMMANDS,
  ...ANALYSIS_COMMANDS,
  ...EDITING_COMMANDS,
  ...CALLOUT_COMMANDS,
  ...INTERCHANGE_COMMANDS,
  ...CHART_SCALE_COMMANDS,
  ...(
    [
      ['system', 'Theme: follow the system'],
      ['light', 'Theme: light'],
      ['dark', 'Theme: dark'],
    ] as const satisfies readonly (readonly [ThemeChoice, string])[]
  ).map(
    ([choice, label]): Command => ({
      id: `view.theme.${choice}`,
      menu: { bar: 'view', section: 5, submenu: 'Theme' },
      label,
      canRun: (ctx) => ctx.theme !== undefined && ctx.theme.choice() !== choice,
      run: (ctx) => ctx.theme?.setChoice(choice),
    }),
  ),
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function findCommand(id: string): Command | undefined {
  return BY_ID.get(id);
}

/** The command a keystroke runs on this platform (or the one named), if any. */
export function commandForKeystroke(
  stroke: KeyStroke,
  commands: readonly Command[] = COMMANDS,
  platform: Platform = currentPlatform(),
): Command | undefined {
  return commands.find((command) =>
    [command.shortcut, ...(command.altShortcuts ?? [])].some((spec) => spec !== undefined && matchesShortcut(spec, stroke, platform)),
  );
}

/** Runs a command when it can run now; returns whether it ran. An unknown id is reported, not thrown. */
export async function runCommand(id: string, ctx: CommandContext): Promise<boolean> {
  const command = findCommand(id);
  if (!command) {
    ctx.session.showError(`Unknown command: ${id}`);
    return false;
  }
  if (!command.canRun(ctx)) return false;
  await command.run(ctx);
  return true;
}
