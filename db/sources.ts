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

/** The fields `updateSource` writes. */
export type SourceUpdate = Required<Omit<NewSource, 'id'>>;

/** Overwrites a source's fields; false if there is no such source. */
export function updateSource(db: Db, id: string, fields: SourceUpdate): boolean {
  return (
    prepared(
      db,
      `UPDATE sources SET title = @title, author = @author, publisher = @publisher, published_date = @publishedDate,
         reference = @reference, reliability = @reliability, body = @body WHERE id = @id`,
    ).run({ ...fields, title: fields.title.trim(), id }).changes === 1
  );
}

/** Deletes a source; refused by the store (foreign key) while a citation quotes it. */
export function deleteSource(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM sources WHERE id = ?').run(id).changes === 1;
}

/** Every source without its document text, with the text's length and how many citations quote it. */
export function listSourceSummaries(db: Db): (Omit<Source, 'body'> & { bodyLength: number; citations: number })[] {
  const rows = prepared(
    db,
    `SELECT s.id, s.title, s.author, s.publisher, s.published_date, s.reference, s.reliability, s.created_at,
            coalesce(length(s.body), 0) AS body_length, (SELECT count(*) FROM citations c WHERE c.source_id = s.id) AS citations
     FROM sources s ORDER BY s.title COLLATE NOCASE, s.id`,
  ).all() as (Omit<SourceRow, 'body'> & { body_length: number; citations: number })[];
  return rows.map(({ body_length, citations, ...row }) => {
    const { body: _body, ...source } = toSource({ ...row, body: null });
    return { ...source, bodyLength: body_length, citations };
  });
}
