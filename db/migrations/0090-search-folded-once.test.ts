import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_APPLICATION_ID, migrate, openCaseFile } from '../caseFile';
import { insertCitation } from '../citations';
import { deleteEntity, insertEntity } from '../entities';
import { searchCase } from '../search';
import { insertSource } from '../sources';
import { tempFolder } from '../testing/tempCase';
import { LATEST_SCHEMA_VERSION } from './index';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const QUERIES = ['Ghali', 'Jamaat', 'Jama’at', 'jama', 'Nasr al', 'Sahel', 'JNIMs emir', 'Qaida', "Qa'ida", 'Amadou', 'Am', 'Kou', 'Katiba'];

/** Words the index holds in its folded column (FTS5's own vocabulary of it). */
function foldedTokens(db: Database.Database): number {
  db.exec("CREATE VIRTUAL TABLE temp.search_fts_words USING fts5vocab(main, 'search_fts', 'instance')");
  const n = db.prepare("SELECT count(*) FROM temp.search_fts_words WHERE col = 'folded'").pluck().get() as number;
  db.exec('DROP TABLE temp.search_fts_words');
  return n;
}

describe('migration 0090: the folded copy indexed only where folding changed the text', () => {
  it('from 0080 with searchable rows: the same hits for every query, the folded words only of texts with marks, and the index kept in step after', () => {
    const path = tmp.file('v80.awcase');
    const db = new Database(path);
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, 80);
    const jnim = insertEntity(db, { type: 'armed_group', label: 'Jama’at Nasr al-Islam wal Muslimin', description: 'Sahel coalition' });
    insertEntity(db, { type: 'armed_group', label: "al-Qa'ida in the Islamic Maghreb" });
    const koufa = insertEntity(db, { type: 'person', label: 'Amadou Koufa', description: 'Katiba Macina' });
    const source = insertSource(db, { title: 'Article', reliability: 'C' });
    insertCitation(db, { sourceId: source.id, target: { kind: 'entity', id: jnim.id }, quote: 'JNIM’s emir is Iyad ag Ghali', credibility: 2 });
    const hits = () => QUERIES.map((q) => searchCase(db, q).map((hit) => [hit.kind, hit.id, hit.field]));
    const before = hits();
    expect(before.flat()).not.toHaveLength(0);
    expect(foldedTokens(db)).toBeGreaterThan(20);

    migrate(db, 90);
    expect(db.pragma('user_version', { simple: true })).toBe(90);
    expect(hits()).toEqual(before);
    // Folded words only of the three texts with an apostrophe: "jamaat nasr al islam wal muslimin", "al qaida in the islamic maghreb", "jnims emir is iyad ag ghali".
    expect(foldedTokens(db)).toBe(6 + 6 + 6);
    expect(() => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();

    // Written, changed and deleted after it: the triggers index and unindex the same columns.
    const later = insertEntity(db, { type: 'person', label: 'Ag Ghali’s deputy' });
    db.prepare('UPDATE entities SET label = ? WHERE id = ?').run('Amadou Kouffa', koufa.id);
    deleteEntity(db, jnim.id);
    expect(searchCase(db, 'Ghalis').map((hit) => hit.id)).toEqual([later.id]);
    expect(searchCase(db, 'Kouffa').map((hit) => hit.id)).toEqual([koufa.id]);
    expect(searchCase(db, 'Jamaat')).toEqual([]);
    expect(() => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    db.close();

    const store = openCaseFile(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(searchCase(store.db, 'Macina').map((hit) => hit.id)).toEqual([koufa.id]);
    store.close();
  });
});
