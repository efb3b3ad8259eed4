import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sha256, setLastCase, trackProcessListeners } from './testing/mainProcess';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../app/result';
import { listBackups, takeRollingBackup } from '../../db/backup';
import { openCaseFile } from '../../db/caseFile';
import { createSampleCase } from '../../db/samples';
import { damageTablePages } from '../../db/testing/damage';

/**
 * The Electron main process meeting damaged case files (against the stand-in `electron` module):
 * at start-up the last case is damaged and has a backup, and the analyst restores it; later a
 * damaged case without a backup is opened from the File menu and salvaged into a new case.
 * The damaged files are never changed; a copy of each is put aside.
 */

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => fake.module);

const { recorded } = fake;
const casesDir = path.join(recorded.workDir, 'cases');
const startupCase = path.join(casesDir, 'Op Sahel.awcase');
let startupBytes = '';
let restoreProcessListeners: () => void = () => undefined;

async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
  const handler = recorded.ipcHandlers.get(channel);
  const window = recorded.windows[0];
  if (!handler || !window) throw new Error(`no handler or window for ${channel}`);
  return (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, input)) as Result<unknown>;
}

async function damagedCase(file: string, withBackup: boolean): Promise<string> {
  createSampleCase(file, 'jnim');
  if (withBackup) {
    const store = openCaseFile(file);
    await takeRollingBackup(store.db, file);
    store.close();
  }
  damageTablePages(file, 'citations', 1);
  return sha256(file);
}

beforeAll(async () => {
  restoreProcessListeners = trackProcessListeners();
  mkdirSync(casesDir, { recursive: true });
  startupBytes = await damagedCase(startupCase, true);
  // The analyst last had this case open: the app reopens it at start-up.
  setLastCase(recorded.userData, startupCase, 'Op Sahel');
  recorded.messageBoxResponses.push(0); // the first choice: restore the backup
  await import('./main');
  fake.emitReady();
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});

afterAll(() => {
  fake.emitApp('will-quit');
  rmSync(recorded.workDir, { recursive: true, force: true });
  restoreProcessListeners();
});

describe('a damaged case at start-up', () => {
  it('asks once, with restore, salvage and quit, saying the file is unchanged and a copy was put aside', () => {
    expect(recorded.messageBoxes).toHaveLength(1);
    const [box] = recorded.messageBoxes;
    expect(box?.type).toBe('warning');
    expect(box?.title).toBe('Damaged case file');
    expect(box?.message).toMatch(/^“Op Sahel\.awcase” is damaged: /);
    expect(box?.buttons).toEqual([expect.stringMatching(/^Restore the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/), 'Salvage into a new case', 'Quit']);
    expect(box?.cancelId).toBe(2);
    expect(box?.detail).toMatch(/has not been changed, and a copy of it was put aside as Op Sahel\.awcase\.damaged-/);
    expect(recorded.errorBoxes).toEqual([]);
  });

  it('restores the backup and opens it; the damaged file is kept aside byte-identical, never deleted', async () => {
    expect(await invoke('case.current', undefined)).toMatchObject({ ok: true, value: { path: startupCase, counts: { entities: 74 } } });
    const files = readdirSync(casesDir);
    const setAside = files.find((name) => name.startsWith('Op Sahel.awcase.before-restore-'));
    const copy = files.find((name) => name.startsWith('Op Sahel.awcase.damaged-'));
    expect(sha256(path.join(casesDir, setAside ?? ''))).toBe(startupBytes);
    expect(sha256(path.join(casesDir, copy ?? ''))).toBe(startupBytes);
    expect(recorded.quitCalls).toBe(0);
    // The restored case is backed up again only once the newest backup is no longer recent.
    expect(listBackups(startupCase)).toHaveLength(1);
  });
});

describe('a damaged case without a backup, opened with File › Open case', () => {
  it('salvages it into a new case beside it, opens that, and says what was recovered', async () => {
    const damaged = path.join(casesDir, 'Op Niger.awcase');
    const bytes = await damagedCase(damaged, false);
    const boxes = recorded.messageBoxes.length;
    recorded.messageBoxResponses.push(0, 0); // salvage; then OK on the report
    recorded.nextOpenDialogPath = damaged;
    // File › Open case… runs in the window, which asks main for its open dialog.
    const opened = await invoke('case.open', {});
    expect(opened).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(recorded.messageBoxes.length).toBe(boxes + 2));

    const [question, report] = recorded.messageBoxes.slice(boxes);
    // Another case is open: leaving means cancel, not quit.
    expect(question?.buttons).toEqual(['Salvage into a new case', 'Cancel']);
    expect(report?.title).toBe('Case salvaged');
    expect(report?.detail).toMatch(/^Recovered 74 entities, \d+ links, \d+ citations and \d+ notes into Op Niger \(recovered .*\)\.awcase\. Some rows of citations could not be read/);

    const current = await invoke('case.current', undefined);
    expect(current).toMatchObject({ ok: true, value: { counts: { entities: 74 } } });
    const openedPath = current.ok ? (current.value as { path: string }).path : '';
    expect(path.basename(openedPath)).toMatch(/^Op Niger \(recovered \d{4}-.*\)\.awcase$/);
    expect(sha256(damaged)).toBe(bytes);
    // The salvaged case is the one the window was told about, and it gets its own first backup.
    const sent = recorded.windows[0]?.webContents.sent.filter((m) => m.channel === 'case.changed').at(-1);
    expect(sent?.payload).toMatchObject({ path: openedPath });
    await vi.waitFor(() => expect(listBackups(openedPath)).toHaveLength(1));
    expect(recorded.errorBoxes).toEqual([]);
  });
});
