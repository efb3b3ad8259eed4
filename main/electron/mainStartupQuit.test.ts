import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sha256, setLastCase, trackProcessListeners } from './testing/mainProcess';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCaseFile } from '../../db/caseFile';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';

/**
 * Start-up with a case from a newer version of the app as the last case: the analyst is told so,
 * and quitting (the default) quits without a window; the file is untouched and a copy is aside.
 */

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => fake.module);

const { recorded } = fake;
const casesDir = path.join(recorded.workDir, 'cases');
const newerCase = path.join(casesDir, 'From the future.awcase');
let bytes = '';
let restoreProcessListeners: () => void = () => undefined;

beforeAll(async () => {
  restoreProcessListeners = trackProcessListeners();
  mkdirSync(casesDir, { recursive: true });
  const store = createCaseFile(newerCase, { name: 'From the future' });
  store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
  store.close();
  bytes = sha256(newerCase);
  setLastCase(recorded.userData, newerCase, 'From the future');
  await import('./main');
  fake.emitReady();
  await vi.waitFor(() => expect(recorded.quitCalls).toBe(1));
});

afterAll(() => {
  fake.emitApp('will-quit');
  rmSync(recorded.workDir, { recursive: true, force: true });
  restoreProcessListeners();
});

describe('a case from a newer version at start-up', () => {
  it('says so, offers Quit first, and quitting leaves no window and the file as it was, with a copy aside', () => {
    expect(recorded.messageBoxes).toHaveLength(1);
    const [box] = recorded.messageBoxes;
    expect(box?.title).toBe('Case from a newer version');
    expect(box?.message).toMatch(/newer version of Analyst Workbench \(case format \d+; this version reads up to \d+\)/);
    expect(box?.buttons).toEqual(['Quit', 'Salvage into a new case']);
    expect(recorded.windows).toEqual([]);
    expect(recorded.errorBoxes).toEqual([]);
    expect(sha256(newerCase)).toBe(bytes);
    const copies = readdirSync(casesDir).filter((name) => name.startsWith('From the future.awcase.newer-version-'));
    expect(copies).toHaveLength(1);
    expect(sha256(path.join(casesDir, copies[0] ?? ''))).toBe(bytes);
    expect(readdirSync(casesDir).filter((name) => name.includes('recovered'))).toEqual([]);
  });
});
