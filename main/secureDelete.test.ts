import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../app/result';
import { createSampleCase } from '../db/samples';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { scriptedDialogs } from './testing/handlerHarness';
import { RecentCases } from './recentCases';

/**
 * A note deleted in the app leaves no trace in the case file, through the same channels the UI
 * uses. Undo keeps a deleted note's text in the history (so Undo can bring it back) until the
 * history is cleared; from then on its bytes are gone from the file and its log, and its words
 * from the search index.
 */

let scripted: ReturnType<typeof scriptedDialogs>;
let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let casePath: string;
let logged: unknown[];
let call: (channel: string, input?: unknown) => Promise<Result<unknown>>;

const CANARY = 'CANARY-asset-HAWTHORN-meets-handler';
const TOKEN = 'zqhawthorncanarytoken';

beforeEach(() => {
  tmp = tempFolder('awb-secure-delete-');
  casePath = tmp.file('JNIM.awcase');
  createSampleCase(casePath, 'jnim');
  session = new CaseSession();
  logged = [];
  scripted = scriptedDialogs();
  const handlers = createHandlers({
    session,
    dialogs: scripted.dialogs,
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
  });
  call = (channel, input) => dispatch(handlers, channel, input, (_channel, error) => logged.push(error));
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

function onDisk(text: string): boolean {
  const bytes = Buffer.concat([casePath, `${casePath}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

async function ok<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('deleting a note in the app', () => {
  it('leaves no trace in the file, its log or the search index once the undo history is cleared', async () => {
    scripted.answer(casePath);
    await ok('case.open', {});
    const note = await ok<{ id: string }>('note.create', { target: { kind: 'case' }, body: `${CANARY}: ${TOKEN} at the ferry.` });
    expect(onDisk(CANARY)).toBe(true);

    await ok('note.delete', { id: note.id });
    // Undo can still bring it back: the history holds it, by design.
    const undone = await call('history.undo');
    expect(undone.ok).toBe(true);
    const notes = await ok<{ id: string; body: string }[]>('note.list', {});
    expect(notes.some((n) => n.body.includes(CANARY))).toBe(true);
    await ok('note.delete', { id: note.id });

    await ok('history.clear');
    expect(onDisk(CANARY)).toBe(false);
    expect(onDisk(TOKEN)).toBe(false);
    const { db } = session.requireStore();
    db.exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'search_fts', 'row')");
    expect(db.prepare('SELECT term FROM temp.terms WHERE term = ?').all(TOKEN)).toEqual([]);
    db.exec('DROP TABLE temp.terms');
    expect(await ok<unknown[]>('search.query', { text: TOKEN })).toEqual([]);

    await ok('case.close');
    expect(onDisk(CANARY)).toBe(false);
    expect(onDisk(TOKEN)).toBe(false);
    expect(logged).toEqual([]);
  });
});
