import type { KeyboardEvent } from 'react';

const ITEMS = ':is([role="menuitem"], [role="menuitemradio"]):not([aria-disabled="true"]):not(:disabled)';

/**
 * Type-ahead in a menu, as native menus do: a letter or digit moves to the next item (after
 * `current`, wrapping) whose label starts with it; pressing the same letter again walks through
 * the items that share it. `null` when the key is not a character or no label starts with it.
 */
export function typeAheadIndex(labels: readonly string[], current: number, key: string): number | null {
  if ([...key].length !== 1 || key.trim() === '') return null;
  const wanted = fold(key);
  for (let step = 1; step <= labels.length; step += 1) {
    const index = (current + step + labels.length) % labels.length;
    if (fold(labels[index] ?? '').startsWith(wanted)) return index;
  }
  return null;
}

/** Case and accents set aside ("É" is found with "e"). */
function fold(text: string): string {
  return text.trim().normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Whether a key press is a plain character (no Ctrl, Alt or Meta): what type-ahead listens to. */
export function isTypeAheadKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey && [...event.key].length === 1 && event.key.trim() !== '';
}

/**
 * Arrow keys, Home and End between the items of a menu (Blueprint's Menu leaves the keys to the
 * app): the focus moves to the next, previous, first or last enabled item (`menuitem` or
 * `menuitemradio`), wrapping; a letter moves to the next item that starts with it.
 * Returns whether the key was used.
 */
export function moveMenuFocus(event: KeyboardEvent<HTMLElement>): boolean {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEMS)];
  if (items.length === 0) return false;
  const index = items.indexOf(document.activeElement as HTMLElement);
  let next: number | null | undefined = ({ ArrowDown: index + 1, ArrowUp: index < 0 ? -1 : index - 1, Home: 0, End: items.length - 1 } as Record<string, number>)[event.key];
  if (next === undefined && isTypeAheadKey(event)) next = typeAheadIndex(items.map((item) => item.textContent ?? ''), index, event.key);
  if (next === undefined || next === null) return false;
  event.preventDefault();
  items[(next + items.length) % items.length]?.focus();
  return true;
}
