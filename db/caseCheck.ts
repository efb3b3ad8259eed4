import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { CASE_APPLICATION_ID, openForInspection, readCaseHeader, type OpenOptions } from './caseFile';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

/**
 * A full, read-only health check of a case file: what `workbench check` prints and what the app
 * looks at before offering to restore a backup or salvage a damaged case. Never writes the file.
 */

export type CaseHealth = 'ok' | 'damaged' | 'not_a_case' | 'newer_version' | 'missing' | 'unreadable';

export interface CaseCheckReport {
  path: string;
  health: CaseHealth;
  /** The file starts with SQLite's magic header (a damaged case still usually does). */
  isSqlite: boolean;
  /** The case format (`user_version`), when it could be read. */
  formatVersion: number | null;
  latestFormatVersion: number;
  /** Lines of `integrity_check` other than "ok" (at most 100). */
  integrityProblems: string[];
  /** Rows whose foreign key points at nothing. */
  foreignKeyProblems: number;
  /** One sentence for the analyst. */
  summary: string;
}

const MAX_INTEGRITY_LINES = 100;

/** Checks a case file with SQLite's `integrity_check` and `foreign_key_check`, read-only. */
export function checkCaseFile(path: string, options: OpenOptions = {}): CaseCheckReport {
  const report = (health: CaseHealth, summary: string, extra: Partial<CaseCheckReport> = {}): CaseCheckReport => ({
    path,
    health,
    isSqlite: false,
    formatVersion: null,
    latestFormatVersion: LATEST_SCHEMA_VERSION,
    integrityProblems: [],
    foreignKeyProblems: 0,
    summary,
    ...extra,
  });

  if (!existsSync(path)) return report('missing', 'There is no file at that path.');
  if (!statSync(path).isFile()) return report('not_a_case', 'That is a folder, not a case file.');
  let header: ReturnType<typeof readCaseHeader>;
  try {
    header = readCaseHeader(path);
  } catch (error) {
    return report('unreadable', `The file could not be read (${errorCode(error)}).`);
  }
  if (header === null) return report('not_a_case', 'This is not an Analyst Workbench case file (it is not a SQLite database).');

  let db: Database.Database | null = null;
  try {
    db = openForInspection(path, options);
    db.pragma('trusted_schema = OFF');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const formatVersion = db.pragma('user_version', { simple: true }) as number;
    const known = { isSqlite: true, formatVersion };
    if (applicationId !== CASE_APPLICATION_ID) {
      // A case whose first page is damaged can lose its mark: say what SQLite thinks of the rest.
      if (looksLikeACase(db)) {
        const problems = ['The case marker (application_id) in the file header is missing.', ...integrityLines(db)];
        return report('damaged', 'The case file is damaged: its header no longer marks it as a case.', { ...known, integrityProblems: problems });
      }
      return report('not_a_case', 'This is a SQLite database, but not an Analyst Workbench case file.', known);
    }
    if (formatVersion > LATEST_SCHEMA_VERSION) {
      return report(
        'newer_version',
        `This case was saved by a newer version of Analyst Workbench (case format ${formatVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}).`,
        known,
      );
    }
    const integrityProblems = integrityLines(db);
    const foreignKeyProblems = integrityProblems.length === 0 ? (db.pragma('foreign_key_check') as unknown[]).length : 0;
    if (integrityProblems.length > 0 || foreignKeyProblems > 0) {
      const parts = [
        ...(integrityProblems.length > 0 ? [`${integrityProblems.length} problem(s) in its pages`] : []),
        ...(foreignKeyProblems > 0 ? [`${foreignKeyProblems} broken reference(s)`] : []),
      ];
      return report('damaged', `The case file is damaged: ${parts.join(' and ')}.`, { ...known, integrityProblems, foreignKeyProblems });
    }
    const upgrade = formatVersion < LATEST_SCHEMA_VERSION ? ' It will be upgraded when the app opens it.' : '';
    return report('ok', `The case file is healthy (case format ${formatVersion}).${upgrade}`, known);
  } catch (error) {
    const code = errorCode(error);
    const damaged = /CORRUPT|NOTADB|malformed|not a database/i.test(`${code} ${(error as Error).message}`);
    return damaged
      ? report('damaged', `The case file is damaged: SQLite cannot read it (${code}).`, {
          isSqlite: true,
          integrityProblems: [sqliteMessage(error)],
        })
      : report('unreadable', `The case file could not be read (${code}).`, { isSqlite: true });
  } finally {
    db?.close();
  }
}

function integrityLines(db: Database.Database): string[] {
  try {
    const rows = db.pragma(`integrity_check(${MAX_INTEGRITY_LINES})`) as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  } catch (error) {
    return [sqliteMessage(error)];
  }
}

/** Our tables are there: a case with a damaged header rather than someone else's database. */
function looksLikeACase(db: Database.Database): boolean {
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    return ['case_meta', 'entities', 'links'].every((name) => tables.includes(name));
  } catch {
    return false;
  }
}

/** SQLite's own words: they name pages and tables, never row content or paths. */
function sqliteMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : 'unknown error';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
