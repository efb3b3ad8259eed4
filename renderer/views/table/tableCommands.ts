import type { Command, CommandContext } from '../../commands';
import { viewStore } from '../views';
import { copiedNotice, tableCopySource, tableNotice, tableStore } from './tableState';

const TABLE_VIEW = 'table';

const tableShown = (ctx: CommandContext) => ctx.store.getState().caseStatus === 'open' && viewStore.getState().active === TABLE_VIEW && tableCopySource() !== null;

const selectedOfTab = (ctx: CommandContext) => {
  const kind = tableStore.getState().tab === 'entities' ? 'entity' : 'link';
  return ctx.store.getState().selection.some((s) => s.kind === kind);
};

/**
 * Puts rows of the table on the clipboard as TSV (a spreadsheet pastes it as cells) and says how
 * many went. The clipboard refusing (no permission, window not focused) is reported, not thrown.
 */
async function copyRows(ctx: CommandContext, which: 'selected' | 'shown'): Promise<void> {
  const source = tableCopySource();
  if (!source) return;
  const { text, rows } = source.tsv(which);
  if (rows === 0) return;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    const message = `The rows could not be copied: ${error instanceof Error ? error.message : String(error)}`;
    tableNotice(message);
    ctx.session.showError(message);
    return;
  }
  tableNotice(copiedNotice(rows));
}

/**
 * The table's commands. Ctrl+C in the table runs "Copy selected rows" (the table's own key
 * handler: a registry shortcut would take Ctrl+C from text everywhere else in the window).
 */
export const TABLE_COMMANDS: readonly Command[] = [
  {
    id: 'table.copySelected',
    menu: { bar: 'edit', section: 1 },
    label: 'Copy selected rows as TSV',
    canRun: (ctx) => tableShown(ctx) && selectedOfTab(ctx),
    run: (ctx) => copyRows(ctx, 'selected'),
  },
  {
    id: 'table.copyShown',
    menu: { bar: 'edit', section: 1 },
    label: 'Copy all rows shown as TSV',
    canRun: tableShown,
    run: (ctx) => copyRows(ctx, 'shown'),
  },
];
