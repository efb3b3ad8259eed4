import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_APPLICATION_ID, CaseFileError, createCaseFile, migrate, openCaseFile } from './caseFile';
import { caseName } from './caseMeta';
import { insertCitation } from './citations';
import { insertEntity, listEntities } from './entities';
import { insertLink, listLinks } from './links';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { insertNote } from './notes';
import { insertSource } from './sources';
import { defaultChart, chartPositions, saveChartPositions } from './charts';
import { tempFolder } from './testing/tempCase';
import { updateEntityCommand } from './editing/entityCommands';
import { historyState, undo } from './history';
import { searchCase } from './search';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectCaseError(fn: () => unknown, code: string, messagePart: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFileError);
    expect((error as CaseFileError).code).toBe(code);
    expect((error as CaseFileError).message).toMatch(messagePart);
    return;
  }
  throw new Error(`expected a CaseFileError ${code}`);
}

/** A bare SQLite file marked as a case at a given schema version, as an older app would have left it. */
function caseAtVersion(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

describe('creating and opening a case file', () => {
  it('creates a case with the pragmas of the architecture and reopens it with them', () => {
    const path = tmp.file('a.awcase');
    const created = createCaseFile(path, { name: 'Operation Test' });
    created.close();

    const store = openCaseFile(path);
    const db = store.db;
    expect(db.pragma('application_id', { simple: true })).toBe(CASE_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(caseName(db)).toBe('Operation Test');
    store.close();
  });

  it('refuses to create over an existing file and leaves it as it was', () => {
    const path = tmp.file('existing.awcase');
    writeFileSync(path, 'my notes');
    expectCaseError(() => createCaseFile(path, { name: 'x' }), 'exists', /already exists/);
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  it('says clearly when the file does not exist', () => {
    expectCaseError(() => openCaseFile(tmp.file('missing.awcase')), 'not_found', /no case file/);
  });

  it('refuses a case from a newer version and leaves it byte-identical', () => {
    const path = tmp.file('future.awcase');
    const store = createCaseFile(path, { name: 'From the future' });
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    store.close();
    const before = sha256(path);
    const filesBefore = readdirSync(tmp.dir).sort();

    expectCaseError(() => openCaseFile(path), 'newer_version', /newer version of Analyst Workbench.*not been changed/s);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(tmp.dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not a case and leaves it byte-identical', () => {
    const text = tmp.file('report.awcase');
    writeFileSync(text, 'JNIM is an armed group.\n'.repeat(100));
    const empty = tmp.file('empty.awcase');
    writeFileSync(empty, '');
    const otherSqlite = tmp.file('other.sqlite');
    const other = new Database(otherSqlite);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();

    for (const path of [text, empty, otherSqlite]) {
      const before = sha256(path);
      expectCaseError(() => openCaseFile(path), 'not_a_case', /not an Analyst Workbench case file/);
      expect(sha256(path)).toBe(before);
    }
  });

  it('refuses a damaged case and leaves it byte-identical', () => {
    const path = tmp.file('damaged.awcase');
    const store = createCaseFile(path, { name: 'Damaged' });
    store.db.transaction(() => {
      for (let i = 0; i < 400; i++) insertEntity(store.db, { type: 'person', label: `Person ${i}`, description: 'x'.repeat(200) });
    })();
    store.close();
    // Overwrite pages after the first (keep the header so it still looks like our case).
    const bytes = readFileSync(path);
    for (let i = 4096 * 2; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(path, bytes);
    const before = sha256(path);

    expectCaseError(() => openCaseFile(path), 'corrupt', /damaged|could not be opened/);
    expect(sha256(path)).toBe(before);
  });
});

describe('migrations', () => {
  it('are numbered in increasing order and end at the latest version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('0010 core: from an empty file to entities and links', () => {
    const db = caseAtVersion(tmp.file('v0.awcase'), 0);
    migrate(db, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const a = insertEntity(db, { type: 'armed_group', label: 'JNIM', aliases: ['Group to Support Islam and Muslims'] });
    const b = insertEntity(db, { type: 'person', label: 'Iyad ag Ghali' });
    insertLink(db, { type: 'leads', sourceId: b.id, targetId: a.id, directed: true, startDate: '2017-03-02' });
    expect(listEntities(db).map((e) => e.label)).toEqual(['Iyad ag Ghali', 'JNIM']);
    db.close();
  });

  it('0020 evidence: from 0010 with data, keeps it and can cite it', () => {
    const db = caseAtVersion(tmp.file('v10.awcase'), 10);
    const a = insertEntity(db, { type: 'armed_group', label: 'JNIM', aliases: ['JNIM alias'], startDate: '2017-03-02' });
    const b = insertEntity(db, { type: 'armed_group', label: 'AQIM' });
    const link = insertLink(db, { type: 'pledged_allegiance_to', sourceId: a.id, targetId: b.id, directed: true });

    migrate(db, 20);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(listEntities(db).find((e) => e.id === a.id)).toMatchObject({ label: 'JNIM', aliases: ['JNIM alias'], startDate: '2017-03-02' });
    expect(listLinks(db)).toHaveLength(1);
    const source = insertSource(db, { title: 'Article', reliability: 'C' });
    insertCitation(db, { sourceId: source.id, target: { kind: 'link', id: link.id }, quote: 'pledged allegiance', credibility: 2 });
    insertNote(db, { target: { kind: 'entity', id: a.id }, body: 'note' });
    db.close();
  });

  it('0030 charts: from 0020 with data, adds one chart where existing entities can be placed', () => {
    const path = tmp.file('v20.awcase');
    const db = caseAtVersion(path, 20);
    const a = insertEntity(db, { type: 'armed_group', label: 'JNIM' });
    const source = insertSource(db, { title: 'Article', reliability: 'B' });
    insertCitation(db, { sourceId: source.id, target: { kind: 'entity', id: a.id }, quote: 'JNIM', credibility: 2 });
    db.close();

    // Opening an older case upgrades it in place.
    const store = openCaseFile(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const chart = defaultChart(store.db);
    expect(saveChartPositions(store.db, chart.id, [{ entityId: a.id, x: 10, y: -5 }])).toBe(1);
    expect(chartPositions(store.db, chart.id)).toEqual([{ entityId: a.id, x: 10, y: -5 }]);
    expect(listEntities(store.db).map((e) => e.label)).toEqual(['JNIM']);
    store.close();
  });

  it('0040 editing: from 0030 with data, indexes it for search and starts an empty undo history', () => {
    const path = tmp.file('v30.awcase');
    const db = caseAtVersion(path, 30);
    const jnim = insertEntity(db, { type: 'armed_group', label: 'JNIM', aliases: ['Jama’at Nusrat al-Islam'], attributes: { founded: 2017, active: true } });
    const aqim = insertEntity(db, { type: 'armed_group', label: 'AQIM', description: 'Al-Qaeda in the Islamic Maghreb' });
    const link = insertLink(db, { type: 'affiliate_of', sourceId: jnim.id, targetId: aqim.id, directed: true });
    const source = insertSource(db, { title: 'Article', reliability: 'B' });
    insertCitation(db, { sourceId: source.id, target: { kind: 'link', id: link.id }, quote: 'pledged allegiance to Droukdel', credibility: 2 });
    insertNote(db, { target: { kind: 'entity', id: jnim.id }, body: 'Coalition formed in Timbuktu.' });
    const chart = defaultChart(db);
    saveChartPositions(db, chart.id, [{ entityId: jnim.id, x: 1.5, y: -2.25 }]);

    migrate(db, 40);
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    expect(listEntities(db).map((e) => [e.label, e.color])).toEqual([
      ['AQIM', null],
      ['JNIM', null],
    ]);
    expect(listLinks(db)[0]?.strength).toBeNull();
    expect(chartPositions(db, chart.id)).toEqual([{ entityId: jnim.id, x: 1.5, y: -2.25 }]);
    const found = (text: string) => searchCase(db, text).map((hit) => [hit.kind, hit.field]);
    expect(found('nusrat')).toEqual([['entity', 'alias']]);
    expect(found('maghreb')).toEqual([['entity', 'description']]);
    expect(found('founded 2017')).toEqual([['entity', 'attributes']]);
    expect(found('droukdel')).toEqual([['citation', 'quote']]);
    expect(found('timbuktu')).toEqual([['note', 'body']]);
    expect(historyState(db)).toMatchObject({ canUndo: false, canRedo: false, entries: [] });
    db.pragma('trusted_schema = OFF');
    const renamed = updateEntityCommand(db, { id: aqim.id, changes: { label: 'AQIM (Droukdel)', color: '#D62728' } });
    expect(renamed.value).toMatchObject({ label: 'AQIM (Droukdel)', color: '#d62728' });
    expect(undo(db)?.label).toBe('Edit “AQIM (Droukdel)”');
    expect(listEntities(db).map((e) => e.label)).toEqual(['AQIM', 'JNIM']);
    db.close();
  });

  it('a failing step leaves the file at the previous version with its data', () => {
    const path = tmp.file('v10-bad.awcase');
    const db = caseAtVersion(path, 10);
    insertEntity(db, { type: 'person', label: 'Kept' });
    // A table the next step wants to create already exists: the step fails inside its transaction.
    db.exec('CREATE TABLE sources (id TEXT)');
    expect(() => migrate(db, 20)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(listEntities(db).map((e) => e.label)).toEqual(['Kept']);
    db.close();
  });
});
