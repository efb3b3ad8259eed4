import { basename, extname } from 'node:path';
import type { CaseInfo } from '../app/domain';
import { WorkbenchFailure } from '../app/result';
import { CaseFileError, createCaseFile, openCaseFile, type CaseStore, type OpenOptions } from '../db/caseFile';
import { caseCounts, caseMarking, caseName, schemaVersion } from '../db/caseMeta';

/**
 * The case open in one window: at most one store at a time. Opening another case closes the
 * current one only once the new one has opened, so a failed open leaves the analyst where they were.
 */
export class CaseSession {
  private store: CaseStore | null = null;
  private readonly options: OpenOptions;

  constructor(options: OpenOptions = {}) {
    this.options = options;
  }

  /** The open store; throws `no_case` when none is open. */
  requireStore(): CaseStore {
    if (!this.store) throw new WorkbenchFailure('no_case', 'No case is open. Create or open a case first.');
    return this.store;
  }

  current(): CaseInfo | null {
    if (!this.store) return null;
    const { db, path } = this.store;
    return { path, name: caseName(db), schemaVersion: schemaVersion(db), counts: caseCounts(db), marking: caseMarking(db) };
  }

  open(path: string): CaseInfo {
    const next = withCaseErrors(() => openCaseFile(path, this.options));
    this.replace(next);
    return this.current() as CaseInfo;
  }

  create(path: string, name: string = caseNameFromPath(path)): CaseInfo {
    const next = withCaseErrors(() => createCaseFile(path, { ...this.options, name }));
    this.replace(next);
    return this.current() as CaseInfo;
  }

  close(): void {
    const store = this.store;
    this.store = null;
    store?.close();
  }

  private replace(next: CaseStore): void {
    const previous = this.store;
    this.store = next;
    previous?.close();
  }
}

/** "Sahel 2020.awcase" → "Sahel 2020". */
export function caseNameFromPath(path: string): string {
  const name = basename(path, extname(path)).trim();
  return name.length > 0 ? name : 'Untitled case';
}

/** Store errors become contract errors with the store's own sentence. */
function withCaseErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CaseFileError) {
      const code = error.code === 'not_found' ? 'not_found' : error.code === 'exists' ? 'conflict' : 'unsupported';
      throw new WorkbenchFailure(code, error.message);
    }
    throw error;
  }
}
