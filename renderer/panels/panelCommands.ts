import type { Command } from '../commands';
import { panelStore } from './panelLayout';

/** Commands over the window's panels (renderer/panels/panelLayout.ts). */
export const PANEL_COMMANDS: readonly Command[] = [
  {
    id: 'view.sidePanel',
    menu: { bar: 'view', section: 2 },
    label: 'Side panel (Inspector, Analysis)',
    shortcut: 'Ctrl+B',
    canRun: () => panelStore.getState().sideMounted,
    checked: () => !panelStore.getState().sideCollapsed,
    run: () => panelStore.toggleSide(),
  },
];
