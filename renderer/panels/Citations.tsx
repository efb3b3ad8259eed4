import { Classes, HTMLSelect, Tag } from '@blueprintjs/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CREDIBILITY_GRADES, CREDIBILITY_LABELS, RELIABILITY_LABELS, admiraltyGrade, formatPartialDate, type CitationWithSource, type Credibility } from '../../app/domain';
import { useApp } from '../appContext';
import { serverMessage } from '../editing/fields';
import { citationChanges, citationRemovalSummary } from '../editing/evidenceEditing';
import { FieldError, Modal } from '../editing/Modal';
import { BUTTON } from '../ui/buttons';
import { FORM, inputClass } from '../editing/formClasses';

/** "Fairly reliable · Probably true": what an Admiralty grade means. */
export function gradeMeaning(citation: Pick<CitationWithSource, 'credibility' | 'source'>): string {
  return `${RELIABILITY_LABELS[citation.source.reliability]} · ${CREDIBILITY_LABELS[citation.credibility]}`;
}

function sourceByline(source: CitationWithSource['source']): string {
  return [source.author, source.publisher, source.publishedDate ? formatPartialDate(source.publishedDate) : null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}

/**
 * One piece of evidence: the passage verbatim, where it comes from, and how far it can be trusted.
 * When the case can be edited, the analyst regrades it, comments on it or removes it from the item.
 */
export function CitationItem({
  citation,
  itemLabel,
  editable = false,
  onRemoved,
}: {
  citation: CitationWithSource;
  /** The entity or link it supports, named in the removal's confirmation. */
  itemLabel: string;
  editable?: boolean;
  onRemoved?: () => void;
}) {
  const grade = admiraltyGrade(citation.source.reliability, citation.credibility);
  const meaning = gradeMeaning(citation);
  const byline = sourceByline(citation.source);
  const { editing } = useApp();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const regradeButton = useRef<HTMLButtonElement>(null);
  const after = useRef<'focus' | 'removed' | null>(null);
  useEffect(() => {
    // Once the form or the confirmation has gone (a modal makes the rest inert until then), the
    // keyboard carries on from the button that opened it, or from the list when the item went.
    if (mode !== 'view') return;
    if (after.current === 'focus') regradeButton.current?.focus();
    if (after.current === 'removed') onRemoved?.();
    after.current = null;
  }, [mode, onRemoved]);
  const close = (then: 'focus' | 'removed' = 'focus') => {
    after.current = then;
    setMode('view');
  };
  return (
    <li className={`${Classes.CARD} ${Classes.COMPACT} citation`}>
      <div>
        <span className={`grade grade-${citation.source.reliability}`} title={`Admiralty grade ${grade}: ${meaning}`} data-testid="citation-grade">
          {grade}
        </span>
        <span className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}> {meaning}</span>
      </div>
      <blockquote className={`${Classes.BLOCKQUOTE} citation-quote`} dir="auto">{citation.quote}</blockquote>
      <div className={Classes.TEXT_SMALL}>
        <cite>{citation.source.title}</cite>
        {byline !== '' && <span className={Classes.TEXT_MUTED}> · {byline}</span>}
      </div>
      {mode !== 'edit' && citation.locator !== null && citation.locator !== '' && (
        <div className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL} citation-locator`}>
          <span className="field-label">Locator</span> {citation.locator}
        </div>
      )}
      {mode === 'edit' ? (
        <CitationForm citation={citation} onDone={() => close()} />
      ) : (
        <>
          {citation.comment !== null && citation.comment !== '' && (
            <p className={`${Classes.TEXT_SMALL} citation-comment`}>
              <span className="field-label">Comment</span> <em>{citation.comment}</em>
            </p>
          )}
          <div className="edit-actions">
            <button
              type="button"
              className={BUTTON.small}
              onClick={() => editing.store.setState({ sources: { sourceId: citation.sourceId, citation: { quote: citation.quote, locator: citation.locator } } })}
            >
              Show in source
            </button>
            {editable && (
              <>
                <button
                  type="button"
                  ref={regradeButton}
                  className={BUTTON.small}
                  onClick={() => setMode('edit')}
                  aria-label={`Regrade the citation ${grade}, or change its comment or locator`}
                >
                  Regrade
                </button>
                <button type="button" className={BUTTON.dangerSmall} onClick={() => setMode('remove')} aria-label={`Remove the citation ${grade}`}>
                  Remove
                </button>
              </>
            )}
          </div>
        </>
      )}
      {mode === 'remove' && <RemoveCitationDialog citation={citation} itemLabel={itemLabel} onCancel={() => close()} onRemoved={() => close('removed')} />}
    </li>
  );
}

/**
 * Regrade a citation (credibility 1-6, with what each grade means), change its comment and its
 * locator (where the quote stands, e.g. the page of a printed original): one undo step.
 */
function CitationForm({ citation, onDone }: { citation: CitationWithSource; onDone: () => void }) {
  const { api, editing } = useApp();
  const id = useId();
  const [credibility, setCredibility] = useState<Credibility>(citation.credibility);
  const [comment, setComment] = useState(citation.comment ?? '');
  const [locator, setLocator] = useState(citation.locator ?? '');
  const [serverError, setServerError] = useState<{ message: string; field: 'comment' | 'locator' } | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = citationChanges(citation, { credibility, comment, locator });
  const problem = checked.ok ? serverError : checked;
  const message = problem?.message ?? null;

  const save = async () => {
    if (!checked.ok || busy) return;
    if (Object.keys(checked.changes).length === 0) {
      onDone();
      return;
    }
    setBusy(true);
    const result = await editing.call(api['citation.update']({ id: citation.id, changes: checked.changes }));
    setBusy(false);
    if (result.ok) onDone();
    else {
      const field = result.error.issues?.some((i) => i.path.includes('locator')) ? 'locator' : 'comment';
      setServerError({ message: serverMessage(result.error, field), field });
    }
  };
  return (
    <form
      aria-label="Regrade the citation"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Escape leaves the form, not the window around it.
          e.stopPropagation();
          onDone();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
      }}
      noValidate
    >
      <div className={FORM.group}>
        <label htmlFor={`${id}-credibility`} className={FORM.label}>
          Credibility
        </label>
        <HTMLSelect
          fill
          id={`${id}-credibility`}
          value={credibility}
          autoFocus
          onChange={(e) => {
            setCredibility(Number(e.target.value) as Credibility);
            setServerError(null);
          }}
        >
          {CREDIBILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g}: {CREDIBILITY_LABELS[g]}
            </option>
          ))}
        </HTMLSelect>
        <span className={FORM.hint}>
          Grade {admiraltyGrade(citation.source.reliability, credibility)}: {gradeMeaning({ credibility, source: citation.source })}
        </span>
      </div>
      <div className={FORM.group}>
        <label htmlFor={`${id}-comment`} className={FORM.label}>
          Comment
        </label>
        <textarea dir="auto"
          id={`${id}-comment`}
          className={inputClass(problem?.field === 'comment')}
          rows={2}
          value={comment}
          placeholder="Why this grade, what corroborates it"
          aria-invalid={problem?.field === 'comment'}
          aria-describedby={`${id}-error`}
          onChange={(e) => {
            setComment(e.target.value);
            setServerError(null);
          }}
        />
      </div>
      <div className={FORM.group}>
        <label htmlFor={`${id}-locator`} className={FORM.label}>
          Locator
        </label>
        <input dir="auto"
          id={`${id}-locator`}
          className={inputClass(problem?.field === 'locator')}
          value={locator}
          placeholder="Where the quote stands: p. 12, para. 3"
          aria-invalid={problem?.field === 'locator'}
          aria-describedby={`${id}-error`}
          onChange={(e) => {
            setLocator(e.target.value);
            setServerError(null);
          }}
        />
      </div>
      <FieldError id={`${id}-error`} message={message} />
      <div className="edit-actions">
        <button type="submit" className={BUTTON.primarySmall} disabled={busy || !checked.ok}>
          Save citation
        </button>
        <button type="button" className={BUTTON.small} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Says what goes (this quote on this item) and what stays (the source) before removing a citation. */
function RemoveCitationDialog({
  citation,
  itemLabel,
  onCancel,
  onRemoved,
}: {
  citation: CitationWithSource;
  itemLabel: string;
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const { api, editing } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    const result = await editing.call(api['citation.delete']({ id: citation.id }));
    setBusy(false);
    if (!result.ok) {
      setError(serverMessage(result.error, 'id'));
      return;
    }
    editing.toast('Removed the citation. Ctrl+Z brings it back.');
    onRemoved();
  };
  return (
    <Modal title="Remove citation" testId="remove-citation-dialog" onClose={onCancel}>
      <p className="dialog-summary">{citationRemovalSummary(citation, itemLabel)}</p>
      <p className={Classes.TEXT_MUTED}>You can undo this with Ctrl+Z.</p>
      <FieldError id={`remove-${citation.id}-error`} message={error} />
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={BUTTON.danger} disabled={busy} onClick={() => void remove()}>
          Remove citation
        </button>
      </div>
    </Modal>
  );
}

export function CitationList({
  citations,
  itemLabel,
  editable = false,
}: {
  citations: readonly CitationWithSource[];
  itemLabel: string;
  editable?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="inspector-section" aria-labelledby="evidence-title" data-testid="evidence">
      <h3 id="evidence-title" ref={heading} tabIndex={-1}>
        Evidence <Tag minimal round>{citations.length}</Tag>
      </h3>
      {citations.length === 0 ? (
        <p className={Classes.TEXT_MUTED}>No citation supports this yet.</p>
      ) : (
        <ol className="citation-list">
          {citations.map((citation) => (
            <CitationItem
              key={citation.id}
              citation={citation}
              itemLabel={itemLabel}
              editable={editable}
              // The removed item's buttons are gone: the keyboard carries on from the section.
              onRemoved={() => heading.current?.focus()}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
