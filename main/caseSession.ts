import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CaseInfo } from '../app/domain';
import { WorkbenchFailure } from '../app/result';
import { checkInBackground, type CheckVerdict } from '../db/backgroundCheck';
import { CaseFileError, createCaseFile, FULL_CHECK_ON_OPEN_BYTES, openCaseFile, type CaseStore, type OpenOptions } from '../db/caseFile';
import { caseCounts, caseMarking, caseName, schemaVersion } from '../db/caseMeta';

/** How a background check of a large case ended, for the window (CaseSession.onChecked). */
export interface CheckOutcome {
  path: string;
  /** The case can now be changed; otherwise it stays open read-only and `message` says why. */
  writable: boolean;
  message: string | null;
}

export interface CaseSessionOptions extends OpenOptions {
  /** Runs the full check of a large case off the main thread; tests give their own. */
  checkInBackground?: (path: string, options: OpenOptions) => Promise<CheckVerdict>;
  /** Size past which the full check moves off the open path (bytes; FULL_CHECK_ON_OPEN_BYTES by default). */
  fullCheckOnOpenBytes?: number;
}

/**
 * The case open in one window: at most one store at a time. Opening another case closes the
 * current one only once the new one has opened, so a failed open leaves the analyst where they were.
 *
 * A large case opens at once, read-only, after a check of its header, schema and small tables;
 * SQLite's full check of every page runs on a worker thread meanwhile (half a minute for a
 * million entities). Only when it passes is the file opened for writing (WAL, migrations, edits):
 * a damaged file is never written, as when the whole check ran before the open. Until then, or
 * if it fails, a change is refused with `readOnlyReason()`.
 */
export class CaseSession {
  private store: CaseStore | null = null;
  private readonly options: OpenOptions;
  private readonly runCheck: (path: string, options: OpenOptions) => Promise<CheckVerdict>;
  private readonly fullCheckBytes: number;
  private readOnly: string | null = null;
  private pendingCheck: Promise<void> | null = null;
  /** True while the background check of the open case runs. */
  private checking = false;
  private readonly checkedListeners: ((outcome: CheckOutcome) => void)[] = [];

  constructor({ checkInBackground: run = checkInBackground, fullCheckOnOpenBytes = FULL_CHECK_ON_OPEN_BYTES, ...options }: CaseSessionOptions = {}) {
    this.options = options;
    this.runCheck = run;
    this.fullCheckBytes = fullCheckOnOpenBytes;
  }

  /** Why the open case cannot be changed now (its check is running, or found damage), or null. */
  readOnlyReason(): string | null {
    return this.store ? this.readOnly : null;
  }

  /** Called when the background check of a large case ends (not for a case closed before then). */
  onChecked(listener: (outcome: CheckOutcome) => void): void {
    this.checkedListeners.push(listener);
  }

  /** Settles when the background check of the open case (if any) has ended and been acted on. */
  whenChecked(): Promise<void> {
    return this.pendingCheck ?? Promise.resolve();
  }

  /** The open store; throws `no_case` when none is open. */
  requireStore(): CaseStore {
    if (!this.store) throw new WorkbenchFailure('no_case', 'No case is open. Create or open a case first.');
    return this.store;
  }

  current(): CaseInfo | null {
    if (!this.store) return null;
    const { db, path } = this.store;
    return { path, name: caseName(db), schemaVersion: schemaVersion(db), counts: caseCounts(db), marking: caseMarking(db), readOnly: this.readOnly === null ? null : { reason: this.readOnly, checking: this.checking } };
  }

  open(path: string): CaseInfo {
    if (fileBytes(path) > this.fullCheckBytes) {
      const viewing = withCaseErrors(() => openForViewing(path, this.options));
      if (viewing !== null) {
        this.replace(viewing, 'The case is large and is still being checked (every page of its file is read once): it can be changed in a moment. Nothing was saved.');
        this.checking = true;
        this.pendingCheck = this.finishCheck(viewing);
        return this.current() as CaseInfo;
      }
    }
    const next = withCaseErrors(() => openCaseFile(path, this.options));
    this.replace(next);
    return this.current() as CaseInfo;
  }

  /** After the background check: the same file opened for writing, or kept read-only and said why. */
  private async finishCheck(viewing: CaseStore): Promise<void> {
    const verdict = await this.runCheck(viewing.path, this.options);
    if (this.store !== viewing) return; // closed, or another case opened, meanwhile
    this.checking = false;
    let outcome: CheckOutcome;
    if (verdict.ok || !verdict.damaged) {
      // A check that could not run (no worker thread) runs here instead: slower, but never skipped.
      try {
        const writable = openCaseFile(viewing.path, this.options);
        this.replace(writable);
        outcome = { path: viewing.path, writable: true, message: null };
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The case could not be opened for changes.';
        this.readOnly = `The case is open read-only: ${message}`;
        outcome = { path: viewing.path, writable: false, message: this.readOnly };
      }
    } else {
      this.readOnly =
        `${viewing.path} is damaged (SQLite reports: ${verdict.problem}). It is open read-only and has not been changed: ` +
        'close it and open it again to restore a backup or salvage it.';
      outcome = { path: viewing.path, writable: false, message: this.readOnly };
    }
    for (const listener of this.checkedListeners) listener(outcome);
  }

  create(path: string, name: string = caseNameFromPath(path)): CaseInfo {
    const next = withCaseErrors(() => createCaseFile(path, { ...this.options, name }));
    this.replace(next);
    return this.current() as CaseInfo;
  }

  close(): void {
    const store = this.store;
    this.store = null;
    this.readOnly = null;
    store?.close();
  }

  private replace(next: CaseStore, readOnly: string | null = null): void {
    const previous = this.store;
    this.store = next;
    this.readOnly = readOnly;
    this.checking = false;
    previous?.close();
  }
}

/** The file and its write-ahead log, what the full check reads. */
function fileBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

/**
 * A large case opened read-only with its full check deferred, or null when it must be opened
 * the ordinary way (an older format is upgraded, which writes, so it waits for the whole check).
 */
function openForViewing(path: string, options: OpenOptions): CaseStore | null {
  try {
    return openCaseFile(path, { ...options, readonly: true, check: 'deferred' });
  } catch (error) {
    if (error instanceof CaseFileError && error.code === 'older_version') return null;
    throw error;
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
