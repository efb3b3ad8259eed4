import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseEdit } from '../../app/editing/types';
import type { ImportPreview, ImportReport } from '../../app/interchange/plan';
import type { Result } from '../../app/result';
import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { RecentCases } from '../recentCases';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let events: string[];
let payloads: unknown[];
let call: <T>(channel: string, input?: unknown) => Promise<Result<T>>;

beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-ix-handlers-');
  session = new CaseSession();
  events = [];
  payloads = [];
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: (event, payload) => {
      events.push(event);
      payloads.push(payload);
    },
  });
  call = <T>(channel: string, input?: unknown) => dispatch(handlers, channel, input, () => undefined) as Promise<Result<T>>;
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

describe('interchange channels', () => {
  it('previews, imports and exports through the IPC dispatcher', async () => {
    session.create(tmp.file('c.awcase'));
    const preview = await call<ImportPreview>('interchange.preview', { path: '../shared/fixtures/gexf/minimal.gexf', format: 'auto' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(session.current()?.counts.entities).toBe(0);
    const report = await call<ImportReport>('interchange.import', { previewId: preview.value.previewId, fileReliability: 'C' });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.created.entities).toBe(2);
    // Announced like every edit: case.edited with the ids it created, and one undoable step.
    const edit = payloads[events.indexOf('case.edited')] as CaseEdit;
    expect(edit).toMatchObject({ action: 'do', label: 'Import “minimal.gexf”' });
    expect(edit.changed.entities).toHaveLength(2);
    expect(edit.history.undoLabel).toBe('Import “minimal.gexf”');
    expect(session.current()?.counts.entities).toBe(2);
    const undone = await call<{ edit: CaseEdit | null }>('history.undo');
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value.edit?.changed.entities.sort()).toEqual([...edit.changed.entities].sort());
    expect(session.current()?.counts.entities).toBe(0);
    expect((await call('history.redo')).ok).toBe(true);
    expect(session.current()?.counts.entities).toBe(2);

    const out = tmp.file('out.graphml');
    const exported = await call<{ paths: string[] }>('interchange.export', { format: 'graphml', path: out });
    expect(exported.ok).toBe(true);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Hello');
  });

  it('turns a bad file into an unsupported error and a stale preview into a conflict', async () => {
    session.create(tmp.file('c.awcase'));
    const bad = await call('interchange.preview', { path: tmp.file('missing.graphml') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'unsupported' });
    const stale = await call('interchange.import', { previewId: 'nope' });
    if (!stale.ok) expect(stale.error.code).toBe('conflict');
    const invalid = await call('interchange.export', { format: 'pdf', path: 'x' });
    if (!invalid.ok) expect(invalid.error.code).toBe('invalid_input');
    expect((await call('interchange.cancel', { previewId: 'nope' })).ok).toBe(true);
  });

  it('task.cancel stops the reading of a large file at once: the preview answers "cancelled" and nothing is written', async () => {
    session.create(tmp.file('c.awcase'));
    // About 60 MB of i2-style rows: seconds of reading in the worker, so the cancel lands mid-read.
    const rows = Array.from({ length: 20_000 }, (_, i) => `Person ${i},person,associate_of,Person ${i + 1},person,2020-01-01,B2`).join('\n');
    const path = tmp.file('big.csv');
    writeFileSync(path, `Entity,Type,Link,Entity,Type,Date,Grade\n${Array.from({ length: 40 }, () => rows).join('\n')}\n`);
    const reading = call<ImportPreview>('interchange.preview', { path, format: 'csv', taskId: 'import-1' });
    await new Promise((r) => setTimeout(r, 300));
    const cancelled = await call<{ cancelled: boolean }>('task.cancel', { taskId: 'import-1' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const result = await reading;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'cancelled', message: 'Reading big.csv was cancelled. Nothing was imported.' });
    expect(session.current()?.counts.entities).toBe(0);
    // The task has ended: cancelling it again stops nothing.
    expect(await call<{ cancelled: boolean }>('task.cancel', { taskId: 'import-1' })).toEqual({ ok: true, value: { cancelled: false } });
  }, 60_000);
});
