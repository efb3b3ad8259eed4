import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BULK_PAGE_SIZE,
  BULK_RESIZE_MAX_BYTES,
  BulkImportError,
  bulkImportCsv,
  KeyTable,
  readCsvRecords,
  sequentialIds,
  setBulkImportWorkerScript,
} from './bulkImport';
import { createCaseFile, type CaseStore } from './caseFile';
import { chartEntityIds } from './chartMembership';
import { defaultChart } from './charts';
import { insertEntity, listEntities } from './entities';
import { listLinks } from './links';
import { neighbourhood } from './neighbourhood';
import { searchCase } from './search';
import { tempFolder } from './testing/tempCase';
import { bundledWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('b.awcase'), { name: 'Bulk' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const ENTITIES = 'ID,Type,Label,extra\nk1,person,Iyad ag Ghali,x\nk2,armed_group,"JNIM, the coalition",y\nk3,location,"Kidal ""north""",z\n';
const LINKS = 'type,source,target\nleads,k1,k2\nlocated_in,k2,k3\n';

// Every import both ways: the files read on the importing thread, and on the reader thread the CLI uses.
const READERS: [string, () => string | false][] = [
  ['on the importing thread', () => false],
  ['on a reader thread', () => bundledWorker('db/bulkImportWorker.ts', 'bulk-import-worker.cjs')],
];

describe.each(READERS)('bulk CSV import, the files read %s', (_, reader) => {
  beforeEach(() => setBulkImportWorkerScript(reader()));
  afterEach(() => setBulkImportWorkerScript(null));

  it('imports entities and links with fresh ids, searchable and linked, the chart given the small import', () => {
    const report = bulkImportCsv(store.db, { entities: ENTITIES, links: LINKS });
    expect(report).toMatchObject({ entities: 3, links: 2, onChart: true });
    const entities = listEntities(store.db);
    expect(entities.map((e) => [e.label, e.type])).toEqual([
      ['Iyad ag Ghali', 'person'],
      ['JNIM, the coalition', 'armed_group'],
      ['Kidal "north"', 'location'],
    ]);
    const byLabel = new Map(entities.map((e) => [e.label, e.id]));
    const iyad = byLabel.get('Iyad ag Ghali') as string;
    expect(iyad).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(listLinks(store.db).map((l) => [l.type, l.sourceId, l.targetId, l.directed])).toEqual([
      ['leads', iyad, byLabel.get('JNIM, the coalition'), true],
      ['located_in', byLabel.get('JNIM, the coalition'), byLabel.get('Kidal "north"'), true],
    ]);
    expect(neighbourhood(store.db, [iyad], 2)).toHaveLength(2);
    expect(searchCase(store.db, 'coalition').map((h) => h.id)).toEqual([byLabel.get('JNIM, the coalition')]);
    expect(new Set(chartEntityIds(store.db, defaultChart(store.db).id))).toEqual(new Set(byLabel.values()));
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The load's statements went without the CHECK constraints (the import checks the values
    // itself); the connection has them again, and every row passes them.
    expect(store.db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(() => store.db.prepare("UPDATE entities SET type = ''").run()).toThrow(/CHECK constraint failed/);
    // The load ran in rollback-journal mode (each page written once); the case is back in WAL.
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the search index and the indexes exactly as row-by-row inserts would', () => {
    bulkImportCsv(store.db, { entities: ENTITIES, links: LINKS });
    const other = createCaseFile(tmp.file('rows.awcase'), { name: 'Rows' });
    for (const e of listEntities(store.db)) insertEntity(other.db, { id: e.id, type: e.type, label: e.label });
    const docs = (db: typeof store.db) => db.prepare('SELECT kind, item_id, field, text FROM search_docs ORDER BY item_id, field').all();
    expect(docs(store.db)).toEqual(docs(other.db));
    const schema = (db: typeof store.db) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'search_fts_%' ORDER BY name").all();
    expect(schema(store.db)).toEqual(schema(other.db));
    // FTS5 throws (SQLITE_CORRUPT_VTAB) when its index does not match search_docs.
    expect(() => store.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    other.close();
  });

  it('into a case that has entities: search docs for the new ones only, the old ones kept, the same as row-by-row', () => {
    const old = insertEntity(store.db, { type: 'person', label: 'Amadou Koufa', description: 'Katiba Macina' });
    bulkImportCsv(store.db, { entities: ENTITIES, links: LINKS });
    const other = createCaseFile(tmp.file('rows.awcase'), { name: 'Rows' });
    for (const e of listEntities(store.db)) insertEntity(other.db, { id: e.id, type: e.type, label: e.label, description: e.description });
    const docs = (db: typeof store.db) => db.prepare('SELECT kind, item_id, field, text FROM search_docs ORDER BY item_id, field').all();
    expect(docs(store.db)).toEqual(docs(other.db));
    expect(searchCase(store.db, 'Macina').map((h) => h.id)).toEqual([old.id]);
    expect(searchCase(store.db, 'coalition')).toHaveLength(1);
    expect(() => store.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    other.close();
  });

  it('refuses a bad file with the line and reason, and writes nothing', () => {
    const before = store.db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    const cases: [string, string, RegExp][] = [
      ['id,type,label\nk1,person,A\nk1,person,B\n', LINKS, /entities\.csv, line 3: the id "k1" is used twice/],
      ['id,type,label\nk1,person,  \n', 'source,target,type\n', /line 2: the label must be/],
      [`id,type,label\nk1,person,${'x'.repeat(1001)}\n`, 'source,target,type\n', /line 2: the label must be/],
      [`id,type,label\nk1,${'t'.repeat(101)},A\n`, 'source,target,type\n', /line 2: the type must be/],
      ['id,type,label\nk1, ,A\n', 'source,target,type\n', /line 2: the type must be/],
      [ENTITIES, `source,target,type\nk1,k2,${'t'.repeat(101)}\n`, /links\.csv, line 2: the type must be/],
      [ENTITIES, 'source,target,type\nk1,k2,\n', /links\.csv, line 2: the type must be/],
      ['id,label\nk1,A\n', 'source,target,type\n', /no "type" column/],
      [ENTITIES, 'source,target,type\nk1,k9,leads\n', /links\.csv, line 2: no entity has the id "k9"/],
      [ENTITIES, 'source,target,type,directed\nk1,k2,leads,maybe\n', /"directed" must be true or false/],
      ['id,type,label\nk1,person,"A\n', LINKS, /line 2: a quoted field is never closed/],
    ];
    for (const [entities, links, message] of cases) {
      expect(() => bulkImportCsv(store.db, { entities, links })).toThrow(message);
      expect(() => bulkImportCsv(store.db, { entities, links })).toThrow(BulkImportError);
      expect(store.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(before);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    }
  });

  it('gives a new case larger pages; a failed import leaves it its own; a case past the bound keeps its pages', () => {
    const pageSize = (db: typeof store.db) => db.pragma('page_size', { simple: true }) as number;
    const before = pageSize(store.db);
    expect(before).toBeLessThan(BULK_PAGE_SIZE);
    expect(() => bulkImportCsv(store.db, { entities: ENTITIES, links: 'source,target,type\nk1,k9,leads\n' })).toThrow(BulkImportError);
    expect(pageSize(store.db)).toBe(before);
    expect(store.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');

    bulkImportCsv(store.db, { entities: ENTITIES, links: LINKS });
    expect(pageSize(store.db)).toBe(BULK_PAGE_SIZE);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');

    const big = createCaseFile(tmp.file('big.awcase'), { name: 'Big' });
    big.db.prepare("INSERT INTO case_meta (key, value) VALUES ('padding', ?)").run('x'.repeat(BULK_RESIZE_MAX_BYTES + 1));
    bulkImportCsv(big.db, { entities: ENTITIES, links: LINKS });
    expect(pageSize(big.db)).toBe(before);
    expect(big.db.prepare('SELECT count(*) FROM links').pluck().get()).toBe(2);
    expect(big.db.pragma('integrity_check', { simple: true })).toBe('ok');
    big.close();
  });

  it('rolls back a failure after the load has written pages to the file: same rows, size and pages as before', () => {
    const path = tmp.file('b.awcase');
    const rows = Array.from({ length: 20_000 }, (_, i) => `k${i},person,Person number ${i}`);
    const entities = `id,type,label\n${rows.join('\n')}\n`;
    const links = `source,target,type\n${rows.map((_, i) => `k${i},k${(i * 7) % 20_000},leads`).join('\n')}\nk1,nobody,leads\n`;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = statSync(path).size;
    const pagesBefore = store.db.pragma('page_size', { simple: true });
    // A cache of 64 KiB: the 20,000 entities and links cannot stay in it, so pages reach the file first.
    expect(() => bulkImportCsv(store.db, { entities, links }, 64)).toThrow(/links\.csv, line 20002: no entity has the id "nobody"/);
    expect(store.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
    expect(store.db.pragma('page_size', { simple: true })).toBe(pagesBefore);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(path).size).toBeLessThanOrEqual(sizeBefore);
    expect(existsSync(`${path}-journal`)).toBe(false);
    // And the same import without the bad line succeeds with the small cache.
    const good = links.slice(0, links.lastIndexOf('k1,nobody'));
    expect(bulkImportCsv(store.db, { entities, links: good }, 64)).toMatchObject({ entities: 20_000, links: 20_000 });
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it("keeps every row's values and order across batches: types first seen late, quoted labels, links either way", () => {
    const n = 10_000;
    const label = (i: number) => (i % 3 === 0 ? `Ça "${i}", sur deux\nlignes` : `Person ${i}`);
    const type = (i: number) => (i < 9_000 ? 'person' : `kind_${i % 500}`);
    const entities = `id,type,label\n${Array.from({ length: n }, (_, i) => `k${i},${type(i)},"${label(i).replace(/"/g, '""')}"`).join('\n')}\n`;
    const links = `source,target,type,directed\n${Array.from({ length: n }, (_, i) => `k${i},k${(i * 7919) % n},${i < 9_500 ? 'leads' : `rel_${i % 300}`},${i % 2 === 0 ? 'false' : ''}`).join('\n')}\n`;
    expect(bulkImportCsv(store.db, { entities, links })).toMatchObject({ entities: n, links: n });
    const rows = store.db.prepare('SELECT id, type, label FROM entities ORDER BY rowid').all() as { id: string; type: string; label: string }[];
    expect(rows.map((r) => [r.type, r.label])).toEqual(Array.from({ length: n }, (_, i) => [type(i), label(i)]));
    const ids = rows.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    const linkRows = store.db.prepare('SELECT type, source_id AS s, target_id AS t, directed FROM links ORDER BY rowid').all();
    expect(linkRows).toEqual(
      Array.from({ length: n }, (_, i) => ({ type: i < 9_500 ? 'leads' : `rel_${i % 300}`, s: ids[i], t: ids[(i * 7919) % n], directed: i % 2 === 0 ? 0 : 1 })),
    );
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a duplicate key and a missing end at their lines past the first batches', () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `k${i},person,P ${i}`);
    const entities = `id,type,label\n${rows.join('\n')}\n`;
    expect(() => bulkImportCsv(store.db, { entities: `${entities}k11999,person,Again\n`, links: 'source,target,type\n' })).toThrow(
      /entities\.csv, line 12002: the id "k11999" is used twice/,
    );
    const links = `source,target,type\n${rows.map((_, i) => `k${i},k${11_999 - i},leads`).join('\n')}\nk5,k12000,leads\n`;
    expect(() => bulkImportCsv(store.db, { entities, links })).toThrow(/links\.csv, line 12002: no entity has the id "k12000"/);
    expect(store.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM links').pluck().get()).toBe(0);
  });
});

describe('bulk CSV import, its parts', () => {
  it('reads RFC 4180 records: quotes, doubled quotes, newlines in quotes, CRLF, a BOM, blank lines', () => {
    const rows: [string[], number][] = [];
    readCsvRecords('\uFEFFa,b\r\n"x\ny","say ""hi"""\r\n\r\n,last\n', 'f.csv', (fields, line) => rows.push([fields, line]));
    expect(rows).toEqual([
      [['a', 'b'], 1],
      [['x\ny', 'say "hi"'], 2],
      [['', 'last'], 5],
    ]);
  });

  it('keeps the keys and their ids through growth, refuses a key twice and finds nothing for an unknown one', () => {
    const table = new KeyTable();
    for (let i = 0; i < 5000; i++) expect(table.add(`k${i}`, `id${i}`)).toBe(true);
    expect(table.add('k4999', 'again')).toBe(false);
    expect(table.add('', 'empty')).toBe(true);
    for (let i = 0; i < 5000; i++) expect(table.get(`k${i}`)).toBe(`id${i}`);
    expect(table.get('')).toBe('empty');
    expect(table.get('k5000')).toBeUndefined();
    expect(table.get('K1')).toBeUndefined();
    expect(table.ids).toHaveLength(5001);
  });

  it('makes ids that increase in the order they are made', () => {
    const next = sequentialIds();
    const ids = Array.from({ length: 1000 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    // The last 48 bits count up by one, across the 4,096-id steps where more than the last three digits change.
    const many = Array.from({ length: 10_000 }, next);
    const first = parseInt(many[0]?.slice(24) ?? '', 16);
    many.forEach((id, i) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id.slice(0, 24)).toBe(ids[0]?.slice(0, 24));
      expect(parseInt(id.slice(24), 16)).toBe(first + i);
    });
  });
});
