import type { LayoutName } from '../../app/views';
import type { Command, CommandContext } from '../commands';
import { LAYOUT_LABELS } from './analysisState';

/** Analysis needs a drawn chart with entities, and its services. */
const ready = (ctx: CommandContext) => ctx.analysis?.chartReady() === true;
const idle = (ctx: CommandContext) => ready(ctx) && ctx.analysis?.store.getState().run.status !== 'running';
const selected = (ctx: CommandContext) => ctx.analysis?.selectedEntities().length ?? 0;

const LAYOUT_KEYS: readonly [LayoutName, string][] = [
  ['fcose', 'Alt+1'],
  ['hierarchical', 'Alt+2'],
  ['concentric', 'Alt+3'],
  ['circle', 'Alt+4'],
  ['grid', 'Alt+5'],
  ['byType', 'Alt+6'],
];

/** Link-analysis commands: the Analysis panel's buttons, the keyboard and tests reach the same code. */
export const ANALYSIS_COMMANDS: readonly Command[] = [
  {
    id: 'analysis.togglePanel',
    menu: { bar: 'view', section: 0 },
    label: 'Show analysis panel',
    shortcut: 'Ctrl+Shift+A',
    canRun: (ctx) => ctx.analysis !== undefined && ctx.store.getState().caseStatus === 'open',
    run: (ctx) => {
      const analysis = ctx.analysis!;
      if (analysis.store.getState().panelOpen) analysis.closePanel();
      else analysis.openPanel();
    },
  },
  {
    id: 'analysis.runMeasure',
    menu: { bar: 'analysis', section: 0 },
    label: 'Run measure',
    shortcut: 'Alt+M',
    canRun: idle,
    run: (ctx) => {
      ctx.analysis!.openPanel('measures');
      return ctx.analysis!.runMeasure();
    },
  },
  {
    id: 'analysis.cancel',
    menu: { bar: 'analysis', section: 0 },
    label: 'Cancel analysis',
    shortcut: 'Alt+.',
    canRun: (ctx) => ctx.analysis?.store.getState().run.status === 'running',
    run: (ctx) => ctx.analysis!.cancel(),
  },
  {
    id: 'analysis.clearMeasure',
    menu: { bar: 'analysis', section: 0 },
    label: 'Clear measure from chart',
    shortcut: 'Alt+X',
    canRun: (ctx) => ctx.analysis?.store.getState().measure != null,
    run: (ctx) => ctx.analysis!.clearMeasure(),
  },
  {
    id: 'analysis.shortestPath',
    menu: { bar: 'analysis', section: 1 },
    label: 'Shortest path between the two selected',
    shortcut: 'Alt+P',
    canRun: (ctx) => idle(ctx) && selected(ctx) === 2,
    run: (ctx) => {
      ctx.analysis!.openPanel('paths');
      return ctx.analysis!.shortestPath(false);
    },
  },
  {
    id: 'analysis.allShortestPaths',
    menu: { bar: 'analysis', section: 1 },
    label: 'All shortest paths between the two selected',
    shortcut: 'Alt+Shift+P',
    canRun: (ctx) => idle(ctx) && selected(ctx) === 2,
    run: (ctx) => {
      ctx.analysis!.openPanel('paths');
      return ctx.analysis!.shortestPath(true);
    },
  },
  {
    id: 'analysis.connectingNetwork',
    menu: { bar: 'analysis', section: 1 },
    label: 'Connecting network of the selected',
    shortcut: 'Alt+C',
    canRun: (ctx) => idle(ctx) && selected(ctx) >= 3,
    run: (ctx) => {
      ctx.analysis!.openPanel('paths');
      return ctx.analysis!.connectingNetwork();
    },
  },
  {
    id: 'analysis.neighbourhood',
    menu: { bar: 'analysis', section: 1 },
    label: 'Neighbourhood of the selected',
    shortcut: 'Alt+N',
    canRun: (ctx) => idle(ctx) && selected(ctx) >= 1,
    run: (ctx) => {
      ctx.analysis!.openPanel('paths');
      return ctx.analysis!.neighbourhood();
    },
  },
  {
    id: 'analysis.clearHighlight',
    menu: { bar: 'analysis', section: 1 },
    label: 'Clear highlight',
    shortcut: 'Alt+H',
    canRun: (ctx) => ctx.analysis?.store.getState().highlight != null,
    run: (ctx) => ctx.analysis!.clearHighlight(),
  },
  {
    id: 'analysis.communities',
    menu: { bar: 'analysis', section: 2 },
    label: 'Find communities (Louvain)',
    shortcut: 'Alt+G',
    canRun: idle,
    run: (ctx) => {
      ctx.analysis!.openPanel('communities');
      return ctx.analysis!.runCommunities();
    },
  },
  {
    id: 'analysis.components',
    menu: { bar: 'analysis', section: 2 },
    label: 'Find connected components',
    canRun: idle,
    run: (ctx) => {
      ctx.analysis!.openPanel('communities');
      return ctx.analysis!.runCommunities('components');
    },
  },
  {
    id: 'analysis.clearCommunities',
    menu: { bar: 'analysis', section: 2 },
    label: 'Clear communities',
    shortcut: 'Alt+Shift+G',
    canRun: (ctx) => ctx.analysis?.store.getState().communities != null,
    run: (ctx) => ctx.analysis!.clearCommunities(),
  },
  {
    id: 'analysis.clearFilters',
    menu: { bar: 'analysis', section: 3 },
    label: 'Show everything (clear filters)',
    shortcut: 'Alt+0',
    canRun: (ctx) => ready(ctx),
    run: (ctx) => ctx.analysis!.setFilters({ hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: null, asOf: null, from: null }),
  },
  {
    id: 'chart.pin',
    menu: { bar: 'chart', section: 1 },
    label: 'Pin selected (layouts leave them in place)',
    shortcut: 'Alt+K',
    canRun: (ctx) => ready(ctx) && selected(ctx) > 0 && !ctx.store.getState().layoutRunning,
    run: (ctx) => ctx.analysis!.pinSelection(true),
  },
  {
    id: 'chart.unpin',
    menu: { bar: 'chart', section: 1 },
    label: 'Unpin selected',
    shortcut: 'Alt+Shift+K',
    canRun: (ctx) => ready(ctx) && selected(ctx) > 0 && !ctx.store.getState().layoutRunning,
    run: (ctx) => ctx.analysis!.pinSelection(false),
  },
  ...LAYOUT_KEYS.map(
    ([name, shortcut]): Command => ({
      id: `chart.layout.${name}`,
      menu: { bar: 'chart', section: 0, submenu: 'Layout' },
      label: `Lay out: ${LAYOUT_LABELS[name]}`,
      shortcut,
      canRun: (ctx) => ready(ctx) && !ctx.store.getState().layoutRunning,
      run: (ctx) => ctx.analysis!.runLayout(name),
    }),
  ),
];
