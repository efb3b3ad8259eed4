import { Classes, HTMLSelect, Tag } from '@blueprintjs/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CREDIBILITY_GRADES, CREDIBILITY_LABELS, type Credibility, type Note, type NoteTarget } from '../../app/domain';
import type { NoteListItem } from '../../app/editing/types';
import { blankToNull, noteBodyIssues } from '../../app/editing/validate';
import { useApp } from '../appContext';
import { useNoteList } from '../data/caseHooks';
import { useStore } from '../store';
import { serverMessage } from './fields';
import { FieldError, Modal } from './Modal';
import { SafeMarkdown } from './SafeMarkdown';
import { BUTTON } from '../ui/buttons';
import { FORM, inputClass } from './formClasses';

/** Notes longer than this show a preview in lists; the whole note opens on demand. */
const PREVIEW_CHARS = 4_000;

/** A note in a list: on a Blueprint callout. */
const NOTE_ITEM = `${Classes.CALLOUT} ${Classes.COMPACT} note`;

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

function NoteMeta({ note }: { note: Note }) {
  return (
    <div className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL} note-meta`}>
      {note.author ?? 'Unsigned'} · {when(note.createdAt)}
      {note.updatedAt !== note.createdAt && ` · edited ${when(note.updatedAt)}`}
      {note.credibility !== null && ` · credibility ${note.credibility} (${CREDIBILITY_LABELS[note.credibility]})`}
    </div>
  );
}

/** A note's Markdown, shortened for lists unless the analyst asks for all of it. */
export function NoteBody({ body }: { body: string }) {
  const [full, setFull] = useState(false);
  const long = body.length > PREVIEW_CHARS;
  return (
    <div className="note-body-md" dir="auto">
      <SafeMarkdown text={long && !full ? `${body.slice(0, PREVIEW_CHARS)}…` : body} />
      {long && (
        <button type="button" className={BUTTON.small} onClick={() => setFull((f) => !f)}>
          {full ? 'Show less' : `Show all (${Math.round(body.length / 1024)} KB)`}
        </button>
      )}
    </div>
  );
}

function NoteForm({ note, target, onDone }: { note: Note | null; target: NoteTarget; onDone: () => void }) {
  const { api, editing } = useApp();
  const [body, setBody] = useState(note?.body ?? '');
  const [author, setAuthor] = useState(note?.author ?? '');
  const [credibility, setCredibility] = useState<Credibility | null>(note?.credibility ?? null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const issue = noteBodyIssues(body)[0];
    if (issue) {
      setError(issue.message);
      return;
    }
    const fields = { body, author: blankToNull(author), credibility };
    const result = note
      ? await editing.call(api['note.update']({ id: note.id, changes: fields }))
      : await editing.call(api['note.create']({ target, ...fields }));
    if (result.ok) onDone();
    else setError(serverMessage(result.error, 'body'));
  };
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate>
      {/* The form replaces the button that opened it: the focus goes to where the typing goes. */}
      <textarea autoFocus dir="auto" className={inputClass()} aria-label="Note (Markdown)" rows={4} value={body} placeholder="Markdown: **bold**, _italic_, lists, [links](…)" onChange={(e) => setBody(e.target.value)} />
      <div className={FORM.row}>
        <input dir="auto" className={inputClass()} aria-label="Author" placeholder="Author" value={author} onChange={(e) => setAuthor(e.target.value)} />
        <HTMLSelect aria-label="Credibility" value={credibility ?? ''} onChange={(e) => setCredibility(e.target.value === '' ? null : (Number(e.target.value) as Credibility))}>
          <option value="">No grade</option>
          {CREDIBILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g}: {CREDIBILITY_LABELS[g]}
            </option>
          ))}
        </HTMLSelect>
      </div>
      <FieldError id="note-error" message={error} />
      <div className="edit-actions">
        <button type="submit" className={BUTTON.primarySmall}>
          {note ? 'Save note' : 'Add note'}
        </button>
        <button type="button" className={BUTTON.small} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The inspector's notes on one entity or link: read, add, edit, delete. */
export function ItemNotes({ target, notes }: { target: NoteTarget; notes: readonly Note[] }) {
  const { api, editing } = useApp();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    // Back from the form (added or cancelled): the focus returns to the button, not to the page.
    if (wasAdding.current && !adding) addButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  return (
    <section className="inspector-section" aria-labelledby="notes-title" data-testid="item-notes">
      <h3 id="notes-title">
        Notes <Tag minimal round>{notes.length}</Tag>
      </h3>
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className={NOTE_ITEM}>
            {editingId === note.id ? (
              <NoteForm note={note} target={target} onDone={() => setEditingId(null)} />
            ) : (
              <>
                <NoteBody body={note.body} />
                <NoteMeta note={note} />
                <div className="edit-actions">
                  <button type="button" className={BUTTON.small} onClick={() => setEditingId(note.id)}>
                    Edit
                  </button>
                  <button type="button" className={BUTTON.dangerSmall} onClick={() => void editing.call(api['note.delete']({ id: note.id }))}>
                    Delete
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <NoteForm note={null} target={target} onDone={() => setAdding(false)} />
      ) : (
        <button ref={addButton} type="button" className={BUTTON.small} onClick={() => setAdding(true)}>
          Add a note
        </button>
      )}
    </section>
  );
}

/** Every note of the case, newest first, with a text filter; picking one selects its item. */
export function NotesPanel() {
  const { editing, selectAndFocus } = useApp();
  const open = useStore(editing.store, (s) => s.notesOpen);
  const [filter, setFilter] = useState('');
  // The filter is applied once typing pauses; the list is read through the case cache.
  const [applied, setApplied] = useState('');
  const [addingCaseNote, setAddingCaseNote] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setApplied(filter.trim() === '' ? '' : filter), 120);
    return () => clearTimeout(timer);
  }, [filter]);
  const listQuery = useNoteList(open ? applied : null).state;
  const [notes, setNotes] = useState<readonly NoteListItem[]>([]);
  // The last answer stays shown while the next one is read.
  if (listQuery?.status === 'ready' && listQuery.value !== notes) setNotes(listQuery.value);
  if (!open) return null;
  const close = () => editing.store.setState({ notesOpen: false });
  return (
    <Modal title="Notes" testId="notes-panel" onClose={close} wide>
      <input dir="auto" className={`${inputClass()} notes-filter`} type="search" aria-label="Filter notes" placeholder="Filter notes" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="notes-panel-list">
        {notes.length === 0 && <li className={Classes.TEXT_MUTED}>No notes{filter ? ' match' : ' yet'}.</li>}
        {notes.map((note) => (
          <li key={note.id} className={NOTE_ITEM}>
            <button
              type="button"
              className={`${Classes.BUTTON} ${Classes.MINIMAL} ${Classes.INTENT_PRIMARY} ${Classes.SMALL} note-target`}
              disabled={note.target.kind === 'case'}
              onClick={() => {
                if (note.target.kind === 'case') return;
                close();
                selectAndFocus({ kind: note.target.kind, id: note.target.id });
              }}
            >
              {note.targetLabel}
            </button>
            <NoteBody body={note.body} />
            <NoteMeta note={note} />
          </li>
        ))}
      </ul>
      {addingCaseNote ? (
        <NoteForm note={null} target={{ kind: 'case' }} onDone={() => setAddingCaseNote(false)} />
      ) : (
        <button type="button" className={BUTTON.small} onClick={() => setAddingCaseNote(true)}>
          Add a note on the case
        </button>
      )}
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
