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
  /** The current choice of a group (the layout in use). */
  active: Classes.ACTIVE,
} as const;
