import { Classes } from '@blueprintjs/core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../appContext';
import { findCommand, runCommand } from '../commands';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { RecentList } from './RecentList';
import { isTypeAheadKey, typeAheadIndex } from '../ui/menuKeys';
import { MENU } from '../ui/menus';

/** The in-app File menu: a menu button with arrow-key navigation; Escape closes it. */
export function FileMenu() {
  const { store, session, commands } = useApp();
  const open = useStore(store, (s) => s.fileMenuOpen);
  const recent = useStore(store, (s) => s.recent);
  // Re-render when anything a command's canRun reads changes.
  useStore(store, (s) => s.caseStatus);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const setOpen = (value: boolean) => store.setState({ fileMenuOpen: value });

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (menu.current?.contains(target) || button.current?.contains(target)) return;
      store.setState({ fileMenuOpen: false });
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, store]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'ArrowDown':
        event.preventDefault();
        move(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        move(0);
        break;
      case 'End':
        event.preventDefault();
        move(list.length - 1);
        break;
      case 'Tab':
        close(false);
        break;
      default: {
        // A letter moves to the next command that starts with it, as in a native menu.
        if (!isTypeAheadKey(event)) break;
        const to = typeAheadIndex(list.map((item) => item.querySelector('span')?.textContent ?? item.textContent ?? ''), index, event.key);
        if (to !== null) {
          event.preventDefault();
          move(to);
        }
      }
    }
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' && !open) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  };

  const commandItem = (id: string) => {
    const command = findCommand(id);
    if (!command) return null;
    return (
      <button
        type="button"
        role="menuitem"
        className={`${MENU.item} menu-item`}
        disabled={!command.canRun(commands)}
        onClick={() => {
          close(true);
          void runCommand(id, commands);
        }}
      >
        <span className={MENU.label}>{command.label}</span>
        {command.shortcut !== undefined && <kbd className={MENU.shortcut}>{formatShortcut(command.shortcut)}</kbd>}
      </button>
    );
  };

  return (
    <div>
      <button
        ref={button}
        type="button"
        className={`${Classes.BUTTON} ${Classes.MINIMAL}${open ? ` ${Classes.ACTIVE}` : ''}`}
        data-testid="file-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="file-menu"
        onClick={() => setOpen(!open)}
        onKeyDown={onButtonKeyDown}
      >
        File
      </button>
      {open && (
        <div ref={menu} id="file-menu" className={`${MENU.list} menu`} role="menu" aria-label="File" onKeyDown={onMenuKeyDown}>
          {commandItem('file.new')}
          {commandItem('file.open')}
          <div className={MENU.divider} role="separator" />
          <div className={`${MENU.header} ${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`} id="recent-menu-label">
            Recent cases
          </div>
          <div role="group" aria-labelledby="recent-menu-label">
            {recent.length === 0 ? (
              <div className={`${MENU.item} ${Classes.DISABLED}`}>No recent cases</div>
            ) : (
              <RecentList
                recent={recent}
                itemRole="menuitem"
                onOpen={(recentId) => {
                  close(true);
                  void session.openCase(recentId);
                }}
              />
            )}
          </div>
          <div className={MENU.divider} role="separator" />
          {commandItem('file.import')}
          {commandItem('file.export')}
          {commandItem('file.exportImage')}
          <div className={MENU.divider} role="separator" />
          {commandItem('file.close')}
        </div>
      )}
    </div>
  );
}
