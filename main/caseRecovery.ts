import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CaseInfo } from '../app/domain';
import { WorkbenchFailure } from '../app/result';
import { fileStamp, listBackups, restoreBackup, type BackupInfo } from '../db/backup';
import { checkCaseFile, type CaseCheckReport } from '../db/caseCheck';
import type { OpenOptions } from '../db/caseFile';
import { salvageCase, type SalvageReport } from '../db/salvage';
import type { CaseSession } from './caseSession';

/**
 * What happens when a case file will not open because it is damaged, not a case, or from a newer
 * version. The file itself is never changed, moved or deleted: a copy is put aside, and the
 * analyst chooses to restore a backup (the file is then renamed aside by the restore, never
 * overwritten), to salvage what can be read into a new case beside it, or to quit (cancel, when
 * another case is open). The decisions are pure functions; `createCaseRecovery` runs them against
 * the session, and Electron only shows the question (main/electron/main.ts).
 */

export type RecoveryAction = 'restore' | 'salvage' | 'quit' | 'cancel';

export interface RecoveryChoice {
  action: RecoveryAction;
  label: string;
}

export interface RecoveryPlan {
  title: string;
  /** The main sentence of the dialog. */
  message: string;
  /** What happened to the file, and what each choice does. */
  detail: string;
  /** In button order; the first is the default. */
  choices: RecoveryChoice[];
  /** The choice Escape or closing the dialog means. */
  cancelAction: 'quit' | 'cancel';
  backup: BackupInfo | null;
}

export interface RecoveryFacts {
  report: CaseCheckReport;
  backups: readonly BackupInfo[];
  /** Where the copy of the file was put, or null if it could not be copied. */
  copyAside: string | null;
  /** No other case is open: leaving means quitting. */
  atStartup: boolean;
}

/** Healths that get the recovery choice; a missing or unreadable file gets a plain error. */
export function needsRecovery(report: CaseCheckReport): boolean {
  return report.health === 'damaged' || report.health === 'not_a_case' || report.health === 'newer_version';
}

function describeBackup(backup: BackupInfo): string {
  return backup.takenAt.replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
}

/** The question to ask, from what the check found and what backups exist. Pure. */
export function planRecovery(facts: RecoveryFacts): RecoveryPlan {
  const { report, backups, copyAside, atStartup } = facts;
  const name = basename(report.path);
  const backup = backups[0] ?? null;
  const leave: RecoveryChoice = atStartup ? { action: 'quit', label: 'Quit' } : { action: 'cancel', label: 'Cancel' };
  const restore: RecoveryChoice[] = backup ? [{ action: 'restore', label: `Restore the backup of ${describeBackup(backup)}` }] : [];
  // Salvage needs SQLite to read something; a file that is not a database has nothing to give.
  const salvage: RecoveryChoice[] = report.isSqlite ? [{ action: 'salvage', label: 'Salvage into a new case' }] : [];
  const kept =
    copyAside !== null
      ? `The file has not been changed, and a copy of it was put aside as ${basename(copyAside)}.`
      : 'The file has not been changed. (A copy could not be put aside: the folder may be read-only.)';
  const explain = [
    ...(backup ? [`Restore: the backup replaces the case; the current file is renamed aside, not deleted (${backups.length} backup(s) found).`] : []),
    ...(report.isSqlite ? ['Salvage: every entity, link, citation and note that can still be read is copied into a new case beside it.'] : []),
  ];

  if (report.health === 'newer_version') {
    return {
      title: 'Case from a newer version',
      message: `“${name}” was saved by a newer version of Analyst Workbench (case format ${report.formatVersion ?? '?'}; this version reads up to ${report.latestFormatVersion}).`,
      detail: [kept, 'Open it with the newer version to keep everything in it.', ...explain].join('\n\n'),
      // The right answer is usually the newer app: leaving is the default.
      choices: [leave, ...salvage, ...restore],
      cancelAction: leave.action as 'quit' | 'cancel',
      backup,
    };
  }
  if (report.health === 'not_a_case') {
    return {
      title: 'Not a case file',
      message: `“${name}” is not an Analyst Workbench case file.`,
      detail: [kept, ...(backup ? [explain[0] ?? ''] : [])].join('\n\n'),
      choices: [...restore, leave],
      cancelAction: leave.action as 'quit' | 'cancel',
      backup,
    };
  }
  return {
    title: 'Damaged case file',
    message: `“${name}” is damaged: ${report.summary.replace(/^The case file is damaged: /, '')}`,
    detail: [kept, ...explain].join('\n\n'),
    choices: [...restore, ...salvage, leave],
    cancelAction: leave.action as 'quit' | 'cancel',
    backup,
  };
}

const ASIDE_TAG: Record<string, string> = { damaged: 'damaged', not_a_case: 'unrecognised', newer_version: 'newer-version' };

/**
 * Copies (never moves) a file we could not open to `<file>.<why>-<content hash>` beside it, with
 * its -wal; into `fallbackDir` when its folder is read-only. The name comes from the content, so
 * trying to open the same file again does not pile up copies. Null when no copy could be made.
 */
export function putCopyAside(report: CaseCheckReport, fallbackDir: string | null): string | null {
  const { path } = report;
  let digest: string;
  try {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
  } catch {
    return null;
  }
  const name = `${basename(path)}.${ASIDE_TAG[report.health] ?? 'unopened'}-${digest}`;
  for (const folder of [dirname(path), fallbackDir]) {
    if (folder === null) continue;
    const target = join(folder, name);
    if (existsSync(target)) return target;
    try {
      mkdirSync(folder, { recursive: true });
      copyFileSync(path, target, constants.COPYFILE_EXCL);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${target}-wal`, constants.COPYFILE_EXCL);
      return target;
    } catch {
      // Read-only folder, full disk: try the next place.
    }
  }
  return null;
}

/** Where a salvaged case goes: beside the damaged one, `<name> (recovered <time>).awcase`. */
export function salvageTargetPath(path: string, now: Date): string {
  const extension = extname(path) || '.awcase';
  const stem = basename(path, extname(path));
  return join(dirname(path), `${stem} (recovered ${fileStamp(now)})${extension}`);
}

export interface CaseRecoveryDeps {
  session: CaseSession;
  /** Shows the plan and returns the analyst's choice (the Electron message box). */
  ask: (plan: RecoveryPlan) => Promise<RecoveryAction>;
  /** Leaves the app (at start-up, when there is nothing else to show). */
  quit: () => void;
  /** Tells the analyst what a salvage recovered. */
  reportSalvage?: (report: SalvageReport) => Promise<void> | void;
  storeOptions?: OpenOptions;
  /** Where a copy goes when the case's folder is read-only (the app's user-data folder). */
  fallbackDir?: string | null;
  now?: () => Date;
}

export interface CaseRecovery {
  /** Opens a case; if it is damaged, foreign or newer, puts a copy aside and offers the choices. */
  open(path: string): Promise<CaseInfo>;
  /**
   * Puts a backup in the place of the open case (File > Restore Backup…): closes it, restores
   * (the current file is renamed aside), and opens the result. If the restore fails, the case is
   * opened again as it was and the error is thrown.
   */
  restoreOpenCase(backupPath: string): Promise<{ info: CaseInfo; setAside: string | null }>;
}

/** The confirmation for File > Restore Backup…: what will happen, in words. */
export function planRestoreOfOpenCase(casePath: string, backup: BackupInfo | null, backupPath: string): { message: string; detail: string } {
  const when = backup ? ` of ${describeBackup(backup)}` : '';
  return {
    message: `Replace “${basename(casePath)}” with the backup${when}?`,
    detail:
      `The case is closed and ${basename(backupPath)} takes its place. The current file is not deleted: ` +
      `it is renamed to ${basename(casePath)}.before-restore-<time> beside it.`,
  };
}

export function createCaseRecovery(deps: CaseRecoveryDeps): CaseRecovery {
  const now = () => deps.now?.() ?? new Date();
  return {
    async open(path) {
      try {
        return deps.session.open(path);
      } catch (error) {
        if (!(error instanceof WorkbenchFailure) || error.code !== 'unsupported') throw error;
        const report = checkCaseFile(path, deps.storeOptions);
        if (!needsRecovery(report)) throw error;
        const atStartup = deps.session.current() === null;
        const copyAside = putCopyAside(report, deps.fallbackDir ?? null);
        const plan = planRecovery({ report, backups: listBackups(path), copyAside, atStartup });
        const action = await deps.ask(plan);
        if (action === 'restore' && plan.backup) {
          await restoreBackup(path, plan.backup.path, { ...deps.storeOptions, now: now() });
          return deps.session.open(path);
        }
        if (action === 'salvage' && report.isSqlite) {
          const target = salvageTargetPath(path, now());
          // Read from the copy when there is one: the original is not even opened again.
          const salvaged = salvageCase(copyAside ?? path, target, deps.storeOptions);
          const info = deps.session.open(target);
          await deps.reportSalvage?.(salvaged);
          return info;
        }
        if (action === 'quit') deps.quit();
        throw new WorkbenchFailure('cancelled', 'Cancelled.');
      }
    },

    async restoreOpenCase(backupPath) {
      const current = deps.session.current();
      if (!current) throw new WorkbenchFailure('no_case', 'No case is open: open the case whose backup you want to restore.');
      const report = checkCaseFile(backupPath, deps.storeOptions);
      if (report.health !== 'ok') throw new WorkbenchFailure('unsupported', `That backup cannot be restored: ${report.summary}`);
      deps.session.close();
      let setAside: string | null;
      try {
        ({ setAside } = await restoreBackup(current.path, backupPath, { ...deps.storeOptions, now: now() }));
      } catch (error) {
        deps.session.open(current.path);
        const reason = error instanceof Error ? error.message : 'an unknown error';
        throw new WorkbenchFailure('storage', `The backup was not restored (${reason}); the case is open as it was.`);
      }
      return { info: deps.session.open(current.path), setAside };
    },
  };
}

/** A one-paragraph account of a salvage for the analyst. */
export function describeSalvage(report: SalvageReport): string {
  const damaged = report.tables.filter((t) => t.damaged).map((t) => t.table.replace('_', ' '));
  const refused = report.tables.reduce((sum, t) => sum + t.refused, 0);
  const count = (table: string) => report.tables.find((t) => t.table === table)?.written ?? 0;
  return [
    `Recovered ${count('entities')} entities, ${count('links')} links, ${count('citations')} citations and ${count('notes')} notes into ${basename(report.target)}.`,
    damaged.length > 0 ? `Some rows of ${damaged.join(', ')} could not be read and are missing.` : 'Every row could be read.',
    refused > 0 ? `${refused} row(s) were left out because what they belonged to was lost.` : '',
  ]
    .filter((line) => line.length > 0)
    .join(' ');
}
