import type { KeyStroke } from '../shortcuts';

/** A keystroke as the keyboard binding sees it: `key('z', { ctrlKey: true })` is Ctrl+Z. */
export const key = (k: string, mods: Partial<Omit<KeyStroke, 'key'>> = {}): KeyStroke => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
