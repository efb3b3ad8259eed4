import type { Credibility, Note, NoteTarget } from '../app/domain';
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
