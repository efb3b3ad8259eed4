import type { PartialDate, Reliability, Source } from '../app/domain';
import { newId } from './ids';
import { nowIso, prepared, type Db } from './types';

interface SourceRow {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  published_date: string | null;
  reference: string | null;
  reliability: string;
  body: string | null;
  created_at: string;
}

/** The one place a source row becomes a domain Source. */
function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    publishedDate: row.published_date,
    reference: row.reference,
    reliability: row.reliability as Reliability,
    body: row.body,
    createdAt: row.created_at,
  };
}

export interface NewSource {
  id?: string;
  title: string;
  author?: string | null;
  publisher?: string | null;
  publishedDate?: PartialDate | null;
  reference?: string | null;
  reliability: Reliability;
  body?: string | null;
}

export function insertSource(db: Db, input: NewSource): Source {
  const id = input.id ?? newId();
  prepared(db, 
    `INSERT INTO sources (id, title, author, publisher, published_date, reference, reliability, body, created_at)
     VALUES (@id, @title, @author, @publisher, @publishedDate, @reference, @reliability, @body, @now)`,
  ).run({
    id,
    title: input.title.trim(),
    author: input.author ?? null,
    publisher: input.publisher ?? null,
    publishedDate: input.publishedDate ?? null,
    reference: input.reference ?? null,
    reliability: input.reliability,
    body: input.body ?? null,
    now: nowIso(),
  });
  return getSource(db, id) as Source;
}

export function getSource(db: Db, id: string): Source | null {
  const row = prepared(db, 'SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
  return row ? toSource(row) : null;
}

export function listSources(db: Db): Source[] {
  return (prepared(db, 'SELECT * FROM sources ORDER BY created_at, id').all() as SourceRow[]).map(toSource);
}
