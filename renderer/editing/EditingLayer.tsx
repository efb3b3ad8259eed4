import { Classes } from '@blueprintjs/core';
import { useEffect, useRef } from 'react';
import { mdiNoteTextOutline, mdiBookOpenPageVariantOutline, mdiPlusCircleOutline, mdiRedo, mdiUndo } from '@mdi/js';
import { useApp, type AppServices } from '../appContext';
import { CALLOUT_MENU_ACTION } from '../callouts/calloutCommands';
import { CalloutLayer } from '../callouts/CalloutLayer';
import { COMMANDS, findCommand, runCommand, type Command } from '../commands';
import { Icon } from '../Icon';
import { IconButton } from '../panels/IconButton';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { EditDialogs } from './EditDialogs';
import { EntityTypeMenu } from './EntityTypeMenu';
import type { ContextMenuState } from './editingState';
import { SearchBox } from './SearchBox';
import { CommandPalette } from './CommandPalette';
import { SourcesDialog } from './SourcesDialog';
import { NotesPanel } from './Notes';
import './editing.css';
import { MENU, TOAST } from '../ui/menus';
import { moveMenuFocus } from '../ui/menuKeys';

/** What the chart shows for editing: toolbar, undo message, dialogs, menus, palette, search. */
export function EditingLayer() {
  const { store } = useApp();
  const open = useStore(store, (s) => s.caseStatus === 'open');
  if (!open) return null;
  return (
    <>
      <CalloutLayer />
      <EditToolbar />
      <Toast />
      <ContextMenu />
      <CommandPalette />
      <SearchBox />
      <EditDialogs />
      <SourcesDialog />
      <NotesPanel />
    </>
  );
}

/** A toolbar button with its icon and its name: Blueprint's minimal button. */
const TOOL = `${Classes.BUTTON} ${Classes.MINIMAL}`;

function EditToolbar() {
  const { editing, commands } = useApp();
  const history = useStore(editing.store, (s) => s.history);
  const paletteOpen = useStore(editing.store, (s) => s.paletteOpen);
  return (
    <div className={`${Classes.CARD} ${Classes.ELEVATION_2} ${Classes.BUTTON_GROUP} edit-toolbar`} role="toolbar" aria-label="Editing">
      <EntityTypeMenu
        menu={{ 'aria-label': 'Entity types' }}
        onPick={(type) => editing.openCreateEntity(undefined, type)}
        // View › Entity type palette opens it too.
        popover={{ isOpen: paletteOpen, onInteraction: (next) => editing.store.setState({ paletteOpen: next }) }}
      >
        <button type="button" className={TOOL} title="New entity (Ctrl+E, or double-click the chart)">
          <Icon path={mdiPlusCircleOutline} size={18} />
          <span>Entity</span>
        </button>
      </EntityTypeMenu>
      <button type="button" className={TOOL} title="Sources and their documents" onClick={() => void runCommand('sources.open', commands)}>
        <Icon path={mdiBookOpenPageVariantOutline} size={18} />
        <span>Sources</span>
      </button>
      <button type="button" className={TOOL} title="Every note of the case" onClick={() => void runCommand('notes.open', commands)}>
        <Icon path={mdiNoteTextOutline} size={18} />
        <span>Notes</span>
      </button>
      <IconButton
        label="Undo"
        detail={history?.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo'}
        shortcut={findCommand('edit.undo')?.shortcut}
        icon={mdiUndo}
        size={18}
        className={TOOL}
        disabled={!history?.canUndo}
        onClick={() => void runCommand('edit.undo', commands)}
      />
      <IconButton
        label="Redo"
        detail={history?.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo'}
        shortcut={findCommand('edit.redo')?.shortcut}
        icon={mdiRedo}
        size={18}
        className={TOOL}
        disabled={!history?.canRedo}
        onClick={() => void runCommand('edit.redo', commands)}
      />
    </div>
  );
}

function Toast() {
  const { editing } = useApp();
  const toast = useStore(editing.store, (s) => s.toast);
  if (!toast) return null;
  return (
    // Blueprint's toast in its container along the chart's bottom edge, centred (the container's
    // modifiers named as Blueprint's OverlayToaster names them).
    <div className={`${Classes.TOAST_CONTAINER} ${Classes.TOAST_CONTAINER}-inline ${Classes.TOAST_CONTAINER}-bottom`}>
      <div className={`${TOAST.toast} edit-toast`} role="status" data-testid="edit-toast" key={toast.id}>
        <span className={TOAST.message}>{toast.text}</span>
      </div>
    </div>
  );
}

/** The commands a right-click offers, by what was clicked; each runs from the registry. */
const MENU_COMMANDS: Record<'entity' | 'link' | 'canvas', readonly string[]> = {
  entity: ['chart.expand', 'link.new', 'callout.new', 'entity.merge', 'chart.removeFromChart', 'selection.delete', 'selection.clear'],
  link: ['selection.delete', 'selection.clear'],
  canvas: ['entity.new', 'callout.new', 'edit.undo', 'edit.redo', 'chart.fit', 'commands.palette'],
};

type MenuTarget = ContextMenuState['target'];

/**
 * Commands that act on what was right-clicked (the point of the canvas, the entity) rather than on
 * the selection or the view: the label they take in the menu there, and what they do.
 */
const TARGETED_MENU_ACTIONS: Record<string, { label?: (target: MenuTarget) => string; run: (target: MenuTarget, services: AppServices) => void }> = {
  // "New entity" from the canvas menu goes where the right-click was.
  'entity.new': {
    run: (target, { editing, commands }) => (target.kind === 'canvas' ? editing.openCreateEntity(target.at) : void runCommand('entity.new', commands)),
  },
  'callout.new': { label: CALLOUT_MENU_ACTION.label, run: (target, { commands }) => CALLOUT_MENU_ACTION.run(target, commands) },
};

function ContextMenu() {
  const services = useApp();
  const { editing, commands } = services;
  const menu = useStore(editing.store, (s) => s.contextMenu);
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector('button')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event.target instanceof Node && ref.current?.contains(event.target) && event.type !== 'keydown') return;
      editing.store.setState({ contextMenu: null });
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close, true);
    };
  }, [menu, editing]);
  if (!menu) return null;
  const items = MENU_COMMANDS[menu.target.kind]
    .map((id) => COMMANDS.find((c) => c.id === id))
    .filter((c): c is Command => c !== undefined && c.canRun(commands));
  return (
    <ul className={`${MENU.list} ${Classes.OVERLAY_CONTENT} context-menu`} role="menu" ref={ref} data-testid="context-menu" onKeyDown={moveMenuFocus} style={{ left: menu.pageX, top: menu.pageY }}>
      {items.map((command) => (
        <li key={command.id} role="none">
          <button
            type="button"
            role="menuitem"
            className={MENU.item}
            onClick={() => {
              const target = menu.target;
              editing.store.setState({ contextMenu: null });
              const targeted = TARGETED_MENU_ACTIONS[command.id];
              if (targeted) targeted.run(target, services);
              else void runCommand(command.id, commands);
            }}
          >
            <span className={MENU.label}>{TARGETED_MENU_ACTIONS[command.id]?.label?.(menu.target) ?? command.label}</span>
            {command.shortcut && <kbd className={MENU.shortcut}>{formatShortcut(command.shortcut)}</kbd>}
          </button>
        </li>
      ))}
    </ul>
  );
}
