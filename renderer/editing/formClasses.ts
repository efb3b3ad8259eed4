import { Classes } from '@blueprintjs/core';

/**
 * Blueprint's form classes for the editing forms' native fields: a label over its field, the field
 * the width of its column, red when its value is refused. Blueprint draws them in light and dark.
 */
export const FORM = {
  /** A field with its label (and its message) stacked. */
  group: Classes.FORM_GROUP,
  /** A <label> holding its text and its field. */
  label: Classes.LABEL,
  /** A hint under a field. */
  hint: Classes.FORM_HELPER_TEXT,
  /** A row of fields and buttons side by side. */
  row: Classes.CONTROL_GROUP,
} as const;

/** An <input> or <textarea> as Blueprint's text field; `fill` (the default) takes the column's width. */
export function inputClass(invalid = false, fill = true): string {
  return [Classes.INPUT, fill ? Classes.FILL : '', invalid ? Classes.INTENT_DANGER : ''].filter(Boolean).join(' ');
}
