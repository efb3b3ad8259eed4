import type { Credibility, Note, NoteTarget } from '../app/domain';
import { purgeDeletedContent } from './caseFile';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface NoteRow {
  id: string;
  target_kind: 'case' | 'entity' | 'link';
  entity_id: string | null;
  link_id: string | null;
  body: string;
  author: string | null;
  credibility: number | null;
  created_at: string;
  updated_at: string;
}

/** The one place a note row becomes a domain Note. */
function toNote(row: NoteRow): Note {
  const target: NoteTarget =
    row.target_kind === 'entity'
      ? { kind: 'entity', id: row.entity_id as string }
      : row.target_kind === 'link'
        ? { kind: 'link', id: row.link_id as string }
        : { kind: 'case' };
  return {
    id: row.id,
    target,
    body: row.body,
    author: row.author,
    credibility: row.credibility as Credibility | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewNote {
  id?: string;
  target: NoteTarget;
  body: string;
  author?: string | null;
  credibility?: Credibility | null;
}

export function insertNote(db: Db, input: NewNote): Note {
  const id = input.id ?? newId();
  const now = nowIso();
  prepared(db, 
    `INSERT INTO notes (id, target_kind, entity_id, link_id, body, author, credibility, created_at, updated_at)
     VALUES (@id, @kind, @entityId, @linkId, @body, @author, @credibility, @now, @now)`,
  ).run({
    id,
    kind: input.target.kind,
    entityId: input.target.kind === 'entity' ? input.target.id : null,
    linkId: input.target.kind === 'link' ? input.target.id : null,
    body: input.body,
    author: input.author ?? null,
    credibility: input.credibility ?? null,
    now,
  });
  return toNote(prepared(db, 'SELECT * FROM notes WHERE id = ?').get(id) as NoteRow);
}

/** Notes on one entity, link, or the case, oldest first. */
export function notesFor(db: Db, target: NoteTarget): Note[] {
  const rows =
    target.kind === 'entity'
      ? prepared(db, 'SELECT * FROM notes WHERE entity_id = ? ORDER BY created_at, id').all(target.id)
      : target.kind === 'link'
        ? prepared(db, 'SELECT * FROM notes WHERE link_id = ? ORDER BY created_at, id').all(target.id)
        : prepared(db, "SELECT * FROM notes WHERE target_kind = 'case' ORDER BY created_at, id").all();
  return (rows as NoteRow[]).map(toNote);
}

export function listNotes(db: Db): Note[] {
  return (prepared(db, 'SELECT * FROM notes ORDER BY created_at, id').all() as NoteRow[]).map(toNote);
}

/**
 * Deletes a note and, outside a caller's transaction, checkpoints the write-ahead log so its text
 * is gone from the case file's bytes (secure_delete zeroes the freed cells; the checkpoint copies
 * the zeroed pages home and truncates the log, which still held the note). False if there was none.
 */
export function deleteNote(db: Db, id: string): boolean {
  const changes = prepared(db, 'DELETE FROM notes WHERE id = ?').run(id).changes;
  if (changes > 0 && !db.inTransaction) purgeDeletedContent(db);
  return changes > 0;
}

export function getNote(db: Db, id: string): Note | null {
  const row = prepared(db, 'SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  return row ? toNote(row) : null;
}

/** Overwrites a note's text, author and grade and stamps `updated_at`; false if there is no such note. */
export function updateNote(db: Db, id: string, fields: { body: string; author: string | null; credibility: Credibility | null }): boolean {
  return prepared(db, 'UPDATE notes SET body = @body, author = @author, credibility = @credibility, updated_at = @now WHERE id = @id').run({
    ...fields,
    now: nowIso(),
    id,
  }).changes === 1;
}

/** How many notes each entity and link has, for the badges on the chart. */
export function noteCounts(db: Db): Record<string, number> {
  const rows = prepared(
    db,
    'SELECT coalesce(entity_id, link_id) AS itemId, count(*) AS n FROM notes WHERE target_kind <> ? GROUP BY itemId',
  ).all('case') as { itemId: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.itemId, r.n]));
}
