import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchFailure } from '../app/result';
import { listBackups, takeRollingBackup } from '../db/backup';
import type { CaseCheckReport } from '../db/caseCheck';
import { createCaseFile, openCaseFile } from '../db/caseFile';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { createSampleCase } from '../db/samples';
import { damageTablePages } from '../db/testing/damage';
import { tempFolder } from '../db/testing/tempCase';
import {
  createCaseRecovery,
  describeSalvage,
  needsRecovery,
  planRecovery,
  planRestoreOfOpenCase,
  putCopyAside,
  salvageTargetPath,
  type RecoveryAction,
  type RecoveryPlan,
} from './caseRecovery';
import { CaseSession } from './caseSession';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
beforeEach(() => {
  tmp = tempFolder('awb-recovery-');
  session = new CaseSession();
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function report(overrides: Partial<CaseCheckReport>): CaseCheckReport {
  return {
    path: '/cases/Op Sahel.awcase',
    health: 'damaged',
    isSqlite: true,
    formatVersion: 30,
    latestFormatVersion: LATEST_SCHEMA_VERSION,
    integrityProblems: ['Tree 12 page 40: btreeInitPage() returns error code 11'],
    foreignKeyProblems: 0,
    summary: 'The case file is damaged: 1 problem(s) in its pages.',
    ...overrides,
  };
}

const backup = { path: '/cases/Op Sahel.awcase.backups/Op Sahel.2025-01-31T09-15-00-123Z.awcase', takenAt: '2025-01-31T09:15:00.123Z', bytes: 4096 };
const actions = (plan: RecoveryPlan) => plan.choices.map((c) => c.action);

describe('planning a recovery (pure)', () => {
  it('offers restore, salvage and quit for a damaged case at start-up, restore first', () => {
    const plan = planRecovery({ report: report({}), backups: [backup], copyAside: '/cases/Op Sahel.awcase.damaged-abc', atStartup: true });
    expect(actions(plan)).toEqual(['restore', 'salvage', 'quit']);
    expect(plan.cancelAction).toBe('quit');
    expect(plan.choices[0]?.label).toBe('Restore the backup of 2025-01-31 09:15 UTC');
    expect(plan.message).toBe('“Op Sahel.awcase” is damaged: 1 problem(s) in its pages.');
    expect(plan.detail).toMatch(/has not been changed, and a copy of it was put aside as Op Sahel\.awcase\.damaged-abc\./);
    expect(plan.detail).toMatch(/renamed aside, not deleted/);
    expect(plan.detail).not.toContain('/cases/');
  });

  it('offers cancel rather than quit when another case is open, and no restore without a backup', () => {
    const plan = planRecovery({ report: report({}), backups: [], copyAside: null, atStartup: false });
    expect(actions(plan)).toEqual(['salvage', 'cancel']);
    expect(plan.detail).toMatch(/could not be put aside/);
  });

  it('makes leaving the default for a newer case, and never offers salvage of a non-database', () => {
    const newer = planRecovery({ report: report({ health: 'newer_version', formatVersion: 90 }), backups: [backup], copyAside: 'x', atStartup: true });
    expect(actions(newer)).toEqual(['quit', 'salvage', 'restore']);
    expect(newer.message).toMatch(/newer version .*case format 90/);

    const stranger = planRecovery({ report: report({ health: 'not_a_case', isSqlite: false }), backups: [], copyAside: 'x', atStartup: false });
    expect(actions(stranger)).toEqual(['cancel']);
    const strangerWithBackups = planRecovery({ report: report({ health: 'not_a_case', isSqlite: false }), backups: [backup], copyAside: 'x', atStartup: true });
    expect(actions(strangerWithBackups)).toEqual(['restore', 'quit']);
  });

  it('recovers only damaged, foreign or newer files', () => {
    expect(needsRecovery(report({ health: 'damaged' }))).toBe(true);
    expect(needsRecovery(report({ health: 'newer_version' }))).toBe(true);
    expect(needsRecovery(report({ health: 'not_a_case' }))).toBe(true);
    expect(needsRecovery(report({ health: 'ok' }))).toBe(false);
    expect(needsRecovery(report({ health: 'missing' }))).toBe(false);
    expect(needsRecovery(report({ health: 'unreadable' }))).toBe(false);
  });

  it('names a salvaged case beside the damaged one', () => {
    expect(salvageTargetPath('/cases/Op Sahel.awcase', new Date(Date.UTC(2025, 1, 2, 3, 4, 5, 6)))).toBe(
      '/cases/Op Sahel (recovered 2025-02-02T03-04-05-006Z).awcase',
    );
  });
});

describe('putting a copy aside', () => {
  it('copies, never moves, once per content, and falls back when the folder is read-only', () => {
    const path = tmp.file('Case.awcase');
    writeFileSync(path, 'SQLite format 3\u0000 and then garbage');
    const bytes = sha256(path);
    const first = putCopyAside(report({ path, health: 'damaged' }), null);
    expect(first).toMatch(/Case\.awcase\.damaged-[0-9a-f]{12}$/);
    expect(sha256(path)).toBe(bytes);
    expect(sha256(first ?? '')).toBe(bytes);
    expect(putCopyAside(report({ path, health: 'damaged' }), null)).toBe(first);

    if (process.getuid?.() !== 0) {
      // Root ignores permissions: only meaningful for an ordinary user.
      const locked = join(tmp.dir, 'locked');
      mkdirSync(locked);
      const inLocked = join(locked, 'Case.awcase');
      writeFileSync(inLocked, 'x');
      chmodSync(locked, 0o555);
      const fallback = join(tmp.dir, 'fallback');
      expect(putCopyAside(report({ path: inLocked, health: 'newer_version' }), fallback)).toMatch(/fallback\/Case\.awcase\.newer-version-/);
      chmodSync(locked, 0o755);
    }
  });
});

describe('opening a damaged case', () => {
  async function prepare(withBackup: boolean): Promise<{ path: string; bytes: string }> {
    const path = tmp.file('Case.awcase');
    createSampleCase(path, 'jnim');
    if (withBackup) {
      const store = openCaseFile(path);
      await takeRollingBackup(store.db, path);
      store.close();
    }
    damageTablePages(path, 'citations', 1);
    return { path, bytes: sha256(path) };
  }

  function recovery(answer: RecoveryAction, asked: RecoveryPlan[], quits: number[] = []) {
    return createCaseRecovery({
      session,
      ask: (plan) => {
        asked.push(plan);
        return Promise.resolve(answer);
      },
      quit: () => quits.push(1),
      now: () => new Date(Date.UTC(2025, 3, 4, 5, 6, 7, 8)),
    });
  }

  it('restores the backup: the damaged file is renamed aside byte-identical, a copy too, and the case opens', async () => {
    const { path, bytes } = await prepare(true);
    const asked: RecoveryPlan[] = [];
    const info = await recovery('restore', asked).open(path);
    expect(asked).toHaveLength(1);
    expect(info.path).toBe(path);
    expect(info.counts.entities).toBe(74);
    const files = readdirSync(tmp.dir);
    const aside = files.find((f) => f.includes('.before-restore-'));
    const copy = files.find((f) => f.includes('.damaged-'));
    expect(sha256(join(tmp.dir, aside ?? ''))).toBe(bytes);
    expect(sha256(join(tmp.dir, copy ?? ''))).toBe(bytes);
  });

  it('salvages into a new case beside it, leaving the damaged file byte-identical', async () => {
    const { path, bytes } = await prepare(false);
    const asked: RecoveryPlan[] = [];
    const info = await recovery('salvage', asked).open(path);
    expect(actions(asked[0] as RecoveryPlan)).toEqual(['salvage', 'quit']);
    expect(info.path).toBe(tmp.file('Case (recovered 2025-04-04T05-06-07-008Z).awcase'));
    expect(info.counts.entities).toBe(74);
    expect(info.counts.citations).toBeGreaterThan(0);
    expect(sha256(path)).toBe(bytes);
    expect(session.current()?.path).toBe(info.path);
  });

  it('quits at start-up, or cancels leaving the open case open; nothing is deleted either way', async () => {
    const { path, bytes } = await prepare(true);
    const quits: number[] = [];
    await expect(recovery('quit', [], quits).open(path)).rejects.toMatchObject({ code: 'cancelled' });
    expect(quits).toEqual([1]);

    const other = tmp.file('Other.awcase');
    createCaseFile(other, { name: 'Other' }).close();
    session.open(other);
    const asked: RecoveryPlan[] = [];
    await expect(recovery('cancel', asked).open(path)).rejects.toBeInstanceOf(WorkbenchFailure);
    expect(actions(asked[0] as RecoveryPlan)).toEqual(['restore', 'salvage', 'cancel']);
    expect(session.current()?.path).toBe(other);
    expect(sha256(path)).toBe(bytes);
    expect(listBackups(path)).toHaveLength(1);
    // One copy aside for the same damaged content, however often it is tried.
    expect(readdirSync(tmp.dir).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
  });

  it('does not get in the way of a missing file or a healthy one', async () => {
    const asked: RecoveryPlan[] = [];
    await expect(recovery('salvage', asked).open(tmp.file('missing.awcase'))).rejects.toMatchObject({ code: 'not_found' });
    const path = tmp.file('Fine.awcase');
    createCaseFile(path, { name: 'Fine' }).close();
    expect((await recovery('salvage', asked).open(path)).path).toBe(path);
    expect(asked).toEqual([]);
    expect(existsSync(`${path}.damaged`)).toBe(false);
  });

  it('describes a salvage in words', () => {
    const text = describeSalvage({
      target: '/x/Case (recovered).awcase',
      rowsSaved: 10,
      tables: [
        { table: 'entities', read: 5, written: 5, refused: 0, damaged: false },
        { table: 'citations', read: 3, written: 2, refused: 1, damaged: true },
      ],
    });
    expect(text).toBe(
      'Recovered 5 entities, 0 links, 2 citations and 0 notes into Case (recovered).awcase. Some rows of citations could not be read and are missing. 1 row(s) were left out because what they belonged to was lost.',
    );
  });
});

describe('restoring a backup of the open case', () => {
  const noQuestions = () =>
    createCaseRecovery({ session, ask: () => Promise.reject(new Error('not asked')), quit: () => undefined, now: () => new Date(Date.UTC(2025, 5, 6)) });

  it('asks in words, then replaces the open case and keeps the current file aside', async () => {
    expect(planRestoreOfOpenCase('/cases/Op.awcase', backup, backup.path)).toEqual({
      message: 'Replace “Op.awcase” with the backup of 2025-01-31 09:15 UTC?',
      detail:
        'The case is closed and Op Sahel.2025-01-31T09-15-00-123Z.awcase takes its place. The current file is not deleted: it is renamed to Op.awcase.before-restore-<time> beside it.',
    });
    const path = tmp.file('Case.awcase');
    createSampleCase(path, 'jnim');
    session.open(path);
    const { backup: taken } = await takeRollingBackup(session.requireStore().db, path);
    session.requireStore().db.prepare("DELETE FROM case_meta WHERE key = 'description'").run();
    const { info, setAside } = await noQuestions().restoreOpenCase(taken.path);
    expect(info.path).toBe(path);
    expect(setAside).toBe(`${path}.before-restore-2025-06-06T00-00-00-000Z`);
    expect(session.requireStore().db.prepare("SELECT count(*) FROM case_meta WHERE key = 'description'").pluck().get()).toBe(1);
  });

  it('refuses a damaged backup and leaves the case open as it was', async () => {
    const path = tmp.file('Case.awcase');
    createSampleCase(path, 'jnim');
    const copy = tmp.file('copy.awcase');
    const store = openCaseFile(path);
    await takeRollingBackup(store.db, path);
    store.close();
    const [taken] = listBackups(path);
    copyFileSync(taken?.path ?? '', copy);
    damageTablePages(copy, 'citations', 1);
    session.open(path);
    await expect(noQuestions().restoreOpenCase(copy)).rejects.toMatchObject({ code: 'unsupported', message: /cannot be restored/ });
    expect(session.current()?.path).toBe(path);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    session.close();
    await expect(noQuestions().restoreOpenCase(copy)).rejects.toMatchObject({ code: 'no_case' });
  });
});
