import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartData } from '../app/contract';
import type { Result } from '../app/result';
import { exportCaseDocument } from '../db/exportCase';
import { createSampleCase } from '../db/samples';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { scriptedDialogs } from './testing/handlerHarness';
import { RecentCases } from './recentCases';

/**
 * A full disk, simulated with SQLite's max_page_count (the file may not grow: SQLITE_FULL, as a
 * full disk gives): the failing save answers with a clear `storage` error, everything saved
 * before is intact, and the same input saves once there is room again.
 */

let scripted: ReturnType<typeof scriptedDialogs>;
let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let logged: unknown[];
let call: (channel: string, input?: unknown) => Promise<Result<unknown>>;

beforeEach(() => {
  tmp = tempFolder('awb-full-');
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

function contentHash(): string {
  const { exportedAt: _exportedAt, ...content } = exportCaseDocument(session.requireStore().db);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Lets the case file grow by at most `pages` more pages (the disk is "full" after that). Pages the
 * file already holds free (FTS5 merges leave some) are used first, as on a real full disk: they
 * are compacted away first, so that the write under test needs new pages.
 */
function limitGrowth(pages: number): void {
  const { db } = session.requireStore();
  if (pages === 0) db.exec('VACUUM');
  const used = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${used + pages}`);
}

async function openJnim(): Promise<ChartData> {
  const path = tmp.file('JNIM.awcase');
  createSampleCase(path, 'jnim');
  scripted.answer(path);
  expect((await call('case.open', {})).ok).toBe(true);
  const loaded = await call('chart.load');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value as ChartData;
}

describe('a full disk', () => {
  it('refuses a layout save with a clear sentence, keeps earlier data, and saves the same input on retry', async () => {
    const chart = await openJnim();
    const first = chart.entities.slice(0, 10).map((e, i) => ({ entityId: e.id, x: i, y: i }));
    expect(await call('chart.savePositions', { chartId: chart.chartId, positions: first })).toEqual({ ok: true, value: { saved: 10 } });
    // The others off the chart, so that placing them writes new rows (a position of an entity
    // already on the chart is rewritten in place and may need no new page).
    expect((await call('chart.removeEntities', { chartId: chart.chartId, entityIds: chart.entities.slice(10).map((e) => e.id) })).ok).toBe(true);
    const before = contentHash();

    limitGrowth(0);
    const layout = { chartId: chart.chartId, positions: chart.entities.map((e, i) => ({ entityId: e.id, x: i * 100.5, y: -i * 3.25 })) };
    const refused = await call('chart.savePositions', layout);
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (refused.ok) throw new Error('saved on a full disk');
    expect(refused.error.message).toMatch(/^Nothing was saved: the disk that holds the case file is full\./);
    expect(refused.error.message).not.toContain(tmp.dir);
    // Not an internal error: nothing to log, and the case reads as it was.
    expect(logged).toEqual([]);
    expect(contentHash()).toBe(before);
    const reloaded = await call('chart.load');
    expect(reloaded.ok && (reloaded.value as ChartData).positions).toHaveLength(10);

    // Space is freed; the very same input (kept by the caller) now saves.
    limitGrowth(10_000);
    expect(await call('chart.savePositions', layout)).toEqual({ ok: true, value: { saved: chart.entities.length } });
    const after = await call('chart.load');
    expect(after.ok && (after.value as ChartData).positions).toHaveLength(chart.entities.length);
    expect(session.requireStore().db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the case open and working: a write that fits still saves while the disk is full', async () => {
    const chart = await openJnim();
    expect((await call('chart.removeEntities', { chartId: chart.chartId, entityIds: chart.entities.map((e) => e.id) })).ok).toBe(true);
    limitGrowth(0);
    const layout = { chartId: chart.chartId, positions: chart.entities.map((e, i) => ({ entityId: e.id, x: i, y: i })) };
    expect(await call('chart.savePositions', layout)).toMatchObject({ ok: false, error: { code: 'storage' } });
    // A viewport change rewrites a row in place: it needs no new page, so it saves.
    expect(await call('chart.saveViewport', { chartId: chart.chartId, viewport: { zoom: 2, panX: 1, panY: -1 } })).toEqual({
      ok: true,
      value: null,
    });
    const loaded = await call('chart.load');
    expect(loaded).toMatchObject({ ok: true, value: { viewport: { zoom: 2, panX: 1, panY: -1 }, positions: [] } });
    expect(await call('case.current')).toMatchObject({ ok: true, value: { counts: { entities: chart.entities.length } } });
  });
});
