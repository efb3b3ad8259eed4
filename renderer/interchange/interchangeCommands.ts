import { EXPORT_CHOICES, exportCommandId } from '../../app/interchange/exportChoices';
import type { Command, CommandContext } from '../commands';
import { interchangeStore } from './interchangeState';

const caseOpen = (ctx: CommandContext) => ctx.store.getState().caseStatus === 'open';
const noDialogOpen = () => interchangeStore.getState().open === null;

/** File › Import and File › Export (and one export command per format, for the native menu). */
export const INTERCHANGE_COMMANDS: readonly Command[] = [
  {
    id: 'file.import',
    menu: { bar: 'file', section: 1 },
    label: 'Import…',
    shortcut: 'Ctrl+I',
    canRun: (ctx) => caseOpen(ctx) && noDialogOpen(),
    run: (ctx) => {
      ctx.store.setState({ fileMenuOpen: false });
      interchangeStore.setState({ open: 'import' });
    },
  },
  {
    id: 'file.export',
    menu: { bar: 'file', section: 1, submenu: 'Export' },
    label: 'Export case…',
    canRun: (ctx) => caseOpen(ctx) && noDialogOpen(),
    run: (ctx) => {
      ctx.store.setState({ fileMenuOpen: false });
      interchangeStore.setState({ open: 'export', exportChoice: null, exportNow: false });
    },
  },
  ...EXPORT_CHOICES.map(
    (choice): Command => ({
      id: exportCommandId(choice),
      menu: { bar: 'file', section: 1, submenu: 'Export' },
      label: `Export case as ${choice.label}…`,
      canRun: (ctx) => caseOpen(ctx) && noDialogOpen(),
      run: (ctx) => {
        ctx.store.setState({ fileMenuOpen: false });
        interchangeStore.setState({ open: 'export', exportChoice: choice.id, exportNow: true });
      },
    }),
  ),
];
