import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../app/views';
import { CASE_APPLICATION_ID, createCaseFile, migrate, openCaseFile } from './caseFile';
import { chartPositions, defaultChart, saveChartPositions } from './charts';
import { pinnedEntities, setPinned } from './chartPins';
import { deleteEntitiesCommand } from './editing/entityCommands';
import { insertEntity } from './entities';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { deleteSavedView, listSavedViews, saveView } from './savedViews';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

/** A case file migrated only as far as `version`, as an older build left it. */
function caseAtVersion(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

describe('migration 0050: pins and saved views', () => {
  it('from 0040 with positions in it: every node unpinned where it was, no views', () => {
    const path = tmp.file('v40.awcase');
    const db = caseAtVersion(path, 40);
    const jnim = insertEntity(db, { type: 'armed_group', label: 'JNIM' });
    const iyad = insertEntity(db, { type: 'person', label: 'Iyad ag Ghali' });
    const chart = defaultChart(db);
    saveChartPositions(db, chart.id, [
      { entityId: jnim.id, x: 1.5, y: -2.25 },
      { entityId: iyad.id, x: 40, y: 12 },
    ]);

    migrate(db, 50);
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(chartPositions(db, chart.id)).toHaveLength(2);
    expect(pinnedEntities(db, chart.id)).toEqual([]);
    expect(listSavedViews(db, chart.id)).toEqual([]);
    db.close();

    // Opening it with this build brings it to the latest version with the same rows.
    const store = openCaseFile(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(chartPositions(store.db, chart.id)).toEqual(
      expect.arrayContaining([
        { entityId: jnim.id, x: 1.5, y: -2.25 },
        { entityId: iyad.id, x: 40, y: 12 },
      ]),
    );
    store.close();
  });

  it('refuses a pinned value other than 0 or 1, and a view whose filters are not a JSON object', () => {
    const db = caseAtVersion(tmp.file('c.awcase'), 50);
    const a = insertEntity(db, { type: 'person', label: 'A' });
    const chart = defaultChart(db);
    expect(() => db.prepare('INSERT INTO chart_nodes (chart_id, entity_id, x, y, pinned) VALUES (?, ?, 0, 0, 2)').run(chart.id, a.id)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO saved_views (id, chart_id, name, filters, created_at, updated_at) VALUES ('v', ?, 'x', '[1]', '', '')")
        .run(chart.id),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('pins', () => {
  it('pin where the node stands, unpin, and a later position save keeps the pin', () => {
    const store = createCaseFile(tmp.file('p.awcase'), { name: 'Test' });
    const db = store.db;
    const a = insertEntity(db, { type: 'person', label: 'A' });
    const b = insertEntity(db, { type: 'person', label: 'B' });
    const chart = defaultChart(db);
    expect(setPinned(db, chart.id, [{ entityId: a.id, x: 5, y: 6 }, { entityId: 'gone', x: 0, y: 0 }], true)).toBe(1);
    expect(pinnedEntities(db, chart.id)).toEqual([a.id]);
    expect(chartPositions(db, chart.id)).toEqual([{ entityId: a.id, x: 5, y: 6 }]);
    saveChartPositions(db, chart.id, [
      { entityId: a.id, x: 7, y: 8 },
      { entityId: b.id, x: 1, y: 1 },
    ]);
    expect(pinnedEntities(db, chart.id)).toEqual([a.id]);
    setPinned(db, chart.id, [{ entityId: a.id, x: 7, y: 8 }], false);
    expect(pinnedEntities(db, chart.id)).toEqual([]);
    store.close();
  });

  it('go with their entity when it is deleted', () => {
    const store = createCaseFile(tmp.file('d.awcase'), { name: 'Test' });
    const db = store.db;
    const a = insertEntity(db, { type: 'person', label: 'A' });
    const chart = defaultChart(db);
    setPinned(db, chart.id, [{ entityId: a.id, x: 0, y: 0 }], true);
    deleteEntitiesCommand(db, { ids: [a.id] });
    expect(pinnedEntities(db, chart.id)).toEqual([]);
    store.close();
  });
});

describe('saved views', () => {
  it('save by name (the same name replaces, keeping the id), list by name, delete', () => {
    const store = createCaseFile(tmp.file('v.awcase'), { name: 'Test' });
    const db = store.db;
    const chart = defaultChart(db);
    const first = saveView(db, { chartId: chart.id, name: ' Before the merger ', filters: { ...NO_FILTERS, asOf: '2016-12-31' }, layout: 'fcose', viewport: null });
    expect(first).toMatchObject({ name: 'Before the merger', layout: 'fcose', viewport: null, filters: { asOf: '2016-12-31' } });
    const strong = saveView(db, {
      chartId: chart.id,
      name: 'Strong evidence',
      filters: { ...NO_FILTERS, minGrade: 'C2', hiddenEntityTypes: ['place'] },
      layout: 'hierarchical',
      viewport: { zoom: 1.5, panX: 10, panY: -20 },
    });
    const replaced = saveView(db, { chartId: chart.id, name: 'Before the merger', filters: NO_FILTERS, layout: null, viewport: null });
    expect(replaced.id).toBe(first.id);
    expect(listSavedViews(db, chart.id).map((v) => [v.name, v.layout, v.filters.minGrade, v.viewport?.zoom ?? null])).toEqual([
      ['Before the merger', null, null, null],
      ['Strong evidence', 'hierarchical', 'C2', 1.5],
    ]);
    expect(deleteSavedView(db, strong.id)).toBe(true);
    expect(deleteSavedView(db, strong.id)).toBe(false);
    expect(listSavedViews(db, chart.id)).toHaveLength(1);
    store.close();
  });
});
