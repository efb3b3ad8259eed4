import { useId, useState, type ReactNode } from 'react';
import type { Result, WorkbenchError } from '../../app/result';
import { FieldError } from './Modal';
import { FORM, inputClass } from './formClasses';

/** The message main gave for a field, else its whole message. */
export function serverMessage(error: WorkbenchError, field: string): string {
  return error.issues?.find((i) => i.path[0] === field)?.message ?? error.issues?.[0]?.message ?? error.message;
}

/**
 * One text field of the inspector that saves itself: on Enter (Ctrl+Enter in a text area) or when
 * it loses focus. The inline check runs as the analyst types; main's message replaces it when the
 * save is refused. Escape puts the saved value back.
 */
export function EditableText({
  label,
  field,
  value,
  validate,
  commit,
  multiline = false,
  placeholder,
  hint,
}: {
  label: string;
  field: string;
  value: string;
  validate?: (draft: string) => string | null;
  commit: (draft: string) => Promise<Result<unknown>>;
  multiline?: boolean;
  placeholder?: string;
  hint?: (draft: string) => ReactNode;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  const [serverError, setServerError] = useState<string | null>(null);
  if (value !== base) {
    // Saved (here or elsewhere, e.g. by undo): show what the case holds now.
    setBase(value);
    setDraft(value);
    setServerError(null);
  }
  const inline = validate?.(draft) ?? null;
  const message = inline ?? serverError;

  const save = async () => {
    if (draft === value || inline !== null) return;
    const result = await commit(draft);
    if (!result.ok) setServerError(serverMessage(result.error, field));
  };
  /** Escape puts the saved value back; a second Escape (nothing to put back) leaves the field. */
  const revert = (event: { preventDefault: () => void }) => {
    if (draft === value) return;
    event.preventDefault();
    setDraft(value);
    setServerError(null);
  };
  const common = {
    id,
    className: inputClass(message !== null),
    value: draft,
    placeholder,
    'aria-invalid': message !== null,
    'aria-describedby': `${id}-error`,
    onBlur: () => void save(),
  };
  return (
    <div className={FORM.group}>
      <label htmlFor={id} className={FORM.label}>
        {label}
      </label>
      {multiline ? (
        <textarea dir="auto"
          {...common}
          rows={3}
          onChange={(e) => {
            setDraft(e.target.value);
            setServerError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            if (e.key === 'Escape') revert(e);
          }}
        />
      ) : (
        <input dir="auto"
          {...common}
          onChange={(e) => {
            setDraft(e.target.value);
            setServerError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') revert(e);
          }}
        />
      )}
      {hint && message === null && <span className={FORM.hint}>{hint(draft)}</span>}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
