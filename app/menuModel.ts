/**
 * The native menu bar as the renderer's command registry describes it. The renderer sends this
 * model to main (`menu.update`) whenever a label or an item's enablement changes; main turns it
 * into the platform's menu and adds only what the OS owns (Quit, Cut/Copy/Paste, Full Screen,
 * the recent-cases list). A command is added to every surface by its one registry entry.
 */

export const MENU_BARS = ['file', 'edit', 'view', 'chart', 'analysis', 'help'] as const;
export type MenuBarName = (typeof MENU_BARS)[number];

export const MENU_BAR_LABELS: Readonly<Record<MenuBarName, string>> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  chart: 'Chart',
  analysis: 'Analysis',
  help: 'Help',
};

/** Where a command stands in the menu bar: its menu, and its section there (sections are separated). */
export interface MenuPlace {
  bar: MenuBarName;
  section: number;
  /** A submenu of that menu the command goes in (e.g. "Export"). */
  submenu?: string;
}

/** One command as the menu shows it. */
export interface MenuModelItem {
  commandId: string;
  label: string;
  /** The registry's shortcut ("Ctrl+Shift+E"); main shows it as the platform writes it. */
  shortcut?: string;
  enabled: boolean;
  /** For toggles (a panel shown, the theme chosen). */
  checked?: boolean;
  place: MenuPlace;
}

export interface MenuModel {
  items: MenuModelItem[];
}

/**
 * An Electron accelerator for a registry shortcut: "Ctrl" is CmdOrCtrl (Command on a Mac), "+" is
 * "Plus". Main shows it in the menu without registering it: the renderer's one key handler runs
 * every shortcut (so a plain-letter shortcut never eats a letter typed in a field).
 */
export function electronAccelerator(shortcut: string): string {
  const parts = shortcut.endsWith('+') ? [...shortcut.slice(0, -1).split('+').filter((p) => p !== ''), 'Plus'] : shortcut.split('+');
  return parts.map((part) => (part.toLowerCase() === 'ctrl' ? 'CmdOrCtrl' : part.length === 1 ? part.toUpperCase() : part)).join('+');
}

/** The items of one menu, in sections (registry order within a section), each section's submenus grouped. */
export function menuSections(model: MenuModel, bar: MenuBarName): MenuModelItem[][] {
  const sections = new Map<number, MenuModelItem[]>();
  for (const item of model.items) {
    if (item.place.bar !== bar) continue;
    const list = sections.get(item.place.section);
    if (list) list.push(item);
    else sections.set(item.place.section, [item]);
  }
  return [...sections.entries()].sort(([a], [b]) => a - b).map(([, items]) => items);
}
