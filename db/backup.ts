import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { checkCaseFile } from './caseCheck';
import { openForInspection, type OpenOptions } from './caseFile';
import type { Db } from './types';

/**
 * Backups of a case file, written with SQLite's online backup API (a consistent snapshot of a case
 * that is open and being written, which a file copy is not) and checked with `integrity_check`
 * before they count.
 *
 * Where: in a folder beside the case, `<case file>.backups/` (e.g. `JNIM.awcase.backups/`). A
 * backup then travels with the case when the analyst copies or archives its folder, the CLI finds
 * it without knowing where the desktop app keeps its settings, and it sits on the same disk, so a
 * restore is a rename. The app keeps the last BACKUPS_TO_KEEP automatic backups of each case.
 */

/** How many rolling backups of one case are kept (older ones are removed after a new one checks out). */
export const BACKUPS_TO_KEEP = 10;

const CASE_EXTENSION = '.awcase';
/** `<name>.2025-01-31T09-15-00-123Z.awcase`: sortable, and legal on every file system. */
const STAMP_PATTERN = /^\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.awcase$/;

export interface BackupInfo {
  path: string;
  /** When the backup was taken (from its name), ISO-8601. */
  takenAt: string;
  bytes: number;
}

/** Why a backup or a restore did not happen; the message is a sentence for the analyst. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The folder of automatic backups of a case. */
export function backupFolderFor(casePath: string): string {
  return `${casePath}.backups`;
}

/** A file-system-safe form of an instant: `2025-01-31T09-15-00-123Z`. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

function caseBaseName(casePath: string): string {
  const name = basename(casePath);
  return extname(name).toLowerCase() === CASE_EXTENSION ? name.slice(0, -CASE_EXTENSION.length) : name;
}

/** A path for a new backup of `casePath` taken at `at`, in its backup folder, not yet taken. */
export function nextBackupPath(casePath: string, at: Date): string {
  const folder = backupFolderFor(casePath);
  const stem = `${caseBaseName(casePath)}.${fileStamp(at)}`;
  let candidate = join(folder, `${stem}${CASE_EXTENSION}`);
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, `${stem}-${n}${CASE_EXTENSION}`);
  return candidate;
}

/** The backups in a case's backup folder, newest first. */
export function listBackups(casePath: string): BackupInfo[] {
  const folder = backupFolderFor(casePath);
  if (!existsSync(folder)) return [];
  const prefix = `${caseBaseName(casePath)}.`;
  const found: (BackupInfo & { order: string })[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const match = STAMP_PATTERN.exec(name.slice(prefix.length - 1));
    if (!match?.[1]) continue;
    const path = join(folder, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    found.push({
      path,
      takenAt: stampToIso(match[1]),
      bytes: stats.size,
      order: `${match[1]}-${(match[2] ?? '1').padStart(6, '0')}`,
    });
  }
  found.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
  return found.map(({ order: _order, ...info }) => info);
}

/**
 * Writes a backup of an open case to `destination` (which must not exist) and checks it: the copy
 * is made under a temporary name, switched to a self-contained rollback-journal file, checked with
 * `integrity_check`, and only then renamed into place. A backup that fails its check is removed
 * (it is ours, and a bad backup is worse than none) and the error says why.
 */
export async function writeBackup(db: Db, destination: string, options: OpenOptions & { now?: Date } = {}): Promise<BackupInfo> {
  const takenAt = (options.now ?? new Date()).toISOString();
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; a backup never replaces a file.`);
  mkdirSync(dirname(destination), { recursive: true });
  const temp = `${destination}.partial-${process.pid}`;
  const removeTemp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  };
  try {
    await db.backup(temp);
    sealBackup(temp, options);
    const verdict = checkCaseFile(temp, options);
    if (verdict.health !== 'ok') {
      throw new BackupError(`The backup did not pass its integrity check (${verdict.summary}); it was not kept.`);
    }
    // Rename does not replace on every platform; refuse if someone took the name meanwhile.
    if (existsSync(destination)) throw new BackupError(`${destination} appeared while the backup was written; it was left alone.`);
    renameSync(temp, destination);
  } catch (error) {
    removeTemp();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be written: ${describe(error)}.`);
  }
  return { path: destination, takenAt, bytes: statSync(destination).size };
}

/** A backup is one self-contained file: rollback journal instead of WAL, so it needs no -wal beside it. */
function sealBackup(path: string, options: OpenOptions): void {
  const copy = new Database(path, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface RollingBackupResult {
  backup: BackupInfo;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
}

/** Takes a backup into the case's backup folder, then keeps only the newest `keep` there. */
export async function takeRollingBackup(
  db: Db,
  casePath: string,
  options: OpenOptions & { keep?: number; now?: Date } = {},
): Promise<RollingBackupResult> {
  const now = options.now ?? new Date();
  const backup = await writeBackup(db, nextBackupPath(casePath, now), { ...options, now });
  const removed = pruneBackups(casePath, options.keep ?? BACKUPS_TO_KEEP);
  return { backup, removed };
}

/** Removes all but the newest `keep` backups of a case; returns the paths removed. */
export function pruneBackups(casePath: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(casePath).slice(Math.max(1, keep))) {
    rmSync(old.path, { force: true });
    removed.push(old.path);
  }
  return removed;
}

export interface RestoreResult {
  /** Where the case file that was replaced now is (null when there was none). */
  setAside: string | null;
  restoredFrom: string;
}

/**
 * Puts a backup in the place of a case file. The backup is checked first; the current file (with
 * its -wal and -shm) is renamed to `<case>.before-restore-<time>`, never deleted or overwritten;
 * the backup is copied in under a temporary name with the backup API and renamed into place.
 * The case must not be open.
 */
export async function restoreBackup(casePath: string, backupPath: string, options: OpenOptions & { now?: Date } = {}): Promise<RestoreResult> {
  const verdict = checkCaseFile(backupPath, options);
  if (verdict.health !== 'ok') throw new BackupError(`That backup cannot be restored: ${verdict.summary}`);

  const temp = `${casePath}.restoring-${process.pid}`;
  const source = openForInspection(backupPath, options);
  try {
    await source.backup(temp);
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    throw new BackupError(`The backup could not be copied: ${describe(error)}; the case file was not touched.`);
  } finally {
    source.close();
  }

  const setAside = existsSync(casePath) ? putAside(casePath, `before-restore-${fileStamp(options.now ?? new Date())}`) : null;
  renameSync(temp, casePath);
  return { setAside, restoredFrom: backupPath };
}

/**
 * Renames a case file and its -wal/-shm to `<case>.<tag>` (SQLite finds a log by the file's name,
 * so they move together). Returns the new path of the case file.
 */
function putAside(casePath: string, tag: string): string {
  let aside = `${casePath}.${tag}`;
  for (let n = 2; existsSync(aside); n++) aside = `${casePath}.${tag}-${n}`;
  const moved: string[] = [];
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(casePath + suffix)) continue;
      renameSync(casePath + suffix, aside + suffix);
      moved.push(suffix);
    }
  } catch (error) {
    // A file set aside without its log would be missing writes: put everything back as it was.
    for (const suffix of moved.reverse()) renameSync(aside + suffix, casePath + suffix);
    throw new BackupError(`The case file could not be set aside (${describe(error)}); nothing was changed.`);
  }
  return aside;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : 'unknown error';
}
