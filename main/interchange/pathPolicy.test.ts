import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../app/interchange/graph';
import type { ImportPreview } from '../../app/interchange/plan';
import type { Result } from '../../app/result';
import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { RecentCases } from '../recentCases';
import type { InterchangeDialogs } from './handlers';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

const FIXTURE = resolve('../shared/fixtures/gexf/minimal.gexf');

/** Native dialogs that answer from queues and record what they were asked. */
class QueuedDialogs implements InterchangeDialogs {
  readonly importPaths: (string | null)[] = [];
  readonly exportPaths: (string | null)[] = [];
  readonly exportAsked: ExportFormat[] = [];
  chooseImportFile(): Promise<string | null> {
    return Promise.resolve(this.importPaths.shift() ?? null);
  }
  chooseExportPath(format: ExportFormat): Promise<string | null> {
    this.exportAsked.push(format);
    return Promise.resolve(this.exportPaths.shift() ?? null);
  }
}

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let dialogs: QueuedDialogs;
let call: <T>(channel: string, input?: unknown) => Promise<Result<T>>;

beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-ix-paths-');
  session = new CaseSession();
  dialogs = new QueuedDialogs();
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
    interchangeDialogs: dialogs,
  });
  call = <T>(channel: string, input?: unknown) => dispatch(handlers, channel, input, () => undefined) as Promise<Result<T>>;
  session.create(tmp.file('c.awcase'));
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

describe('interchange paths when the app has native dialogs', () => {
  it('imports the file picked in the open dialog, and may preview that file again', async () => {
    dialogs.importPaths.push(FIXTURE);
    const first = await call<ImportPreview>('interchange.preview', { format: 'auto' });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.file.path).toBe(FIXTURE);
    // Previewing again (as the CSV mapping step does) reuses the picked path without a dialog.
    const again = await call<ImportPreview>('interchange.preview', { path: first.value.file.path, format: 'gexf' });
    expect(again.ok).toBe(true);
  });

  it('refuses a path the analyst did not pick, without reading it', async () => {
    const refused = await call('interchange.preview', { path: FIXTURE });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input');
  });

  it('says cancelled when the open dialog is cancelled', async () => {
    dialogs.importPaths.push(null);
    const cancelled = await call('interchange.preview', {});
    if (!cancelled.ok) expect(cancelled.error.code).toBe('cancelled');
    expect(cancelled.ok).toBe(false);
  });

  it('writes an export only where the save dialog says; a path from the renderer is refused', async () => {
    const sneaky = tmp.file('chosen-by-renderer.graphml');
    const refused = await call('interchange.export', { format: 'graphml', path: sneaky });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input');
    expect(existsSync(sneaky)).toBe(false);
    expect(dialogs.exportAsked).toEqual([]);

    const chosen = tmp.file('chosen-in-dialog.graphml');
    dialogs.exportPaths.push(chosen);
    const exported = await call<{ paths: string[] }>('interchange.export', { format: 'graphml' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.paths).toEqual([chosen]);
    expect(existsSync(chosen)).toBe(true);
    expect(dialogs.exportAsked).toEqual(['graphml']);
  });
});
