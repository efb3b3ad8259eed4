import { Classes } from '@blueprintjs/core';
import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A checkbox or radio drawn as Blueprint's control, the input a real input inside its label (so
 * the label's title, the input's name and value, and the keys stay the browser's). Greyed when
 * disabled. Used where Blueprint's `Checkbox` component would not keep the markup the app needs.
 */
export function Check({
  title,
  inline = true,
  children,
  type = 'checkbox',
  ...input
}: { title?: string; inline?: boolean; children: ReactNode; type?: 'checkbox' | 'radio' } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'title' | 'children'>) {
  const classes = [Classes.CONTROL, type === 'radio' ? Classes.RADIO : Classes.CHECKBOX, inline ? Classes.INLINE : '', input.disabled ? Classes.DISABLED : ''];
  return (
    <label className={classes.filter(Boolean).join(' ')} title={title}>
      {/* The type written out, so the text-direction check sees these are not text fields. */}
      {type === 'radio' ? <input type="radio" className={Classes.CONTROL_INPUT} {...input} /> : <input type="checkbox" className={Classes.CONTROL_INPUT} {...input} />}
      <span className={Classes.CONTROL_INDICATOR} />
      {children}
    </label>
  );
}
