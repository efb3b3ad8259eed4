/** The parts of a keyboard event a shortcut is matched against (a KeyboardEvent fits). */
export interface KeyStroke {
  key: string;
  /** The physical key ("KeyM", "Digit0", "Period"): what was pressed whatever the layout made of it. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where the app runs, for the primary modifier: Command on a Mac, Control elsewhere. */
export type Platform = 'mac' | 'other';

export interface ParsedShortcut {
  /** "Ctrl" means the platform's command key: Control, or Command on a Mac. */
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-case key value: "n", "0", "+", "escape". */
  key: string;
}

interface NavigatorWithUaData {
  platform?: string;
  userAgentData?: { platform?: string };
}

/** The platform of this window (Electron's renderer says "macOS" / "MacIntel"); "other" where it cannot tell. */
export function currentPlatform(): Platform {
  const nav = (globalThis as { navigator?: NavigatorWithUaData }).navigator;
  const name = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac/i.test(name) ? 'mac' : 'other';
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

/** Physical punctuation keys, for layouts and modifiers that turn them into other characters. */
const PUNCTUATION_CODES: Readonly<Record<string, string>> = {
  Period: '.',
  Comma: ',',
  Minus: '-',
  Equal: '=',
  Slash: '/',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Backquote: '`',
};

/** The character a physical key stands for on a US layout ("KeyM" → "m"), if it is a letter, digit or punctuation. */
function characterOfCode(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1] !== undefined) return letter[1].toLowerCase();
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit?.[1] !== undefined) return digit[1];
  return PUNCTUATION_CODES[code];
}

/**
 * The key a stroke names. The typed character wins while it is plain ASCII, so that an AZERTY
 * analyst's Ctrl+A is the key marked A. Where the character is not ASCII, the layout or a modifier
 * made it (Option+M is "µ" on a Mac; Ctrl+N on an Arabic or Russian layout types "ى" or "т"), so the
 * physical key says which shortcut was meant.
 */
function strokeKey(stroke: KeyStroke): string {
  const typed = stroke.key.toLowerCase();
  if (typed.length > 1 || /^[\x20-\x7e]$/.test(typed)) return typed;
  return characterOfCode(stroke.code) ?? typed;
}

/**
 * True when the keystroke is that shortcut on that platform. "Ctrl" is Command on a Mac and
 * Control elsewhere; the other one held as well makes it a different chord.
 */
export function matchesShortcut(shortcut: ParsedShortcut | string, stroke: KeyStroke, platform: Platform = currentPlatform()): boolean {
  const s = typeof shortcut === 'string' ? parseShortcut(shortcut) : shortcut;
  if (strokeKey(stroke) !== s.key) return false;
  const primary = platform === 'mac' ? stroke.metaKey : stroke.ctrlKey;
  const secondary = platform === 'mac' ? stroke.ctrlKey : stroke.metaKey;
  if (s.ctrl !== primary || secondary) return false;
  if (s.alt !== stroke.altKey) return false;
  if (s.shift !== stroke.shiftKey && !(isSymbolKey(s.key) && !s.shift)) return false;
  return true;
}

const MAC_KEY_NAMES: Readonly<Record<string, string>> = { escape: '⎋', delete: '⌦', backspace: '⌫', enter: '↩' };

/** How a shortcut reads in a menu, a tooltip or the shortcut list: "Ctrl+Shift+N", or "⇧⌘N" on a Mac. */
export function formatShortcut(spec: string, platform: Platform = currentPlatform()): string {
  const s = parseShortcut(spec);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key.charAt(0).toUpperCase() + s.key.slice(1);
  // Apple's order: Control, Option, Shift, Command.
  if (platform === 'mac') return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.ctrl ? '⌘' : ''}${MAC_KEY_NAMES[s.key] ?? key}`;
  return [s.ctrl ? 'Ctrl' : null, s.alt ? 'Alt' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}
