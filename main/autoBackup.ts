import { BACKUPS_TO_KEEP, listBackups, takeRollingBackup, type BackupInfo, type RollingBackupResult } from '../db/backup';
import type { CaseStore, OpenOptions } from '../db/caseFile';
import type { Db } from '../db/types';
import { describeErrorForLog } from './errorReport';

/**
 * Automatic rolling backups of the open case (db/backup.ts writes and checks them). When: once
 * when a case is opened, unless its newest backup is recent; then on a timer, only if the case
 * changed since the last backup. The decisions are pure functions; the Electron main process owns
 * the timer (main/electron/main.ts).
 */

/** How often the open case is backed up while it changes. */
export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * On open: a backup unless the newest is younger than the interval. Opening a case many times a
 * day would otherwise rotate the older, more different backups away.
 */
export function backupDueOnOpen(newest: BackupInfo | null, now: Date, intervalMs: number = AUTO_BACKUP_INTERVAL_MS): boolean {
  if (!newest) return true;
  const age = now.getTime() - Date.parse(newest.takenAt);
  // A backup "from the future" (a clock set back) does not count as recent.
  return !(age >= 0 && age < intervalMs);
}

/** On the timer: only when something was written since the last backup of this connection. */
export function backupDueOnTick(changesAtLastBackup: number | null, changesNow: number): boolean {
  return changesAtLastBackup === null || changesNow !== changesAtLastBackup;
}

/** Rows written by this connection since it opened (SQLite's total_changes). */
export function changesSinceOpen(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

export interface AutoBackupDeps {
  /** The open case, or null. */
  currentStore: () => CaseStore | null;
  now?: () => Date;
  keep?: number;
  intervalMs?: number;
  storeOptions?: OpenOptions;
  log?: (line: string) => void;
}

export type AutoBackupOutcome = { kind: 'taken'; result: RollingBackupResult } | { kind: 'skipped'; reason: string } | { kind: 'failed' };

/** Takes the automatic backups of whichever case is open; at most one backup runs at a time. */
export class AutoBackup {
  private readonly changesAtBackup = new WeakMap<CaseStore, number>();
  private running: Promise<AutoBackupOutcome> | null = null;

  constructor(private readonly deps: AutoBackupDeps) {}

  /** After a case opened. */
  afterOpen(): Promise<AutoBackupOutcome> {
    return this.run((store) => {
      const newest = listBackups(store.path)[0] ?? null;
      return backupDueOnOpen(newest, this.now(), this.deps.intervalMs) ? null : 'a recent backup exists';
    });
  }

  /** On the timer. */
  tick(): Promise<AutoBackupOutcome> {
    return this.run((store) => {
      const last = this.changesAtBackup.get(store);
      return backupDueOnTick(last ?? null, changesSinceOpen(store.db)) ? null : 'no change since the last backup';
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private run(whyNot: (store: CaseStore) => string | null): Promise<AutoBackupOutcome> {
    if (this.running) return Promise.resolve({ kind: 'skipped', reason: 'a backup is running' });
    const store = this.deps.currentStore();
    if (!store) return Promise.resolve({ kind: 'skipped', reason: 'no case is open' });
    const reason = whyNot(store);
    if (reason !== null) {
      // Nothing to do now; count from here so an unchanged case is not backed up on every tick.
      if (!this.changesAtBackup.has(store)) this.changesAtBackup.set(store, changesSinceOpen(store.db));
      return Promise.resolve({ kind: 'skipped', reason });
    }
    const changes = changesSinceOpen(store.db);
    const running = takeRollingBackup(store.db, store.path, {
      ...this.deps.storeOptions,
      keep: this.deps.keep ?? BACKUPS_TO_KEEP,
      now: this.now(),
    })
      .then((result): AutoBackupOutcome => {
        this.changesAtBackup.set(store, changes);
        return { kind: 'taken', result };
      })
      .catch((error: unknown): AutoBackupOutcome => {
        // A failed backup must never disturb the analyst's work: it is logged (no paths) and retried next tick.
        this.deps.log?.(`[workbench] automatic backup failed: ${describeErrorForLog(error)}`);
        return { kind: 'failed' };
      })
      .finally(() => {
        this.running = null;
      });
    this.running = running;
    return running;
  }
}
