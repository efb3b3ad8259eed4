import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupFolderFor,
  listBackups,
  nextBackupPath,
  pruneBackups,
  restoreBackup,
  takeRollingBackup,
  writeBackup,
} from './backup';
import { checkCaseFile } from './caseCheck';
import { createCaseFile, openCaseFile } from './caseFile';
import { insertEntity, listEntities } from './entities';
import { exportCaseDocument } from './exportCase';
import { createSampleCase } from './samples';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const labels = (path: string) => {
  const store = openCaseFile(path, { readonly: true });
  try {
    return listEntities(store.db).map((e) => e.label);
  } finally {
    store.close();
  }
};

describe('writing a backup', () => {
  it('writes a checked, self-contained copy of an open case with writes still in its log', async () => {
    const path = tmp.file('Sahel.awcase');
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path);
    insertEntity(store.db, { type: 'person', label: 'Added after opening' });
    const expected = exportCaseDocument(store.db);

    const destination = tmp.file('copy.awcase');
    const backup = await writeBackup(store.db, destination);
    store.close();

    expect(backup.path).toBe(destination);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(existsSync(`${destination}-wal`)).toBe(false);
    expect(checkCaseFile(destination).health).toBe('ok');
    const copy = openCaseFile(destination, { readonly: true });
    const { exportedAt: _a, ...copied } = exportCaseDocument(copy.db);
    const { exportedAt: _b, ...original } = expected;
    expect(copied).toEqual(original);
    copy.close();
    // Nothing half-written is left behind.
    expect(readdirSync(tmp.dir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('never replaces an existing file', async () => {
    const store = createCaseFile(tmp.file('a.awcase'), { name: 'A' });
    const existing = tmp.file('taken.awcase');
    writeFileSync(existing, 'not yours');
    await expect(writeBackup(store.db, existing)).rejects.toThrow(BackupError);
    expect(readFileSync(existing, 'utf8')).toBe('not yours');
    store.close();
  });
});

describe('rolling backups', () => {
  it('keeps the newest N in the folder beside the case, newest first', async () => {
    const path = tmp.file('Rolling.awcase');
    const store = createCaseFile(path, { name: 'Rolling' });
    const taken: string[] = [];
    for (let i = 0; i < 5; i++) {
      insertEntity(store.db, { type: 'person', label: `Person ${i}` });
      const { backup, removed } = await takeRollingBackup(store.db, path, { keep: 3, now: new Date(Date.UTC(2025, 0, 1, 9, 0, i)) });
      taken.push(backup.path);
      expect(removed).toEqual(i >= 3 ? [taken[i - 3]] : []);
    }
    store.close();

    const kept = listBackups(path);
    expect(kept.map((b) => b.path)).toEqual([taken[4], taken[3], taken[2]]);
    expect(kept[0]?.takenAt).toBe('2025-01-01T09:00:04.000Z');
    expect(kept.every((b) => b.path.startsWith(backupFolderFor(path)))).toBe(true);
    // Each backup holds the case as it was when it was taken.
    expect(labels(kept[2]?.path ?? '')).toEqual(['Person 0', 'Person 1', 'Person 2']);
  });

  it('gives two backups in the same millisecond different names, and prunes nothing else', async () => {
    const path = tmp.file('Same.awcase');
    const store = createCaseFile(path, { name: 'Same' });
    const at = new Date(Date.UTC(2025, 5, 1));
    const first = await takeRollingBackup(store.db, path, { now: at });
    const second = await takeRollingBackup(store.db, path, { now: at });
    store.close();
    expect(first.backup.path).not.toBe(second.backup.path);
    expect(listBackups(path).map((b) => b.path)).toEqual([second.backup.path, first.backup.path]);

    const stranger = `${backupFolderFor(path)}/my own notes.txt`;
    writeFileSync(stranger, 'keep me');
    expect(pruneBackups(path, 1)).toEqual([first.backup.path]);
    expect(existsSync(stranger)).toBe(true);
    expect(nextBackupPath(path, at)).not.toBe(second.backup.path);
  });
});

describe('restoring a backup', () => {
  it('sets the current file aside with its log, never deleting it, and puts the backup in its place', async () => {
    const live = tmp.file('Live.awcase');
    const store = createCaseFile(live, { name: 'Case' });
    insertEntity(store.db, { type: 'person', label: 'In the backup' });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const path = tmp.file('Case.awcase');
    const { backup } = await takeRollingBackup(store.db, path);
    insertEntity(store.db, { type: 'person', label: 'After the backup' });
    // The case as a crash leaves it: the later write only in its log, which must move with the file.
    copyFileSync(live, path);
    copyFileSync(`${live}-wal`, `${path}-wal`);
    store.close();
    const beforeBytes = sha256(path);
    const beforeWal = sha256(`${path}-wal`);

    const result = await restoreBackup(path, backup.path, { now: new Date(Date.UTC(2025, 2, 3, 4, 5, 6, 7)) });
    expect(result.setAside).toBe(`${path}.before-restore-2025-03-03T04-05-06-007Z`);
    const aside = result.setAside ?? '';
    expect(sha256(aside)).toBe(beforeBytes);
    expect(sha256(`${aside}-wal`)).toBe(beforeWal);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(labels(path)).toEqual(['In the backup']);
    expect(checkCaseFile(path).health).toBe('ok');
    // The file set aside still opens with every write it had.
    expect(labels(aside)).toEqual(['After the backup', 'In the backup']);
  });

  it('refuses a damaged backup and leaves the case untouched', async () => {
    const path = tmp.file('Case.awcase');
    createCaseFile(path, { name: 'Case' }).close();
    const before = sha256(path);
    const bogus = tmp.file('bogus.awcase');
    writeFileSync(bogus, 'SQLite format 3\u0000'.padEnd(8192, 'x'));
    await expect(restoreBackup(path, bogus)).rejects.toThrow(/cannot be restored/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(tmp.dir).sort()).toEqual(['Case.awcase', 'bogus.awcase']);
  });
});
