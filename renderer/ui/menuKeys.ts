import type { KeyboardEvent } from 'react';

const ITEMS = ':is([role="menuitem"], [role="menuitemradio"]):not([aria-disabled="true"])';

/**
 * Arrow keys, Home and End between the items of a menu (Blueprint's Menu leaves the keys to the
 * app): the focus moves to the next, previous, first or last enabled item (`menuitem` or `menuitemradio`), wrapping.
 * Returns whether the key was used.
 */
export function moveMenuFocus(event: KeyboardEvent<HTMLElement>): boolean {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEMS)];
  if (items.length === 0) return false;
  const index = items.indexOf(document.activeElement as HTMLElement);
  const to: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index < 0 ? -1 : index - 1, Home: 0, End: items.length - 1 };
  const next = to[event.key];
  if (next === undefined) return false;
  event.preventDefault();
  items[(next + items.length) % items.length]?.focus();
  return true;
}
