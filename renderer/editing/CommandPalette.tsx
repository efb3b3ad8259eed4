import { Classes, InputGroup, Menu, Overlay2 } from '@blueprintjs/core';
import { Classes as SelectClasses, QueryList, type ItemRenderer } from '@blueprintjs/select';
import { useRef, useState, type RefObject } from 'react';
import { useApp } from '../appContext';
import { COMMANDS, runCommand, type Command } from '../commands';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { commandMatches } from './commandMatch';

/**
 * Ctrl+K: every command of the registry, filtered by the words typed, with its shortcut in the
 * platform's form; a command that cannot run now is listed greyed and skipped by the arrow keys.
 * Blueprint's QueryList does the filtering, the active row and the keys (arrows, Enter); the
 * overlay is Blueprint's omnibar (Escape or a click outside closes it, focus returns).
 * The field is a combobox over a listbox of options, its active row named by aria-activedescendant.
 */
export function CommandPalette() {
  const { editing, commands } = useApp();
  const open = useStore(editing.store, (s) => s.commandPaletteOpen);
  const [query, setQuery] = useState('');
  // Blueprint types childRef as never null (React 19's useRef gives `| null`); it reads it once mounted.
  const ref = useRef<HTMLDivElement>(null) as RefObject<HTMLDivElement>;
  const close = () => {
    editing.store.setState({ commandPaletteOpen: false });
    setQuery('');
  };
  // The command runs once the overlay has closed and given the focus back to where it was, so a
  // command that moves the focus (a dialog, the task list) keeps it there.
  const pending = useRef<Command | null>(null);
  const run = (command: Command) => {
    if (!command.canRun(commands)) return;
    pending.current = command;
    close();
  };
  const runPending = () => {
    const command = pending.current;
    pending.current = null;
    if (command) void runCommand(command.id, commands);
  };
  const renderItem: ItemRenderer<Command> = (command, { handleClick, id, modifiers }) => {
    return (
      <li
        key={command.id}
        id={id}
        role="option"
        aria-selected={modifiers.active}
        aria-disabled={modifiers.disabled}
        className={[Classes.MENU_ITEM, modifiers.active ? Classes.ACTIVE : '', modifiers.disabled ? Classes.DISABLED : ''].join(' ')}
        // The focus stays in the field.
        onMouseDown={(event) => event.preventDefault()}
        onClick={handleClick}
      >
        <span className={`${Classes.FILL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`}>{command.label}</span>
        {command.shortcut && <kbd className={Classes.MENU_ITEM_LABEL}>{formatShortcut(command.shortcut)}</kbd>}
      </li>
    );
  };
  return (
    <Overlay2
      isOpen={open}
      onClose={close}
      className={SelectClasses.OMNIBAR_OVERLAY}
      childRef={ref}
      transitionDuration={0}
      onClosed={runPending}
    >
      <div ref={ref} className={SelectClasses.OMNIBAR} role="dialog" aria-label="Command palette" data-testid="command-palette">
        <QueryList<Command>
          items={COMMANDS as Command[]}
          query={query}
          onQueryChange={setQuery}
          itemPredicate={(text, command) => commandMatches(text, command)}
          itemRenderer={renderItem}
          itemDisabled={(command) => !command.canRun(commands)}
          onItemSelect={run}
          itemListRenderer={({ filteredItems, itemsParentRef, menuProps, renderItem: render }) => (
            <Menu {...menuProps} role="listbox" aria-label="Commands" ulRef={itemsParentRef}>
              {filteredItems.length > 0 ? (
                filteredItems.map(render)
              ) : (
                <li className={`${Classes.MENU_ITEM} ${Classes.DISABLED}`} role="option" aria-disabled aria-selected={false}>
                  No command matches.
                </li>
              )}
            </Menu>
          )}
          renderer={(list) => (
            <div onKeyDown={list.handleKeyDown} onKeyUp={list.handleKeyUp}>
              <InputGroup
                autoFocus
                dir="auto"
                size="large"
                role="combobox"
                aria-label="Command"
                aria-expanded="true"
                aria-autocomplete="list"
                aria-controls={list.listId}
                aria-activedescendant={list.activeItemId ?? undefined}
                placeholder="Type a command…"
                value={list.query}
                onChange={list.handleQueryChange}
              />
              {list.itemList}
            </div>
          )}
        />
      </div>
    </Overlay2>
  );
}
