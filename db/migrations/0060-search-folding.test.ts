import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_APPLICATION_ID, migrate, openCaseFile } from '../caseFile';
import { insertCitation } from '../citations';
import { insertEntity } from '../entities';
import { searchCase } from '../search';
import { insertSource } from '../sources';
import { tempFolder } from '../testing/tempCase';
import { LATEST_SCHEMA_VERSION } from './index';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

describe('migration 0060: search folds apostrophes', () => {
  it('from 0050 with searchable rows: the same rows found as before, and now without apostrophes', () => {
    const path = tmp.file('v50.awcase');
    const db = new Database(path);
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, 50);
    const jnim = insertEntity(db, { type: 'armed_group', label: 'Jama’at Nasr al-Islam wal Muslimin', description: 'Sahel coalition' });
    const source = insertSource(db, { title: 'Article', reliability: 'C' });
    insertCitation(db, { sourceId: source.id, target: { kind: 'entity', id: jnim.id }, quote: 'JNIM’s emir is Iyad ag Ghali', credibility: 2 });
    const before = searchCase(db, 'Ghali').map((hit) => hit.id);
    expect(before).toHaveLength(1);
    expect(searchCase(db, 'Jamaat')).toEqual([]);

    migrate(db, 60);
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    expect(searchCase(db, 'Ghali').map((hit) => hit.id)).toEqual(before);
    expect(searchCase(db, 'Jamaat').map((hit) => hit.id)).toEqual([jnim.id]);
    expect(searchCase(db, 'JNIMs emir').map((hit) => hit.kind)).toEqual(['citation']);
    expect(() => db.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();

    const store = openCaseFile(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(searchCase(store.db, 'Sahel').map((hit) => hit.id)).toEqual([jnim.id]);
    store.close();
  });
});
