import type { Command, CommandContext } from '../commands';
import type { ContextMenuState } from '../editing/editingState';
import { startCalloutAt, startCalloutInView, startCalloutOn } from './calloutState';

/** What a right-click was on: a point of the canvas, an entity or a link. */
export type MenuTarget = ContextMenuState['target'];

const canAddCallout = (ctx: CommandContext) => {
  const state = ctx.store.getState();
  return ctx.editing !== undefined && state.caseStatus === 'open' && state.chartStatus === 'ready' && ctx.chart()?.cy !== undefined;
};

/**
 * The callout commands (text notes on the chart, renderer/callouts/). "Add callout" from the
 * palette puts one in the centre of the view, or beside the one selected entity and tied to it;
 * right-click the canvas or an entity to put it there. Double-click a callout (or Enter) to edit its
 * text, drag it to move it, × (or Delete) to delete it: every change is one undoable step.
 */
export const CALLOUT_COMMANDS: readonly Command[] = [
  {
    id: 'callout.new',
    menu: { bar: 'edit', section: 2 },
    label: 'Add callout',
    canRun: canAddCallout,
    run: (ctx) => {
      const cy = ctx.chart()?.cy;
      if (!cy || !ctx.editing) return;
      const { selection } = ctx.store.getState();
      const only = selection.length === 1 && selection[0]?.kind === 'entity' ? selection[0] : null;
      if (only && startCalloutOn(cy, only.id)) return;
      startCalloutInView(ctx.editing.viewCentre());
    },
  },
];

/** "callout.new" in a right-click menu: at the point of the canvas clicked, or tied to the entity clicked. */
export const CALLOUT_MENU_ACTION = {
  label: (target: MenuTarget) => (target.kind === 'canvas' ? 'Add callout here' : 'Add callout to entity'),
  run: (target: MenuTarget, ctx: CommandContext) => {
    if (!canAddCallout(ctx)) return;
    const cy = ctx.chart()?.cy;
    if (target.kind === 'canvas') startCalloutAt(target.at);
    else if (target.kind === 'entity' && cy) startCalloutOn(cy, target.id);
  },
};
