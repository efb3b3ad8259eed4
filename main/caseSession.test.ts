import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInfo } from '../app/domain';
import { createCaseFile, readCaseHeader } from '../db/caseFile';
import { insertEntity } from '../db/entities';
import { damageTablePages } from '../db/testing/damage';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession, type CheckOutcome } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { RecentCases } from './recentCases';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A closed case with enough entities for its table to span many pages. */
function caseWithEntities(name: string, count = 600): string {
  const path = tmp.file(`${name}.awcase`);
  const store = createCaseFile(path, { name });
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) insertEntity(store.db, { type: 'person', label: `Person ${i}`, description: 'x'.repeat(200) });
  })();
  store.close();
  return path;
}

function handlersFor(session: CaseSession) {
  const notices: string[] = [];
  const changed: (CaseInfo | null)[] = [];
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: (event, payload) => {
      if (event === 'app.notice') notices.push((payload as { text: string }).text);
      if (event === 'case.changed') changed.push(payload as CaseInfo | null);
    },
  });
  return { handlers, notices, changed };
}

describe('a large case opens before its full check', () => {
  it('opens read-only at once, refuses a change with the reason, and becomes writable when the worker check passes', async () => {
    const path = caseWithEntities('Large');
    // Every file counts as large here; the check is the real one, on a worker thread.
    const session = new CaseSession({ fullCheckOnOpenBytes: 0 });
    const { handlers, notices, changed } = handlersFor(session);
    const outcomes: CheckOutcome[] = [];
    session.onChecked((outcome) => outcomes.push(outcome));

    const opened = session.open(path);
    expect(session.readOnlyReason()).toMatch(/still being checked/);
    // The window is told, so its status bar marks the case read-only while the check runs.
    expect(opened.readOnly).toEqual({ reason: session.readOnlyReason(), checking: true });
    expect(session.requireStore().db.readonly).toBe(true);
    // Reading works meanwhile.
    const search = await dispatch(handlers, 'search.query', { text: 'person 12' });
    expect(search.ok).toBe(true);
    const refused = await dispatch(handlers, 'case.setMarking', { marking: { kind: 'text', text: 'SECRET' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/still being checked.*Nothing was saved/);

    await session.whenChecked();
    expect(outcomes).toEqual([{ path, writable: true, message: null }]);
    expect(notices.at(-1)).toMatch(/can be changed now/);
    expect(session.readOnlyReason()).toBeNull();
    expect(changed.at(-1)).toMatchObject({ path, readOnly: null });
    expect(session.requireStore().db.readonly).toBe(false);
    expect(session.requireStore().db.pragma('journal_mode', { simple: true })).toBe('wal');
    const saved = await dispatch(handlers, 'case.setMarking', { marking: { kind: 'text', text: 'SECRET' } });
    expect(saved.ok).toBe(true);
    session.close();
  });

  it('keeps a case the worker check finds damaged read-only, and never writes it', async () => {
    const path = caseWithEntities('Damaged');
    // The entities table is not among the tables checked before the open: only the full check sees it.
    damageTablePages(path, 'entities', 2);
    const before = sha256(path);
    const session = new CaseSession({ fullCheckOnOpenBytes: 0 });
    const { handlers } = handlersFor(session);
    const outcomes: CheckOutcome[] = [];
    session.onChecked((outcome) => outcomes.push(outcome));

    session.open(path);
    await session.whenChecked();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ writable: false, message: expect.stringMatching(/is damaged .* has not been changed/) as unknown });
    expect(session.readOnlyReason()).toMatch(/is damaged/);
    expect(session.current()?.readOnly).toEqual({ reason: session.readOnlyReason(), checking: false });
    const refused = await dispatch(handlers, 'case.setMarking', { marking: { kind: 'text', text: 'SECRET' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/is damaged/);
    session.close();
    expect(sha256(path)).toBe(before);
  });

  it('checks a small case in full before it opens, as before (a damaged one is refused)', () => {
    const path = caseWithEntities('Small');
    damageTablePages(path, 'entities', 2);
    const before = sha256(path);
    const session = new CaseSession();
    expect(() => session.open(path)).toThrow(/damaged|could not be opened/);
    expect(sha256(path)).toBe(before);
    expect(readCaseHeader(path)).not.toBeNull();
  });

  it('forgets a check whose case was closed before it ended', async () => {
    const first = caseWithEntities('First', 50);
    const second = caseWithEntities('Second', 50);
    const releases: (() => void)[] = [];
    const session = new CaseSession({
      fullCheckOnOpenBytes: 0,
      checkInBackground: () => new Promise((resolve) => releases.push(() => resolve({ ok: true }))),
    });
    const outcomes: CheckOutcome[] = [];
    session.onChecked((outcome) => outcomes.push(outcome));
    session.open(first);
    const pending = session.whenChecked();
    session.close();
    session.open(second);
    expect(session.requireStore().path).toBe(second);
    releases[0]?.();
    await pending;
    // The first case's verdict changed nothing: the second is still open, still waiting for its own.
    expect(outcomes).toEqual([]);
    expect(session.requireStore().path).toBe(second);
    expect(session.readOnlyReason()).toMatch(/still being checked/);
    releases[1]?.();
    await session.whenChecked();
    expect(outcomes).toEqual([{ path: second, writable: true, message: null }]);
    session.close();
  });
});
