/** The parts of a keyboard event a shortcut is matched against (a KeyboardEvent fits). */
export interface KeyStroke {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface ParsedShortcut {
  /** "Ctrl" means the platform's command key: Control, or Command on a Mac. */
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-case key value: "n", "0", "+", "escape". */
  key: string;
}

/** Parses "Ctrl+Shift+K", "Ctrl+0", "+", "Ctrl++", "Escape". Throws on an unknown modifier. */
export function parseShortcut(spec: string): ParsedShortcut {
  const parts = spec.split('+');
  let key: string;
  let modifiers: string[];
  if (spec.endsWith('+')) {
    // The key itself is "+": "+" splits to ["", ""], "Ctrl++" to ["Ctrl", "", ""].
    key = '+';
    modifiers = parts.slice(0, -2);
  } else {
    key = parts[parts.length - 1] ?? '';
    modifiers = parts.slice(0, -1);
  }
  if (key === '') throw new Error(`Shortcut without a key: "${spec}"`);
  const parsed: ParsedShortcut = { ctrl: false, shift: false, alt: false, key: key.toLowerCase() };
  for (const modifier of modifiers) {
    const name = modifier.toLowerCase();
    if (name === 'ctrl' || name === 'cmd' || name === 'mod') parsed.ctrl = true;
    else if (name === 'shift') parsed.shift = true;
    else if (name === 'alt') parsed.alt = true;
    else throw new Error(`Unknown modifier "${modifier}" in shortcut "${spec}"`);
  }
  return parsed;
}

/** A key typed with Shift on some layouts ("+", "?", digits on AZERTY): Shift is not part of it. */
function isSymbolKey(key: string): boolean {
  return key.length === 1 && !/[a-z]/.test(key);
}

/** True when the keystroke is that shortcut. Ctrl and Command are the same modifier. */
export function matchesShortcut(shortcut: ParsedShortcut | string, stroke: KeyStroke): boolean {
  const s = typeof shortcut === 'string' ? parseShortcut(shortcut) : shortcut;
  if (stroke.key.toLowerCase() !== s.key) return false;
  if (s.ctrl !== (stroke.ctrlKey || stroke.metaKey)) return false;
  if (s.alt !== stroke.altKey) return false;
  if (s.shift !== stroke.shiftKey && !(isSymbolKey(s.key) && !s.shift)) return false;
  return true;
}

/** How a shortcut reads in a menu: "Ctrl+N" (or "⌘N" on a Mac). */
export function formatShortcut(spec: string, mac = false): string {
  const s = parseShortcut(spec);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key.charAt(0).toUpperCase() + s.key.slice(1);
  if (mac) return `${s.ctrl ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.ctrl ? 'Ctrl' : null, s.alt ? 'Alt' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}
