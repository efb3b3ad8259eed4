import type { Command, CommandContext } from '../commands';

/**
 * The editing commands. Shortcuts (documented here, shown by the command palette and menus):
 * - Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo;
 * - Ctrl+E, or N with the chart focused, new entity (at the centre of the view; double-click the
 *   canvas to place it where you click);
 * - Delete (or Backspace) deletes the selection after a confirmation;
 * - L links the two selected entities (or drag from the handle beside a selected entity);
 * - Ctrl+M merges the two selected entities;
 * - Ctrl+F search, Ctrl+K command palette.
 */

const editable = (ctx: CommandContext) => {
  const state = ctx.store.getState();
  return ctx.editing !== undefined && state.caseStatus === 'open' && state.chartStatus === 'ready';
};

const selectedEntities = (ctx: CommandContext) => ctx.store.getState().selection.filter((s) => s.kind === 'entity');

export const EDITING_COMMANDS: readonly Command[] = [
  {
    id: 'edit.undo',
    menu: { bar: 'edit', section: 0 },
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    canRun: (ctx) => editable(ctx) && ctx.editing?.store.getState().history?.canUndo === true,
    run: (ctx) => ctx.editing?.undo(),
  },
  {
    id: 'edit.redo',
    menu: { bar: 'edit', section: 0 },
    label: 'Redo',
    shortcut: 'Ctrl+Shift+Z',
    altShortcuts: ['Ctrl+Y'],
    canRun: (ctx) => editable(ctx) && ctx.editing?.store.getState().history?.canRedo === true,
    run: (ctx) => ctx.editing?.redo(),
  },
  {
    id: 'entity.new',
    menu: { bar: 'edit', section: 2 },
    label: 'New entity…',
    shortcut: 'Ctrl+E',
    altShortcuts: ['N'],
    canRun: editable,
    run: (ctx) => ctx.editing?.openCreateEntity(),
  },
  {
    id: 'entity.palette',
    menu: { bar: 'view', section: 0 },
    label: 'Entity type palette',
    canRun: editable,
    run: (ctx) => ctx.editing?.store.setState((s) => ({ paletteOpen: !s.paletteOpen })),
  },
  {
    id: 'selection.delete',
    menu: { bar: 'edit', section: 2 },
    label: 'Delete selection…',
    shortcut: 'Delete',
    altShortcuts: ['Backspace'],
    canRun: (ctx) => editable(ctx) && ctx.store.getState().selection.length > 0,
    run: (ctx) => ctx.editing?.requestDelete(ctx.store.getState().selection),
  },
  {
    id: 'link.new',
    menu: { bar: 'edit', section: 2 },
    label: 'Link the two selected entities…',
    shortcut: 'L',
    canRun: (ctx) => editable(ctx) && selectedEntities(ctx).length === 2 && ctx.store.getState().selection.length === 2,
    run: (ctx) => {
      const [a, b] = selectedEntities(ctx);
      if (a && b) ctx.editing?.store.setState({ dialog: { kind: 'createLink', sourceId: a.id, targetId: b.id } });
    },
  },
  {
    id: 'entity.merge',
    menu: { bar: 'edit', section: 2 },
    label: 'Merge the two selected entities…',
    shortcut: 'Ctrl+M',
    canRun: (ctx) => editable(ctx) && selectedEntities(ctx).length === 2 && ctx.store.getState().selection.length === 2,
    run: (ctx) => {
      const [a, b] = selectedEntities(ctx);
      if (a && b) ctx.editing?.store.setState({ dialog: { kind: 'merge', ids: [a.id, b.id] } });
    },
  },
  {
    id: 'sources.open',
    menu: { bar: 'edit', section: 3 },
    label: 'Sources…',
    shortcut: 'Ctrl+Shift+S',
    canRun: (ctx) => ctx.editing !== undefined && ctx.store.getState().caseStatus === 'open',
    run: (ctx) => ctx.editing?.store.setState({ sources: { sourceId: null, citation: null } }),
  },
  {
    id: 'notes.open',
    menu: { bar: 'edit', section: 3 },
    label: 'Notes…',
    shortcut: 'Ctrl+Shift+N',
    canRun: (ctx) => ctx.editing !== undefined && ctx.store.getState().caseStatus === 'open',
    run: (ctx) => ctx.editing?.store.setState({ notesOpen: true }),
  },
  {
    id: 'search.open',
    menu: { bar: 'edit', section: 4 },
    label: 'Search the case…',
    shortcut: 'Ctrl+F',
    canRun: (ctx) => ctx.editing !== undefined && ctx.store.getState().caseStatus === 'open',
    run: (ctx) => ctx.editing?.store.setState({ searchOpen: true, commandPaletteOpen: false }),
  },
  {
    id: 'commands.palette',
    menu: { bar: 'view', section: 0 },
    label: 'Command palette…',
    shortcut: 'Ctrl+K',
    canRun: (ctx) => ctx.editing !== undefined,
    run: (ctx) => ctx.editing?.store.setState({ commandPaletteOpen: true, searchOpen: false }),
  },
];
