import type { Command, CommandContext } from '../commands';
import { CHART_VIEW } from './viewState';
import { VIEWS, viewStore } from './views';

const caseOpen = (ctx: CommandContext) => ctx.store.getState().caseStatus === 'open';

/** View › Chart, Timeline, …: one command per entry of VIEWS, and the split toggle. */
export const VIEW_COMMANDS: readonly Command[] = [
  ...VIEWS.map(
    (view): Command => ({
      id: `view.show.${view.id}`,
      menu: { bar: 'view', section: 0 },
      label: view.label,
      shortcut: view.shortcut,
      canRun: (ctx) => view.id === CHART_VIEW || caseOpen(ctx),
      checked: () => viewStore.getState().active === view.id,
      run: () => viewStore.show(view.id),
    }),
  ),
  {
    id: 'view.split',
    menu: { bar: 'view', section: 0 },
    label: 'Show beside the chart',
    shortcut: 'Alt+V',
    canRun: caseOpen,
    checked: () => viewStore.getState().split,
    run: () => viewStore.setSplit(!viewStore.getState().split),
  },
];
