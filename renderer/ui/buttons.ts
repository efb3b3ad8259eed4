import { Classes } from '@blueprintjs/core';

/**
 * Blueprint's button classes for the app's plain <button> elements (the UI kit's look, focus ring
 * and dark theme without wrapping every button in a component). `Classes` keeps them right when
 * Blueprint's class prefix changes with a major version.
 */
export const BUTTON = {
  plain: Classes.BUTTON,
  small: `${Classes.BUTTON} ${Classes.SMALL}`,
  primary: `${Classes.BUTTON} ${Classes.INTENT_PRIMARY}`,
  primarySmall: `${Classes.BUTTON} ${Classes.INTENT_PRIMARY} ${Classes.SMALL}`,
  danger: `${Classes.BUTTON} ${Classes.INTENT_DANGER}`,
  dangerSmall: `${Classes.BUTTON} ${Classes.SMALL} ${Classes.INTENT_DANGER}`,
  /** A quiet button in a dense list or table header: no fill until hovered. */
  minimalSmall: `${Classes.BUTTON} ${Classes.MINIMAL} ${Classes.SMALL}`,
  /** A row of a list that selects something: minimal and small, its text from the left. */
  row: `${Classes.BUTTON} ${Classes.MINIMAL} ${Classes.SMALL} ${Classes.ALIGN_LEFT}`,
  /** The current choice of a group (the layout in use). */
  active: Classes.ACTIVE,
} as const;
