import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchFailure } from '../app/result';
import { dispatch, type Handlers } from './dispatch';
import { describeErrorForLog, storageFailure } from './errorReport';

/** Errors main did not expect: what the UI is told, and what the log keeps (no case content, no paths). */

const CANARY = 'CANARY-note-text-source-KESTREL';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}

afterEach(() => vi.restoreAllMocks());

describe('storage failures', () => {
  it('turns SQLite result codes into sentences, and leaves other errors alone', () => {
    expect(storageFailure(sqliteError('SQLITE_FULL', 'database or disk is full'))).toMatchObject({ code: 'storage', message: /disk .* is full/ });
    expect(storageFailure(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'))?.code).toBe('storage');
    expect(storageFailure(sqliteError('SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database'))?.message).toMatch(/no longer be written/);
    expect(storageFailure(sqliteError('SQLITE_BUSY', 'database is locked'))?.code).toBe('storage');
    expect(storageFailure(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'))?.message).toMatch(/damaged/);
    expect(storageFailure(sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed'))?.code).toBe('conflict');
    expect(storageFailure(new TypeError('x is undefined'))).toBeNull();
    expect(storageFailure('a string')).toBeNull();
  });

  it('recognises a real full database', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let thrown: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (error) {
      thrown = error;
    }
    db.close();
    expect(storageFailure(thrown)?.code).toBe('storage');
  });
});

describe('the log line of an unexpected error', () => {
  it('keeps the kind and the frames, without the message of a non-SQLite error or any directory', () => {
    let parseError: unknown;
    try {
      JSON.parse(`${CANARY} is not JSON`);
    } catch (error) {
      parseError = error;
    }
    expect(String((parseError as Error).message)).toContain('CANARY'); // the raw message would leak it
    const line = describeErrorForLog(parseError);
    expect(line).toMatch(/^SyntaxError\n/);
    expect(line).not.toContain('CANARY');
    expect(line).toMatch(/errorReport\.test\.ts:\d+:\d+/);
    expect(line).not.toContain(process.cwd());
    expect(line).not.toMatch(/\/(home|tmp|Users|work)\//);
  });

  it("keeps SQLite's own words, which name tables and constraints", () => {
    const line = describeErrorForLog(sqliteError('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: length(trim(label)) BETWEEN 1 AND 1000'));
    expect(line.split('\n')[0]).toBe('SqliteError [SQLITE_CONSTRAINT_CHECK]: CHECK constraint failed: length(trim(label)) BETWEEN 1 AND 1000');
    expect(describeErrorForLog('oops')).toBe('a thrown string');
    expect(describeErrorForLog(null)).toBe('a thrown null');
  });

  it('is what dispatch logs when a handler fails: no input, no note text, and a generic answer', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    const handlers = {
      'entity.get': ({ id }: { id: string }) => {
        throw new Error(`could not render note "${CANARY}" for ${id} in /home/analyst/cases/secret.awcase`);
      },
    } as unknown as Handlers;
    const result = await dispatch(handlers, 'entity.get', { id: `id-${CANARY}` });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in entity.get; the details are in the log.' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[workbench\] entity\.get failed: Error\n/);
    expect(lines[0]).not.toContain('CANARY');
    expect(lines[0]).not.toContain('/home/analyst');
  });

  it('answers a full disk with storage (nothing logged) and a raw constraint error with conflict (logged: a validation gap)', async () => {
    const logged: string[] = [];
    const handlers = {
      'chart.saveViewport': () => {
        throw sqliteError('SQLITE_FULL', 'database or disk is full');
      },
      'source.get': () => {
        throw sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
      },
    } as unknown as Handlers;
    const full = await dispatch(handlers, 'chart.saveViewport', { chartId: 'c', viewport: { zoom: 1, panX: 0, panY: 0 } }, (c) => logged.push(c));
    expect(full).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(logged).toEqual([]);
    const conflict = await dispatch(handlers, 'source.get', { id: 's' }, (c) => logged.push(c));
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(logged).toEqual(['source.get']);
  });

  it('passes a WorkbenchFailure through without logging it', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = {
      'source.get': () => {
        throw new WorkbenchFailure('not_found', 'That source is no longer in the case.');
      },
    } as unknown as Handlers;
    expect(await dispatch(handlers, 'source.get', { id: 's' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That source is no longer in the case.' },
    });
    expect(spy).not.toHaveBeenCalled();
  });
});
