import { Classes, HTMLSelect } from '@blueprintjs/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { SourceDeletePreview } from '../../app/contract';
import { CREDIBILITY_GRADES, CREDIBILITY_LABELS, RELIABILITY_GRADES, RELIABILITY_LABELS, type Credibility, type Reliability, type Source } from '../../app/domain';
import type { SourceSummary } from '../../app/editing/types';
import { LIMITS, blankToNull, formatBytes, sourceIssues } from '../../app/editing/validate';
import { useApp } from '../appContext';
import { commandForKeystroke, runCommand } from '../commands';
import { isTypingTarget } from '../keyboard';
import { useSource, useSourceList } from '../data/caseHooks';
import { useStore } from '../store';
import { passageOf, sourceDeletion } from './evidenceEditing';
import { serverMessage } from './fields';
import { FieldError, Modal } from './Modal';
import { BUTTON } from '../ui/buttons';
import { FORM, inputClass } from './formClasses';

/** Offsets of the current text selection inside an element (end exclusive), or null. */
function selectionIn(element: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** The sources of the case: add and edit them, read a document, and cite a passage of it. */
export function SourcesDialog() {
  const { editing, commands } = useApp();
  const state = useStore(editing.store, (s) => s.sources);
  // Read through the case cache: an edit to sources or citations refreshes it.
  const listQuery = useSourceList(state !== null).state;
  const list: SourceSummary[] | null = listQuery?.status === 'ready' ? listQuery.value : null;
  const [deleted, setDeleted] = useState<string | null>(null);
  if (!state) return null;
  const close = () => {
    setDeleted(null);
    editing.store.setState({ sources: null });
  };
  const show = (sourceId: string | null) => editing.store.setState({ sources: { sourceId, citation: null } });
  const undo = async () => {
    setDeleted(null);
    await runCommand('edit.undo', commands);
  };
  return (
    <Modal title="Sources" testId="sources-dialog" onClose={close} wide>
      {deleted !== null && (
        <p className={`${Classes.CALLOUT} ${Classes.COMPACT} ${Classes.INTENT_SUCCESS}`} role="status">
          {deleted}{' '}
          <button type="button" className={BUTTON.small} onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      <div
        className="sources-layout"
        onKeyDown={(event) => {
          // The window keeps keys from the chart; undo and redo still reach the case from here.
          if (isTypingTarget(event.target)) return;
          const command = commandForKeystroke(event);
          if (command?.id !== 'edit.undo' && command?.id !== 'edit.redo') return;
          event.preventDefault();
          if (command.id === 'edit.undo') setDeleted(null);
          void runCommand(command.id, commands);
        }}
      >
        <ul className={`${Classes.MENU} ${Classes.ELEVATION_0}`} aria-label="Sources">
          {(list ?? []).map((s) => (
            <li key={s.id}>
              <button type="button" className={sourceItem(s.id === state.sourceId)} onClick={() => show(s.id)}>
                <span className={`grade grade-${s.reliability}`}>{s.reliability}</span>
                <span className={`${Classes.FILL} source-name`}>
                  {s.title}
                  <br />
                  <span className={Classes.TEXT_SMALL}>{s.citations} citations</span>
                </span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className={sourceItem(state.sourceId === null)} onClick={() => show(null)}>
              + Add a source
            </button>
          </li>
        </ul>
        <div>
          {state.sourceId === null ? (
            <SourceForm key="new" source={null} onSaved={(id) => show(id)} />
          ) : (
            <SourceView
              key={state.sourceId}
              sourceId={state.sourceId}
              citation={state.citation}
              onSaved={() => undefined}
              onDeleted={(notice) => {
                setDeleted(notice);
                show(null);
              }}
            />
          )}
        </div>
      </div>
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** A source in the list: Blueprint's menu item, the one shown active. */
function sourceItem(active: boolean): string {
  return active ? `${Classes.MENU_ITEM} ${Classes.ACTIVE}` : Classes.MENU_ITEM;
}

function SourceForm({ source, onSaved, onCancel }: { source: Source | null; onSaved: (id: string) => void; onCancel?: () => void }) {
  const { api, editing } = useApp();
  const [title, setTitle] = useState(source?.title ?? '');
  const [author, setAuthor] = useState(source?.author ?? '');
  const [publisher, setPublisher] = useState(source?.publisher ?? '');
  const [date, setDate] = useState(source?.publishedDate ?? '');
  const [reference, setReference] = useState(source?.reference ?? '');
  const [reliability, setReliability] = useState<Reliability>(source?.reliability ?? 'C');
  const [body, setBody] = useState(source?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const fields = {
    title,
    author: blankToNull(author),
    publisher: blankToNull(publisher),
    publishedDate: blankToNull(date),
    reference: blankToNull(reference),
    body: blankToNull(body),
  };
  const fileInput = useRef<HTMLInputElement>(null);
  /** A document's text from a file the analyst picks (read here, in the window: main is not asked). */
  const loadFile = async (file: File) => {
    // Refused before reading: a file far over the limit is not read into memory only to be rejected.
    if (file.size > LIMITS.sourceBodyBytes * 4) {
      setError(`“${file.name}” is ${formatBytes(file.size)}; a source document can hold up to ${formatBytes(LIMITS.sourceBodyBytes)} of text.`);
      return;
    }
    const loaded = documentText(file.name, file.type, await file.text());
    if (!loaded.ok) {
      setError(loaded.message);
      return;
    }
    setBody(loaded.text);
    if (title.trim() === '') setTitle(file.name.replace(/\.[^.]+$/, ''));
    if (reference.trim() === '') setReference(file.name);
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const issue = sourceIssues(fields)[0];
    if (issue) {
      setError(issue.message);
      return;
    }
    const result = source
      ? await editing.call(api['source.update']({ id: source.id, changes: { ...fields, reliability } }))
      : await editing.call(api['source.create']({ ...fields, reliability }));
    if (result.ok) {
      setError(null);
      onSaved(result.value.id);
    } else setError(serverMessage(result.error, 'title'));
  };
  return (
    <form className="source-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className={FORM.label}>
        Title
        <input dir="auto" className={inputClass()} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className={FORM.label}>
        Author
        <input dir="auto" className={inputClass()} value={author} onChange={(e) => setAuthor(e.target.value)} />
      </label>
      <label className={FORM.label}>
        Publisher
        <input dir="auto" className={inputClass()} value={publisher} onChange={(e) => setPublisher(e.target.value)} />
      </label>
      <label className={FORM.label}>
        Date
        <input dir="auto" className={inputClass()} value={date} placeholder="2017, 2017-03 or 2017-03-02" onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className={FORM.label}>
        Reference
        <input dir="auto" className={inputClass()} value={reference} placeholder="URL, file name or archive number" onChange={(e) => setReference(e.target.value)} />
      </label>
      <label className={FORM.label}>
        Reliability
        <HTMLSelect fill value={reliability} onChange={(e) => setReliability(e.target.value as Reliability)}>
          {RELIABILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g}: {RELIABILITY_LABELS[g]}
            </option>
          ))}
        </HTMLSelect>
      </label>
      <label className={FORM.label}>
        Document text
        <textarea dir="auto" className={inputClass()} rows={6} value={body} placeholder="Paste the document’s text to cite passages from it" onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="source-file">
        <button type="button" className={BUTTON.small} onClick={() => fileInput.current?.click()}>
          Load text from a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          data-testid="source-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void loadFile(file);
          }}
        />
      </div>
      <FieldError id="source-error" message={error} />
      <div className="dialog-buttons">
        {onCancel && (
          <button type="button" className={BUTTON.plain} onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className={BUTTON.primary}>
          {source ? 'Save source' : 'Add source'}
        </button>
      </div>
    </form>
  );
}

function SourceView({
  sourceId,
  citation,
  onSaved,
  onDeleted,
}: {
  sourceId: string;
  citation: { quote: string; locator: string | null } | null;
  onSaved: () => void;
  /** Gone: with the notice to show ("Deleted the source “X” and its 3 citations."). */
  onDeleted: (notice: string) => void;
}) {
  const { api, editing, store } = useApp();
  const sourceQuery = useSource(sourceId).state;
  const source: Source | null = sourceQuery?.status === 'ready' ? sourceQuery.value : null;
  const loadError = sourceQuery?.status === 'error' ? sourceQuery.message : null;
  const [editingFields, setEditingFields] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const [credibility, setCredibility] = useState<Credibility>(3);
  const [message, setMessage] = useState<string | null>(null);
  const text = useRef<HTMLPreElement>(null);
  const mark = useRef<HTMLElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const refocusDelete = useRef(false);
  useEffect(() => {
    // Cancelled: the keyboard carries on from the button that asked.
    if (confirmingDelete || !refocusDelete.current) return;
    refocusDelete.current = false;
    deleteButton.current?.focus();
  }, [confirmingDelete]);
  const selection = useStore(store, (s) => s.selection);
  const target = selection.length === 1 ? selection[0] : undefined;
  const chart = useStore(store, (s) => s.chart);
  const targetName = useMemo(() => {
    if (!target || !chart) return null;
    if (target.kind === 'entity') return chart.entities.find((e) => e.id === target.id)?.label ?? null;
    const link = chart.links.find((l) => l.id === target.id);
    if (!link) return null;
    const name = (id: string) => chart.entities.find((e) => e.id === id)?.label ?? '?';
    return `${name(link.sourceId)} → ${name(link.targetId)}`;
  }, [chart, target]);

  const passage = source?.body && citation ? passageOf(source.body, citation.quote, citation.locator) : null;
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [source, citation]);

  if (loadError !== null) return <p role="alert">This source could not be shown: {loadError}</p>;
  if (!source) return <p className={Classes.TEXT_MUTED}>Loading the source…</p>;
  if (editingFields) {
    return (
      <SourceForm
        source={source}
        onCancel={() => setEditingFields(false)}
        onSaved={() => {
          setEditingFields(false);
          onSaved();
        }}
      />
    );
  }
  const body = source.body ?? '';
  const cite = async () => {
    if (!target || !selected) return;
    const result = await editing.call(
      api['citation.create']({ sourceId, target: { kind: target.kind, id: target.id }, quote: body.slice(selected.start, selected.end), range: selected, credibility }),
    );
    if (result.ok) {
      setMessage(`Cited on “${targetName ?? ''}” as ${source.reliability}${credibility}.`);
      onSaved();
    } else setMessage(serverMessage(result.error, 'quote'));
  };
  return (
    <div>
      <h3 className={Classes.HEADING}>{source.title}</h3>
      <p className={Classes.TEXT_MUTED}>
        {[source.author, source.publisher, source.publishedDate, source.reference].filter(Boolean).join(' · ')} · reliability {source.reliability} (
        {RELIABILITY_LABELS[source.reliability]})
      </p>
      <div className="edit-actions">
        <button type="button" className={BUTTON.small} onClick={() => setEditingFields(true)}>
          Edit source
        </button>
        <button type="button" ref={deleteButton} className={BUTTON.dangerSmall} onClick={() => setConfirmingDelete(true)}>
          Delete source…
        </button>
      </div>
      {confirmingDelete && (
        <DeleteSourcePanel
          source={source}
          onCancel={() => {
            refocusDelete.current = true;
            setConfirmingDelete(false);
          }}
          onDeleted={onDeleted}
        />
      )}
      {body === '' ? (
        <p className={Classes.TEXT_MUTED}>This source has no document text. Edit it to paste the text, then select passages to cite.</p>
      ) : (
        <pre
          className={`${Classes.CARD} ${Classes.COMPACT} source-text`}
          ref={text}
          data-testid="source-text"
          onMouseUp={() => setSelected(text.current ? selectionIn(text.current) : null)}
          onKeyUp={() => setSelected(text.current ? selectionIn(text.current) : null)}
        >
          {passage ? (
            <>
              {body.slice(0, passage.start)}
              <mark ref={mark} data-testid="cited-passage">
                {body.slice(passage.start, passage.end)}
              </mark>
              {body.slice(passage.end)}
            </>
          ) : (
            body
          )}
        </pre>
      )}
      {body !== '' && (
        <div>
          <label className={`${FORM.label} ${Classes.INLINE}`}>
            Credibility
            <HTMLSelect value={credibility} onChange={(e) => setCredibility(Number(e.target.value) as Credibility)}>
              {CREDIBILITY_GRADES.map((g) => (
                <option key={g} value={g}>
                  {g}: {CREDIBILITY_LABELS[g]}
                </option>
              ))}
            </HTMLSelect>
          </label>
          <button type="button" className={BUTTON.primary} disabled={!target || !selected} onClick={() => void cite()}>
            {targetName ? `Cite on “${targetName.slice(0, 40)}”` : 'Select an entity or link to cite on'}
          </button>
        </div>
      )}
      {selected && <p className={Classes.TEXT_MUTED}>Selected: “{body.slice(selected.start, Math.min(selected.end, selected.start + 120))}”</p>}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

/**
 * Asks before deleting a source, saying exactly what goes from main's count: the citations that
 * quote it (on how many entities and links) go in the same step. Cancel has the focus, so Enter
 * alone deletes nothing.
 */
function DeleteSourcePanel({ source, onCancel, onDeleted }: { source: Source; onCancel: () => void; onDeleted: (notice: string) => void }) {
  const { api, editing, store } = useApp();
  const [preview, setPreview] = useState<SourceDeletePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Counted again after every edit, undo and redo (each reloads the chart): what is said is what goes.
  const chart = useStore(store, (s) => s.chart);
  useEffect(() => {
    let current = true;
    void api['source.deletePreview']({ id: source.id }).then((r) => {
      if (!current) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, source.id, chart]);
  const plan = preview ? sourceDeletion(preview) : null;
  const remove = async () => {
    if (!plan) return;
    setBusy(true);
    const result = await editing.call(api['source.delete']({ id: source.id, withCitations: plan.withCitations }));
    setBusy(false);
    if (result.ok) onDeleted(plan.done);
    else setError(serverMessage(result.error, 'id'));
  };
  return (
    <div className={`${Classes.CALLOUT} ${Classes.INTENT_DANGER} delete-source`} style={{ marginTop: 8 }} role="group" aria-label="Delete source" data-testid="delete-source">
      {plan ? <p>{plan.message}</p> : <p className={Classes.TEXT_MUTED}>Counting the citations that quote it…</p>}
      {plan && <p className={Classes.TEXT_MUTED}>You can undo this with Ctrl+Z.</p>}
      <FieldError id="delete-source-error" message={error} />
      <div className="edit-actions">
        <button type="button" className={BUTTON.small} onClick={onCancel} autoFocus>
          Cancel
        </button>
        {plan && (
          <button type="button" className={BUTTON.dangerSmall} disabled={busy} onClick={() => void remove()}>
            {plan.action}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The text to cite from a loaded file: plain text as it is, HTML as the text it reads as. The
 * markup is removed as text before anything parses it, so no element of the file is ever built
 * (no script, handler, style or image: nothing to run, fetch or trip the CSP); the parser then only
 * decodes character references. A file with NUL bytes is not text.
 */
function documentText(name: string, type: string, content: string): { ok: true; text: string } | { ok: false; message: string } {
  if (content.includes('\u0000')) return { ok: false, message: `“${name}” is not a text file. Paste the document’s text instead.` };
  if (type !== 'text/html' && !/\.html?$/i.test(name)) return { ok: true, text: content.replace(/^\uFEFF/, '') };
  const plain = content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|h[1-6]|li|tr|br|hr|section|article|blockquote|pre|table|ul|ol|dl|dt|dd)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/</g, '&lt;');
  const decoded = new DOMParser().parseFromString(plain, 'text/html').body.textContent ?? '';
  const text = decoded
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { ok: true, text };
}
