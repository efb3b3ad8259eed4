import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

type SqliteDatabase = Database.Database;

/** Marks a SQLite file as an Analyst Workbench case: "AWB1" in the header's application_id. */
export const CASE_APPLICATION_ID = 0x41574231;

export type CaseFileErrorCode = 'not_found' | 'exists' | 'not_a_case' | 'newer_version' | 'older_version' | 'corrupt' | 'unreadable';

/** Why a case file could not be opened; the message is a sentence for the analyst. */
export class CaseFileError extends Error {
  readonly code: CaseFileErrorCode;
  readonly path: string;
  constructor(code: CaseFileErrorCode, path: string, message: string) {
    super(message);
    this.name = 'CaseFileError';
    this.code = code;
    this.path = path;
  }
}

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another ABI (Electron's); tests use the default. */
  nativeBinding?: string;
}

export interface OpenCaseOptions extends OpenOptions {
  /** Open without writing anything (CLI reports and exports); an older case is not upgraded. */
  readonly?: boolean;
  /**
   * 'full' (the default): SQLite's quick_check of every page before the file is used.
   * 'deferred', read-only opens only: the header, the schema and the small tables the open reads
   * are checked; the caller checks the rest (db/backgroundCheck.ts) before it writes anything.
   */
  check?: 'full' | 'deferred';
}

/**
 * Case files up to this size are checked in full before they open (quick_check reads every page:
 * about 30 MB a second on a busy machine, so well under a second here). A larger one opens
 * read-only at once and is checked in the background (CaseSession).
 */
export const FULL_CHECK_ON_OPEN_BYTES = 32 * 1024 * 1024;

/** The tables the open and the first chart read, checked even when the full check is deferred. */
const CHECKED_ON_OPEN = ['case_meta', 'charts', 'chart_nodes', 'history_cursor'] as const;

/** An open case file. All access goes through `db`; `close()` checkpoints the WAL. */
export interface CaseStore {
  readonly path: string;
  readonly db: SqliteDatabase;
  close(): void;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** What the first 100 bytes of a SQLite file say (they can lag behind an un-checkpointed log). */
export interface HeaderFacts {
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the facts we need from the 100-byte SQLite header without opening the file with SQLite,
 * so that a file we refuse is never touched (not even its journal mode). Null: not a SQLite file.
 */
export function readCaseHeader(path: string): HeaderFacts | null {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return null;
    return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}

function connect(path: string, options: OpenOptions & { readonly?: boolean; fileMustExist?: boolean }): SqliteDatabase {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * A read-only connection for looking at a file we may refuse, damaged or not ours. A case closed
 * by this app is in rollback-journal mode (see `wrap`), so reading it creates nothing beside it;
 * one left in WAL mode by a crash is read with its log, as it must be.
 */
export function openForInspection(path: string, options: OpenOptions = {}): SqliteDatabase {
  return connect(path, { ...options, readonly: true });
}

/** The pragmas every connection runs with (ARCHITECTURE.md, "The store"). */
function applyPragmas(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL files at NORMAL: FULL must be set on every open.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
}

function describeNewer(path: string, version: number): string {
  return (
    `${path} was saved by a newer version of Analyst Workbench (case format ${version}; this version reads up to ` +
    `${LATEST_SCHEMA_VERSION}). It has not been changed: open it with a newer version.`
  );
}

/** Checks, read-only, that an existing file is a healthy case of a version we can read. */
function inspectExisting(path: string, options: OpenOptions, check: 'full' | 'deferred'): void {
  if (path.includes('\u0000') || !existsSync(path)) throw new CaseFileError('not_found', path, `There is no case file at ${path}.`);
  if (!statSync(path).isFile()) throw new CaseFileError('not_a_case', path, `${path} is a folder, not a case file.`);
  let header: HeaderFacts | null;
  try {
    header = readCaseHeader(path);
  } catch (error) {
    throw new CaseFileError('unreadable', path, `${path} could not be read: ${(error as Error).message}.`);
  }
  if (header === null || header.applicationId !== CASE_APPLICATION_ID) {
    throw new CaseFileError('not_a_case', path, `${path} is not an Analyst Workbench case file. It has not been changed.`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) throw new CaseFileError('newer_version', path, describeNewer(path, header.userVersion));

  // The header can lag behind a write-ahead log that was never checkpointed: ask SQLite too, read-only.
  let probe: SqliteDatabase | null = null;
  try {
    probe = openForInspection(path, options);
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const userVersion = probe.pragma('user_version', { simple: true }) as number;
    if (applicationId !== CASE_APPLICATION_ID) {
      throw new CaseFileError('not_a_case', path, `${path} is not an Analyst Workbench case file. It has not been changed.`);
    }
    if (userVersion > LATEST_SCHEMA_VERSION) throw new CaseFileError('newer_version', path, describeNewer(path, userVersion));
    for (const table of check === 'full' ? [null] : CHECKED_ON_OPEN) {
      // quick_check(table) checks that table and its indexes; the schema is read (and so checked) first.
      const verdict = probe.pragma(table === null ? 'quick_check' : `quick_check(${table})`, { simple: true }) as string;
      if (verdict !== 'ok') {
        throw new CaseFileError('corrupt', path, `${path} is damaged (SQLite reports: ${verdict}). It has not been changed.`);
      }
    }
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    const message = (error as Error).message;
    const code = /malformed|corrupt|not a database/i.test(message) ? 'corrupt' : 'unreadable';
    throw new CaseFileError(code, path, `${path} could not be opened as a case (${message}). It has not been changed.`);
  } finally {
    probe?.close();
  }
}

/**
 * Leaves no copy of deleted rows in the case file or its write-ahead log (secure_delete has zeroed
 * them in their pages; the log still holds the pages as they were): checkpoints every frame into
 * the main file and truncates the log to zero bytes. False when a reader kept the checkpoint from
 * completing (the text then stays in the log until the next purge or close).
 */
export function purgeDeletedContent(db: SqliteDatabase): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}

/** Brings a case file up to the latest schema, one transaction per step. */
export function migrate(db: SqliteDatabase, target: number = LATEST_SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.up);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

function wrap(path: string, db: SqliteDatabase): CaseStore {
  let open = true;
  return {
    path,
    db,
    close() {
      if (!open) return;
      open = false;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        // A closed case is one self-contained file: readable from read-only media, and looked at
        // (CLI, backups, a check) without SQLite leaving a -wal and -shm beside it. The next open
        // switches it back to WAL. Busy (another reader has it open): it stays in WAL mode.
        db.pragma('journal_mode = DELETE');
      } catch {
        // Still closed below; the log is replayed on the next open.
      } finally {
        db.close();
      }
    },
  };
}

/** Opens an existing case file, after checking it read-only; upgrades an older schema. */
export function openCaseFile(path: string, options: OpenCaseOptions = {}): CaseStore {
  const check = options.check ?? 'full';
  if (check === 'deferred' && !options.readonly) throw new Error('Only a read-only open may defer the full check.');
  inspectExisting(path, options, check);
  if (options.readonly) return openReadOnly(path, options);
  const db = connect(path, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    migrate(db);
    return wrap(path, db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function openReadOnly(path: string, options: OpenOptions): CaseStore {
  const db = connect(path, { ...options, readonly: true });
  db.pragma('trusted_schema = OFF');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < LATEST_SCHEMA_VERSION) {
    db.close();
    throw new CaseFileError(
      'older_version',
      path,
      `${path} was saved by an older version of Analyst Workbench (case format ${version}); open it once in the app to upgrade it, then try again.`,
    );
  }
  let open = true;
  return {
    path,
    db,
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

/** Creates a new, empty case file; refuses to replace an existing file. */
export function createCaseFile(path: string, options: OpenOptions & { name: string }): CaseStore {
  if (path.includes('\u0000')) throw new CaseFileError('unreadable', path, 'A case file name cannot contain a NUL character.');
  if (existsSync(path)) {
    throw new CaseFileError('exists', path, `${path} already exists; choose another name (nothing was overwritten).`);
  }
  if (!existsSync(dirname(path))) {
    throw new CaseFileError('not_found', path, `There is no folder ${dirname(path)} to create the case in.`);
  }
  let db: SqliteDatabase;
  try {
    db = connect(path, { ...options, fileMustExist: false });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CaseFileError('unreadable', path, `${path} could not be created (${typeof code === 'string' ? code : 'unknown error'}).`);
  }
  try {
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    applyPragmas(db);
    migrate(db);
    const now = new Date().toISOString();
    const insert = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      insert.run('name', options.name);
      insert.run('created_at', now);
    })();
    return wrap(path, db);
  } catch (error) {
    db.close();
    // We made this file a moment ago: leave no half-initialised case behind.
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
}

/** The version of the SQLite library the store runs on (the one better-sqlite3 was built with). */
export function sqliteLibraryVersion(options: OpenOptions = {}): string {
  const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}
