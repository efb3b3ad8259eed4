import type { Command, CommandContext } from '../commands';

/**
 * The chart as a view onto the case: expand the selected entities' neighbourhoods (a preview by
 * type first), take them off the chart (they stay in the case). Search results are added from the
 * search box (Ctrl+F).
 */

const selectedEntities = (ctx: CommandContext) =>
  ctx.store
    .getState()
    .selection.filter((s) => s.kind === 'entity')
    .map((s) => s.id);

const ready = (ctx: CommandContext) => {
  const state = ctx.store.getState();
  return state.caseStatus === 'open' && state.chartStatus === 'ready' && ctx.scale !== undefined;
};

export const CHART_SCALE_COMMANDS: readonly Command[] = [
  {
    id: 'chart.expand',
    label: 'Expand: add linked entities to the chart…',
    menu: { bar: 'chart', section: 2 },
    shortcut: 'Alt+E',
    canRun: (ctx) => ready(ctx) && selectedEntities(ctx).length > 0,
    run: (ctx) => ctx.scale!.expand(selectedEntities(ctx), 1),
  },
  {
    id: 'chart.removeFromChart',
    label: 'Remove from the chart (keep in the case)',
    menu: { bar: 'chart', section: 2 },
    shortcut: 'Alt+R',
    canRun: (ctx) => ready(ctx) && selectedEntities(ctx).length > 0,
    run: (ctx) => ctx.scale!.remove(selectedEntities(ctx)),
  },
];
