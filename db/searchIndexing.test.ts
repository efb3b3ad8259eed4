import type { InterchangeGraph } from '../app/interchange/graph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAnnotation } from './annotations';
import { createCaseFile, type CaseStore } from './caseFile';
import { defaultChart } from './charts';
import { insertCitation } from './citations';
import { deleteEntity, insertEntity, replaceAliases, updateEntity } from './entities';
import { commitImport } from './importCase';
import { insertLink } from './links';
import { insertNote } from './notes';
import { searchCase } from './search';
import { DEFERRED_INDEXING_MIN_ROWS, withDeferredSearchIndexing } from './searchIndexing';
import { insertSource } from './sources';
import { tempFolder } from './testing/tempCase';
import type { Db } from './types';

let tmp: ReturnType<typeof tempFolder>;
let stores: CaseStore[];
beforeEach(() => {
  tmp = tempFolder();
  stores = [];
});
afterEach(() => {
  for (const store of stores) store.close();
  tmp.cleanup();
});

function newCase(name: string): CaseStore {
  const store = createCaseFile(tmp.file(`${name}.awcase`), { name });
  stores.push(store);
  return store;
}

/** Rows a case held before the bulk write: indexed by the triggers as usual. */
function existing(db: Db): void {
  insertEntity(db, { id: 'e-old', type: 'armed_group', label: 'Ansar Dine', aliases: ['Ansar Eddine'], description: 'Founded by Iyad ag Ghaly' });
}

/**
 * A bulk write that does everything the triggers must answer for: inserts of every indexed kind,
 * an inserted row updated and another deleted in the same write, aliases added to an old entity.
 */
function bulkWrite(db: Db): void {
  const source = insertSource(db, { id: 's1', title: 'Article', reliability: 'C' });
  const jnim = insertEntity(db, { id: 'e1', type: 'armed_group', label: 'JNIM', aliases: ['Nusrat al-Islam'], attributes: { emir: 'Iyad ag Ghaly', founded: 2017 } });
  const macina = insertEntity(db, { id: 'e2', type: 'armed_group', label: 'Katiba Macina', description: 'Led by Amadou Koufa' });
  const gone = insertEntity(db, { id: 'e3', type: 'person', label: 'Transient figure' });
  updateEntity(db, macina.id, { ...macina, label: 'Macina Liberation Front', description: 'Amadou Koufa leads it', color: null });
  deleteEntity(db, gone.id);
  replaceAliases(db, 'e-old', ['Ansar Eddine', 'Ansar al-Din']);
  const link = insertLink(db, { id: 'l1', type: 'member_of', sourceId: macina.id, targetId: jnim.id, directed: true, label: 'merged into', description: 'March 2017 merger' });
  insertCitation(db, { id: 'c1', sourceId: source.id, target: { kind: 'link', id: link.id }, quote: 'the groups merged in March 2017', credibility: 2, comment: 'widely reported' });
  insertNote(db, { id: 'n1', target: { kind: 'entity', id: jnim.id }, body: 'Check the **Sahel** reporting' });
  insertAnnotation(db, { id: 'a1', chartId: defaultChart(db).id, x: 1, y: 2, text: 'Coalition formed here' });
}

const docs = (db: Db) => db.prepare('SELECT kind, item_id, field, text FROM search_docs ORDER BY kind, item_id, field, text').all();
const triggers = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
const hits = (db: Db, text: string) => searchCase(db, text).map((h) => `${h.kind}:${h.id}`).sort();

describe('deferred search indexing (bulk imports)', () => {
  it('indexes exactly what the row-by-row triggers index, and leaves the triggers as they were', () => {
    const rowByRow = newCase('row-by-row');
    const deferred = newCase('deferred');
    const before = triggers(deferred.db);
    for (const { db } of [rowByRow, deferred]) existing(db);
    rowByRow.db.transaction(() => bulkWrite(rowByRow.db))();
    deferred.db.transaction(() => withDeferredSearchIndexing(deferred.db, () => bulkWrite(deferred.db)))();

    expect(docs(deferred.db)).toEqual(docs(rowByRow.db));
    expect(docs(deferred.db).length).toBeGreaterThan(10);
    expect(triggers(deferred.db)).toEqual(before);
    for (const text of ['Koufa', 'Macina', 'Ansar al-Din', 'Iyad', 'merger', 'Sahel', 'coalition', 'Transient', 'emir']) {
      expect(hits(deferred.db, text), text).toEqual(hits(rowByRow.db, text));
    }
    expect(hits(deferred.db, 'Koufa')).toEqual(['entity:e2']);
    expect(hits(deferred.db, 'Transient')).toEqual([]);
    // FTS5's own check that the index matches its content table.
    expect(() => deferred.db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    // After the bulk write, the triggers index row by row again.
    const added = insertEntity(deferred.db, { type: 'person', label: 'Ag Ghaly' });
    expect(hits(deferred.db, 'Ghaly')).toEqual(['entity:e-old', 'entity:e1', `entity:${added.id}`].sort());
  });

  it('rolls back with the transaction: nothing written, every trigger still there', () => {
    const store = newCase('fails');
    existing(store.db);
    const before = { triggers: triggers(store.db), docs: docs(store.db) };
    expect(() =>
      store.db.transaction(() =>
        withDeferredSearchIndexing(store.db, () => {
          bulkWrite(store.db);
          throw new Error('the file ends mid-row');
        }),
      )(),
    ).toThrow('the file ends mid-row');
    expect(triggers(store.db)).toEqual(before.triggers);
    expect(docs(store.db)).toEqual(before.docs);
    expect(store.db.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 1 });
    expect(hits(store.db, 'Ansar')).toEqual(['entity:e-old']);
  });

  it('refuses to run outside a transaction', () => {
    const store = newCase('outside');
    expect(() => withDeferredSearchIndexing(store.db, () => undefined)).toThrow(/inside a transaction/);
    expect(triggers(store.db).length).toBeGreaterThan(10);
  });

  it('is what a large import uses, and the imported names are found', () => {
    const store = newCase('import');
    const n = Math.ceil(DEFERRED_INDEXING_MIN_ROWS / 4) + 10;
    const graph: InterchangeGraph = {
      format: 'csv',
      entities: Array.from({ length: n }, (_, i) => ({
        key: `k${i}`,
        type: 'person',
        label: `Person ${i} ${i === 7 ? 'Koufa' : ''}`.trim(),
        aliases: i === 9 ? ['Abu Example'] : [],
        description: null,
        startDate: null,
        endDate: null,
        attributes: {},
        locator: `row ${i + 2}`,
      })),
      links: Array.from({ length: n - 1 }, (_, i) => ({
        key: `l${i}`,
        type: 'associate_of',
        sourceKey: `k${i}`,
        targetKey: `k${i + 1}`,
        directed: false,
        label: null,
        description: null,
        startDate: null,
        endDate: null,
        attributes: {},
        locator: `row ${i + 2}`,
      })),
      sources: [],
      citations: [],
      notes: [],
      warnings: [],
      skipped: [],
      citeFile: true,
    };
    const before = triggers(store.db);
    const report = commitImport(store.db, graph, { name: 'people.csv', sha256: 'a'.repeat(64), bytes: 1 });
    expect(report.created.entities).toBe(n);
    expect(report.created.citations).toBe(2 * n - 1);
    expect(triggers(store.db)).toEqual(before);
    // The entity, and the file citation that quotes its row.
    expect(hits(store.db, 'Koufa').map((h) => h.split(':')[0])).toEqual(['citation', 'entity']);
    expect(hits(store.db, 'Abu Example').map((h) => h.split(':')[0])).toEqual(['entity']);
    // Every entity's label, and the file citation of every entity and link, is in the index.
    expect(store.db.prepare("SELECT count(*) AS n FROM search_docs WHERE kind = 'citation'").get()).toEqual({ n: 2 * n - 1 });
    expect(() => store.db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});
