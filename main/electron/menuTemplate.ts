import type { MenuItemConstructorOptions } from 'electron';
import type { RecentCase } from '../../app/contract';
import { electronAccelerator, MENU_BAR_LABELS, MENU_BARS, menuSections, type MenuBarName, type MenuModel, type MenuModelItem } from '../../app/menuModel';

/** What the menu needs from the rest of main. */
export interface MenuActions {
  runCommand: (commandId: string) => void;
  openRecent: (entry: RecentCase) => void;
  clearRecent: () => void;
}

export interface MenuFacts {
  isMac: boolean;
  isPackaged: boolean;
  /** The model the renderer last sent; null before its window has loaded. */
  model: MenuModel | null;
  recent: readonly RecentCase[];
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** `&` marks a mnemonic on Windows and Linux: a literal one is doubled. */
const literal = (label: string) => label.replaceAll('&', '&&');

/**
 * How a shortcut goes on a menu item. The renderer's key handler runs every shortcut, so on
 * Windows and Linux the accelerator is shown and not registered (a one-letter shortcut must not
 * take that letter from a text field). macOS always registers a menu's key equivalents, and sends
 * them the keys the page left unhandled: there a chord is given, a plain key is not.
 */
function acceleratorOf(shortcut: string | undefined, isMac: boolean): MenuItemConstructorOptions {
  if (shortcut === undefined) return {};
  const accelerator = electronAccelerator(shortcut);
  if (!isMac) return { accelerator, registerAccelerator: false };
  return /^(CmdOrCtrl|Alt)\+/.test(accelerator) ? { accelerator } : {};
}

function commandItem(item: MenuModelItem, actions: MenuActions, isMac: boolean): MenuItemConstructorOptions {
  return {
    id: item.commandId,
    label: literal(item.label),
    enabled: item.enabled,
    ...(item.checked !== undefined ? { type: 'checkbox', checked: item.checked } : {}),
    ...acceleratorOf(item.shortcut, isMac),
    click: () => actions.runCommand(item.commandId),
  };
}

/** A menu's registry items, sections separated, each submenu gathered where its first item stands. */
function registryItems(model: MenuModel | null, bar: MenuBarName, actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[][] {
  if (!model) return [];
  return menuSections(model, bar).map((section) => {
    const out: MenuItemConstructorOptions[] = [];
    const submenus = new Map<string, MenuItemConstructorOptions[]>();
    for (const item of section) {
      const name = item.place.submenu;
      if (name === undefined) {
        out.push(commandItem(item, actions, isMac));
        continue;
      }
      let submenu = submenus.get(name);
      if (!submenu) {
        submenu = [];
        submenus.set(name, submenu);
        out.push({ label: literal(name), submenu });
      }
      submenu.push(commandItem(item, actions, isMac));
    }
    // A submenu whose items are all disabled is disabled itself.
    for (const entry of out) {
      if (Array.isArray(entry.submenu)) entry.enabled = entry.submenu.some((sub) => sub.enabled !== false);
    }
    return out;
  });
}

function joinSections(sections: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return sections.filter((s) => s.length > 0).flatMap((section, i) => (i === 0 ? section : [separator, ...section]));
}

function recentSubmenu(recent: readonly RecentCase[], actions: MenuActions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Cases', enabled: false }];
  return [
    ...recent.map(
      (entry): MenuItemConstructorOptions => ({
        label: literal(`${entry.name} — ${entry.path}`),
        enabled: entry.exists,
        click: () => actions.openRecent(entry),
      }),
    ),
    separator,
    { label: 'Clear', click: actions.clearRecent },
  ];
}

/**
 * The menu bar: File, Edit, View, Chart, Analysis and Help from the renderer's command registry,
 * with the items only the OS provides (the application menu on a Mac, Quit, Cut/Copy/Paste,
 * Full Screen, developer tools in development) and the recent-cases list main keeps.
 */
export function menuTemplate(facts: MenuFacts, actions: MenuActions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, model, recent } = facts;
  const items = (bar: MenuBarName) => registryItems(model, bar, actions, isMac);
  const [fileFirst = [], ...fileRest] = items('file');
  const [editFirst = [], ...editRest] = items('edit');
  const byBar: Record<MenuBarName, MenuItemConstructorOptions[]> = {
    file: joinSections([
      [...fileFirst, { label: 'Open Recent', submenu: recentSubmenu(recent, actions) }],
      ...fileRest,
      isMac ? [] : [{ role: 'quit' }],
    ]),
    edit: joinSections([
      editFirst,
      [
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? ([{ role: 'pasteAndMatchStyle' }] satisfies MenuItemConstructorOptions[]) : []),
        { role: 'delete' },
        { role: 'selectAll' },
      ],
      ...editRest,
    ]),
    view: joinSections([...items('view'), [{ role: 'togglefullscreen' }], isPackaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }]]),
    chart: joinSections(items('chart')),
    analysis: joinSections(items('analysis')),
    help: joinSections(items('help')),
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    ...MENU_BARS.filter((bar) => byBar[bar].length > 0).map(
      (bar): MenuItemConstructorOptions => ({
        label: `&${MENU_BAR_LABELS[bar]}`,
        ...(bar === 'help' ? { role: 'help' as const } : {}),
        submenu: byBar[bar],
      }),
    ),
  ];
}
