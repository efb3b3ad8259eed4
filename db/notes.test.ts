import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, openCaseFile } from './caseFile';
import { insertEntity } from './entities';
import { deleteNote, insertNote, listNotes } from './notes';
import { tempFolder } from './testing/tempCase';

/**
 * A deleted note leaves no trace in the case file: its text is searched for in the raw bytes of
 * the file and of its write-ahead log, in UTF-8 and UTF-16 (SQLite can store either).
 */

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

function bytesOnDisk(path: string): Buffer {
  const parts = [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
  return Buffer.concat(parts);
}

function containsCanary(bytes: Buffer, canary: string): boolean {
  return bytes.includes(Buffer.from(canary, 'utf8')) || bytes.includes(Buffer.from(canary, 'utf16le'));
}

describe('deleting a note', () => {
  it('removes the note and says whether there was one', () => {
    const store = createCaseFile(tmp.file('a.awcase'), { name: 'Notes' });
    const entity = insertEntity(store.db, { type: 'person', label: 'Subject' });
    const note = insertNote(store.db, { target: { kind: 'entity', id: entity.id }, body: 'Seen in Gao.' });
    expect(deleteNote(store.db, note.id)).toBe(true);
    expect(deleteNote(store.db, note.id)).toBe(false);
    expect(listNotes(store.db)).toEqual([]);
    store.close();
  });

  it('leaves no trace of a note that only ever reached the write-ahead log', () => {
    const path = tmp.file('wal-only.awcase');
    const store = createCaseFile(path, { name: 'Canary' });
    const canary = 'CANARY-informant-codename-ZEPHYR-7731';
    const note = insertNote(store.db, { target: { kind: 'case' }, body: `Meeting with ${canary} at the market.` });
    // Before the delete the canary is on disk (in the log): the search below can see it.
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(true);

    deleteNote(store.db, note.id);
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(false);
    store.close();
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(false);
  });

  it('leaves no trace of a long note that was checkpointed into the file, kept among others', () => {
    const path = tmp.file('checkpointed.awcase');
    const store = createCaseFile(path, { name: 'Canary' });
    const canary = 'CANARY-source-ALBATROSS-identity';
    // Long enough to spill onto overflow pages; neighbours keep the page in use after the delete.
    const body = `${'Background. '.repeat(800)}${canary}${' More.'.repeat(800)}`;
    insertNote(store.db, { target: { kind: 'case' }, body: 'Kept note before.' });
    const secret = insertNote(store.db, { target: { kind: 'case' }, body });
    insertNote(store.db, { target: { kind: 'case' }, body: `Short ${canary.slice(0, 7)} mention stays.` });
    store.close();
    expect(containsCanary(readFileSync(path), canary)).toBe(true);

    const reopened = openCaseFile(path);
    expect(deleteNote(reopened.db, secret.id)).toBe(true);
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(false);
    expect(listNotes(reopened.db).map((n) => n.body)).toEqual(['Kept note before.', 'Short CANARY- mention stays.']);
    reopened.close();
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(false);
  });

  it('leaves no trace in the search index either: not in its bytes, not among its terms', () => {
    const path = tmp.file('indexed.awcase');
    const store = createCaseFile(path, { name: 'Canary' });
    // One lower-case token: how a full-text index stores a word.
    const token = 'zqcanarytokenwombat';
    insertNote(store.db, { target: { kind: 'case' }, body: 'A note that stays, about wombats.' });
    const note = insertNote(store.db, { target: { kind: 'case' }, body: `Informant ${token} met the courier.` });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(containsCanary(bytesOnDisk(path), token)).toBe(true);

    deleteNote(store.db, note.id);
    expect(containsCanary(bytesOnDisk(path), token)).toBe(false);
    const indexed = store.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_fts'").get() !== undefined;
    if (indexed) {
      store.db.exec("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, 'search_fts', 'row')");
      expect(store.db.prepare('SELECT term FROM temp.search_terms WHERE term = ?').all(token)).toEqual([]);
      expect(store.db.prepare('SELECT term FROM temp.search_terms WHERE term = ?').all('wombats')).toHaveLength(1);
      store.db.exec('DROP TABLE temp.search_terms');
    }
    store.close();
    expect(containsCanary(bytesOnDisk(path), token)).toBe(false);
  });

  it('leaves no trace when the note is deleted inside a larger transaction, once that commits', () => {
    const path = tmp.file('in-transaction.awcase');
    const store = createCaseFile(path, { name: 'Canary' });
    const canary = 'CANARY-safehouse-address-ORCHID';
    const note = insertNote(store.db, { target: { kind: 'case' }, body: canary });
    store.db.transaction(() => {
      deleteNote(store.db, note.id);
      insertNote(store.db, { target: { kind: 'case' }, body: 'Replacement note.' });
    })();
    // The delete could not checkpoint inside the transaction; closing the case does.
    store.close();
    expect(containsCanary(bytesOnDisk(path), canary)).toBe(false);
  });
});
