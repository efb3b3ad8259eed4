import { Classes } from '@blueprintjs/core';
import { BUTTON } from '../ui/buttons';

/**
 * Blueprint's look for the Analysis panel's plain elements (checks, radios, headings, text links),
 * kept as plain elements so their labels, titles and keys stay as they were.
 */
export const UI = {
  /** A button that reads as a link in a list (a community, a saved view): minimal, small, in the primary colour. */
  link: `${BUTTON.minimalSmall} ${Classes.INTENT_PRIMARY}`,
  /** The text of a button that takes the room it has and ends in an ellipsis. */
  fillText: `${Classes.FILL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`,
  /** A small uppercase heading over a part of a section (also a <details>' summary). */
  subhead: `analysis-subhead ${Classes.TEXT_MUTED}`,
  note: Classes.TEXT_SMALL,
  muted: `${Classes.TEXT_SMALL} ${Classes.TEXT_MUTED}`,
  /** A field's name beside its control. */
  fieldName: Classes.TEXT_MUTED,
  number: `${Classes.INPUT} ${Classes.SMALL}`,
} as const;
