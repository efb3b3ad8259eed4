import { BackupError, nextBackupPath, pruneBackups, BACKUPS_TO_KEEP, writeBackup } from '../../db/backup';
import { checkCaseFile } from '../../db/caseCheck';
import { openForInspection } from '../../db/caseFile';
import { onePositional, parseCommandLine, type CliCommand, type Io } from './command';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: `  workbench backup <case> [-o <file>]
      Back the case up with SQLite's backup API and check the copy with
      integrity_check. Without -o, into <case>.backups/ beside it, where the
      newest ${BACKUPS_TO_KEEP} are kept. Never overwrites a file; reads the case only.`,
  run: backup,
};

async function backup(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { output: { type: 'string', short: 'o' } });
  const path = onePositional(positionals, 'case file path');
  const report = checkCaseFile(path);
  if (report.health !== 'ok') {
    throw new BackupError(`${path} was not backed up: ${report.summary} (a backup would copy the damage; see "workbench check").`);
  }
  const output = values.output as string | undefined;
  const db = openForInspection(path);
  let written;
  try {
    written = await writeBackup(db, output ?? nextBackupPath(path, new Date()));
  } finally {
    db.close();
  }
  const removed = output === undefined ? pruneBackups(path, BACKUPS_TO_KEEP) : [];
  io.out(`Backed up ${path} to ${written.path} (${Math.ceil(written.bytes / 1024)} KiB, integrity checked).`);
  if (removed.length > 0) io.err(`Removed ${removed.length} older backup(s), keeping the newest ${BACKUPS_TO_KEEP}.`);
  return 0;
}
