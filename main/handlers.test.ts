import { putOnChart } from '../db/chartMembership';
import { defaultChart } from '../db/charts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartData, RecentCase } from '../app/contract';
import type { CaseInfo } from '../app/domain';
import { createCaseFile } from '../db/caseFile';
import { insertEntity } from '../db/entities';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers, type CaseDialogs } from './handlers';
import { RecentCases } from './recentCases';

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let events: [string, unknown][];
let dialogAnswers: (string | null)[];
let call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
let logged: string[];

beforeEach(() => {
  tmp = tempFolder();
  session = new CaseSession();
  events = [];
  dialogAnswers = [];
  logged = [];
  const dialogs: CaseDialogs = {
    chooseNewCasePath: () => Promise.resolve(dialogAnswers.shift() ?? null),
    chooseCaseToOpen: () => Promise.resolve(dialogAnswers.shift() ?? null),
  };
  const handlers = createHandlers({
    session,
    dialogs,
    recent: new RecentCases(tmp.file('recent.json')),
    emit: (event, payload) => events.push([event, payload]),
  });
  call = (channel, input) =>
    dispatch(handlers, channel, input, (name) => logged.push(name));
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

/** File › Open, choosing `path` in the dialog: the only way a path reaches case.open. */
function openInDialog(path: string) {
  dialogAnswers.push(path);
  return call('case.open', {});
}

function withEntities(name: string, labels: string[]): string {
  const path = tmp.file(name);
  const store = createCaseFile(path, { name: 'Fixture' });
  const ids = labels.map((label) => insertEntity(store.db, { type: 'person', label }).id);
  // On the chart too: chart.load returns the chart's entities, not every entity of the case.
  putOnChart(store.db, defaultChart(store.db).id, ids);
  store.close();
  return path;
}

describe('handlers through the IPC dispatcher', () => {
  it('rejects unknown channels and invalid input with invalid_input and the issue path', async () => {
    expect((await call('fs.readFile', {})).error?.code).toBe('invalid_input');
    const bad = await call('chart.savePositions', { chartId: 'c', positions: [{ entityId: 'e', x: 'left', y: 0 }] });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('invalid_input');
    expect(bad.error?.message).toMatch(/positions\.0\.x/);
    // The renderer cannot name a path: case.open takes a recent entry's id, case.new nothing.
    expect((await call('case.open', { path: '/x' })).error?.code).toBe('invalid_input');
    expect((await call('case.open', { recentId: '../../etc/passwd' })).error?.code).toBe('invalid_input');
    expect((await call('case.new', { path: tmp.file('x.awcase') })).error?.code).toBe('invalid_input');
  });

  it('answers no_case when nothing is open', async () => {
    expect(await call('case.current')).toEqual({ ok: true, value: null });
    expect((await call('chart.load')).error?.code).toBe('no_case');
  });

  it('opens a case, announces it, remembers it, and loads its chart', async () => {
    const path = withEntities('a.awcase', ['Alpha', 'Bravo']);
    const opened = await openInDialog(path);
    expect(opened.ok).toBe(true);
    expect((opened.value as CaseInfo).counts.entities).toBe(2);
    expect(events.map(([e]) => e)).toEqual(['case.changed']);
    const recent = await call('case.recent');
    expect(recent.value).toMatchObject([{ path, name: 'Fixture', exists: true }]);
    // Reopened from the recent list by its id, after another case.
    await openInDialog(withEntities('other.awcase', ['Charlie']));
    const [, first] = (await call('case.recent')).value as RecentCase[];
    expect(first?.path).toBe(path);
    expect(((await call('case.open', { recentId: first?.id })).value as CaseInfo).path).toBe(path);
    expect((await call('case.open', { recentId: '0123456789abcdef' })).error?.code).toBe('not_found');
    const chart = (await call('chart.load')).value as ChartData;
    expect(chart.entities.map((e) => e.label)).toEqual(['Alpha', 'Bravo']);
    expect(chart.positions).toEqual([]);
  });

  it('saves positions in one call and returns them with the chart', async () => {
    await openInDialog(withEntities('b.awcase', ['Alpha', 'Bravo']));
    const chart = (await call('chart.load')).value as ChartData;
    const [a, b] = chart.entities;
    const saved = await call('chart.savePositions', {
      chartId: chart.chartId,
      positions: [
        { entityId: a!.id, x: 1.5, y: 2 },
        { entityId: b!.id, x: -3, y: 4 },
        { entityId: 'deleted-meanwhile', x: 0, y: 0 },
      ],
    });
    expect(saved).toEqual({ ok: true, value: { saved: 2 } });
    await call('chart.saveViewport', { chartId: chart.chartId, viewport: { zoom: 1.25, panX: 10, panY: -20 } });
    const again = (await call('chart.load')).value as ChartData;
    expect(again.positions).toHaveLength(2);
    expect(again.viewport).toEqual({ zoom: 1.25, panX: 10, panY: -20 });
    expect((await call('chart.savePositions', { chartId: 'nope', positions: [] })).error?.code).toBe('not_found');
  });

  it('a cancelled dialog is a quiet "cancelled" and leaves the open case open', async () => {
    const path = withEntities('c.awcase', ['Alpha']);
    await openInDialog(path);
    dialogAnswers.push(null);
    expect((await call('case.open', {})).error?.code).toBe('cancelled');
    expect(((await call('case.current')).value as CaseInfo).path).toBe(path);
  });

  it('refuses a newer case with a clear message, keeps the current case open and the file untouched', async () => {
    const current = withEntities('current.awcase', ['Alpha']);
    await openInDialog(current);
    const future = tmp.file('future.awcase');
    const store = createCaseFile(future, { name: 'Future' });
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    store.close();
    const hash = createHash('sha256').update(readFileSync(future)).digest('hex');

    const result = await openInDialog(future);
    expect(result.error?.code).toBe('unsupported');
    expect(result.error?.message).toMatch(/newer version/);
    expect(createHash('sha256').update(readFileSync(future)).digest('hex')).toBe(hash);
    expect(((await call('case.current')).value as CaseInfo).path).toBe(current);
  });

  it('creates a new case through the dialog and refuses to overwrite a file', async () => {
    const path = tmp.file('New operation.awcase');
    dialogAnswers.push(path);
    const created = await call('case.new', {});
    expect(created.value).toMatchObject({ path, name: 'New operation', counts: { entities: 0 } });
    dialogAnswers.push(path);
    const again = await call('case.new', {});
    expect(again.error?.code).toBe('conflict');
  });

  it('closes the case and says so', async () => {
    await openInDialog(withEntities('d.awcase', ['Alpha']));
    expect(await call('case.close')).toEqual({ ok: true, value: null });
    expect(events.at(-1)).toEqual(['case.changed', null]);
    expect(await call('case.current')).toEqual({ ok: true, value: null });
  });

  it('answers not_found for an entity that is not there, without logging an internal error', async () => {
    await openInDialog(withEntities('e.awcase', ['Alpha']));
    expect((await call('entity.get', { id: 'missing' })).error?.code).toBe('not_found');
    expect(logged).toEqual([]);
  });
});
