import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../app/contract';
import { createSampleCase } from '../db/samples';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { createFileDrops } from './fileDrops';
import { createCaseOpener } from './handlers';
import { RecentCases } from './recentCases';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let events: [EventName, unknown][];
let clock: number;
beforeEach(() => {
  tmp = tempFolder();
  session = new CaseSession();
  events = [];
  clock = 1_000;
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

function drops() {
  const emit = (event: EventName, payload: unknown) => events.push([event, payload]);
  const opener = createCaseOpener({ session, recent: new RecentCases(tmp.file('recent.json')), emit });
  return createFileDrops({ opener, emit, now: () => clock });
}

const neverAsked = {
  chooseImportFile: () => Promise.resolve('asked the dialog'),
  chooseExportPath: () => Promise.resolve(null),
};

describe('files dropped on the window', () => {
  it('opens a dropped case file and says so to the window', async () => {
    const casePath = tmp.file('Dropped.awcase');
    createSampleCase(casePath, 'jnim');
    const outcome = await drops().dropped([casePath]);
    expect(session.current()?.path).toBe(casePath);
    expect(outcome).toEqual({ kind: 'opened', name: session.current()?.name });
    expect(events.map(([event]) => event)).toEqual(['case.changed']);
  });

  it('hands any other file to the next import, once, and only for a short while', async () => {
    const file = tmp.file('groups.stix.json');
    writeFileSync(file, '{}');
    const fileDrops = drops();
    expect(await fileDrops.dropped([file])).toEqual({ kind: 'importing', name: 'groups.stix.json' });
    expect(events).toEqual([['import.dropped', { fileName: 'groups.stix.json' }]]);
    const dialogs = fileDrops.importDialogs(neverAsked);
    expect(await dialogs?.chooseImportFile()).toBe(file);
    // Used once: the next import asks the dialog again.
    expect(await dialogs?.chooseImportFile()).toBe('asked the dialog');

    await fileDrops.dropped([file]);
    clock += 60_000;
    expect(await dialogs?.chooseImportFile()).toBe('asked the dialog');
  });

  it('refuses what is not a file, and opens only the first of several, saying so', async () => {
    const fileDrops = drops();
    expect(await fileDrops.dropped([])).toMatchObject({ kind: 'refused' });
    expect(await fileDrops.dropped([42, null])).toMatchObject({ kind: 'refused' });
    expect(await fileDrops.dropped([tmp.dir])).toMatchObject({ kind: 'refused', message: expect.stringMatching(/is not a file/) as unknown });
    expect(await fileDrops.dropped([tmp.file('missing.csv')])).toMatchObject({ kind: 'refused' });
    const a = tmp.file('a.csv');
    const b = tmp.file('b.csv');
    writeFileSync(a, 'x');
    writeFileSync(b, 'y');
    events = [];
    expect(await fileDrops.dropped([a, b])).toEqual({ kind: 'importing', name: 'a.csv' });
    expect(events[0]).toEqual(['app.notice', { text: '2 files were dropped: a.csv is opened; drop the others one at a time.' }]);
  });
});
