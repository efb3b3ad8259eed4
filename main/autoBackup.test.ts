import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../db/backup';
import { checkCaseFile } from '../db/caseCheck';
import { createCaseFile } from '../db/caseFile';
import { insertEntity } from '../db/entities';
import { tempFolder } from '../db/testing/tempCase';
import { AutoBackup, backupDueOnOpen, backupDueOnTick } from './autoBackup';
import { CaseSession } from './caseSession';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let clock: Date;
let logged: string[];

beforeEach(() => {
  tmp = tempFolder('awb-auto-');
  session = new CaseSession();
  clock = new Date(Date.UTC(2025, 0, 1, 9, 0, 0));
  logged = [];
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

function autoBackup(keep = 3): AutoBackup {
  return new AutoBackup({
    currentStore: () => (session.current() ? session.requireStore() : null),
    now: () => clock,
    keep,
    intervalMs: minutes(10),
    log: (line) => logged.push(line),
  });
}

describe('when a backup is due', () => {
  it('on open: unless the newest backup is younger than the interval', () => {
    const now = new Date('2025-01-01T10:00:00.000Z');
    const taken = (iso: string) => ({ path: 'x', takenAt: iso, bytes: 1 });
    expect(backupDueOnOpen(null, now, minutes(10))).toBe(true);
    expect(backupDueOnOpen(taken('2025-01-01T09:55:00.000Z'), now, minutes(10))).toBe(false);
    expect(backupDueOnOpen(taken('2025-01-01T09:45:00.000Z'), now, minutes(10))).toBe(true);
    // A clock set back makes the newest backup look like it is from the future: take one.
    expect(backupDueOnOpen(taken('2025-01-02T00:00:00.000Z'), now, minutes(10))).toBe(true);
  });

  it('on the timer: only after a change', () => {
    expect(backupDueOnTick(null, 0)).toBe(true);
    expect(backupDueOnTick(5, 5)).toBe(false);
    expect(backupDueOnTick(5, 6)).toBe(true);
  });
});

describe('automatic backups of the open case', () => {
  it('backs up on open, then on ticks only after changes, keeping the newest N, each checked', async () => {
    const path = tmp.file('Case.awcase');
    createCaseFile(path, { name: 'Case' }).close();
    session.open(path);
    const auto = autoBackup(3);

    expect((await auto.afterOpen()).kind).toBe('taken');
    advance(minutes(10));
    expect(await auto.tick()).toEqual({ kind: 'skipped', reason: 'no change since the last backup' });

    for (let i = 0; i < 4; i++) {
      insertEntity(session.requireStore().db, { type: 'person', label: `Person ${i}` });
      advance(minutes(10));
      expect((await auto.tick()).kind).toBe('taken');
    }
    const backups = listBackups(path);
    expect(backups).toHaveLength(3);
    expect(backups[0]?.takenAt).toBe(clock.toISOString());
    for (const backup of backups) expect(checkCaseFile(backup.path).health).toBe('ok');
    expect(logged).toEqual([]);
  });

  it('does not back up again on reopening within the interval, nor with no case open', async () => {
    const path = tmp.file('Case.awcase');
    createCaseFile(path, { name: 'Case' }).close();
    const auto = autoBackup();
    expect(await auto.afterOpen()).toEqual({ kind: 'skipped', reason: 'no case is open' });
    session.open(path);
    expect((await auto.afterOpen()).kind).toBe('taken');
    session.close();
    advance(minutes(3));
    session.open(path);
    expect(await auto.afterOpen()).toEqual({ kind: 'skipped', reason: 'a recent backup exists' });
    expect(await auto.tick()).toEqual({ kind: 'skipped', reason: 'no change since the last backup' });
    expect(listBackups(path)).toHaveLength(1);
  });

  it('runs one backup at a time, and a failure is logged without a path and changes nothing', async () => {
    const path = tmp.file('Case.awcase');
    createCaseFile(path, { name: 'Case' }).close();
    session.open(path);
    const auto = autoBackup();
    const first = auto.afterOpen();
    expect(await auto.tick()).toEqual({ kind: 'skipped', reason: 'a backup is running' });
    expect((await first).kind).toBe('taken');

    // The case is closed under a running backup (the analyst closed it): the backup fails quietly.
    insertEntity(session.requireStore().db, { type: 'person', label: 'Changed' });
    const interrupted = auto.tick();
    session.close();
    expect(await interrupted).toEqual({ kind: 'failed' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[workbench\] automatic backup failed: /);
    expect(logged[0]).not.toContain(tmp.dir);
    expect(listBackups(path)).toHaveLength(1);
  });
});
