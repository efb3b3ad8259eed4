import { Classes } from '@blueprintjs/core';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A window-level modal <dialog> that stays mounted and opens with `open` (the File menu's import,
 * export and image export): focus returns to where it was when it closes, Escape closes it unless
 * `busy` says the work in it must finish first, and keys typed in it are not chart shortcuts.
 */
export function DialogShell({
  open,
  title,
  titleId,
  className,
  testId,
  onClose,
  busy,
  children,
}: {
  open: boolean;
  title: string;
  titleId: string;
  className: string;
  testId: string;
  onClose: () => void;
  /** Asked when Escape is pressed: true keeps the dialog open (an import committing, an export running). */
  busy?: (dialog: HTMLDialogElement) => boolean;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
    }
    if (!open && element.open) element.close();
    if (!open && returnFocus.current instanceof HTMLElement) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className={`${Classes.DIALOG} app-dialog ${className}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      onCancel={(event) => {
        if (busy && dialog.current && busy(dialog.current)) event.preventDefault();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className={Classes.DIALOG_HEADER}>
        <h2 id={titleId} className={Classes.HEADING}>
          {title}
        </h2>
      </div>
      <div className={Classes.DIALOG_BODY}>{children}</div>
    </dialog>
  );
}
