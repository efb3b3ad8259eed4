import { Classes } from '@blueprintjs/core';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>: focus stays inside, Escape closes it, keys typed in it are not chart shortcuts.
 * Drawn as Blueprint's dialog (its header, body and theme) on the browser's own modal <dialog>,
 * which makes the rest of the window inert and returns focus by itself (see app-dialog in styles.css).
 */
export function Modal({
  title,
  testId,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`${Classes.DIALOG} app-dialog edit-dialog${wide ? ' wide' : ''}`}
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className={Classes.DIALOG_HEADER}>
        <h2 className={Classes.HEADING}>{title}</h2>
      </div>
      <div className={Classes.DIALOG_BODY}>{children}</div>
    </dialog>
  );
}

/** A field's message: the inline check's or the server's, next to the field. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}
