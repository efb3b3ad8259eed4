import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCaseFile } from './caseCheck';
import { CASE_APPLICATION_ID, createCaseFile, migrate } from './caseFile';
import { insertEntity } from './entities';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { createSampleCase } from './samples';
import { damageTablePages, overwriteBytes } from './testing/damage';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs the check and asserts it changed nothing on disk: same bytes, same files. */
function checkUntouched(path: string) {
  const files = readdirSync(tmp.dir).sort();
  const before = files.includes(path.slice(tmp.dir.length + 1)) ? sha256(path) : null;
  const report = checkCaseFile(path);
  expect(readdirSync(tmp.dir).sort()).toEqual(files);
  if (before !== null) expect(sha256(path)).toBe(before);
  return report;
}

describe('checking a case file', () => {
  it('finds a healthy case healthy', () => {
    const path = tmp.file('JNIM.awcase');
    createSampleCase(path, 'jnim');
    expect(checkUntouched(path)).toMatchObject({
      health: 'ok',
      isSqlite: true,
      formatVersion: LATEST_SCHEMA_VERSION,
      integrityProblems: [],
      foreignKeyProblems: 0,
    });
  });

  it('says an older case is healthy and will be upgraded', () => {
    const path = tmp.file('old.awcase');
    const db = new Database(path);
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    migrate(db, 20);
    db.close();
    const report = checkUntouched(path);
    expect(report).toMatchObject({ health: 'ok', formatVersion: 20 });
    expect(report.summary).toMatch(/upgraded/);
  });

  it('reports pages damaged inside a table', () => {
    const path = tmp.file('damaged.awcase');
    createSampleCase(path, 'jnim');
    damageTablePages(path, 'citations', 1);
    const report = checkUntouched(path);
    expect(report.health).toBe('damaged');
    expect(report.integrityProblems.length).toBeGreaterThan(0);
    expect(report.summary).toMatch(/damaged/);
  });

  it('reports a case whose header lost its marker as damaged, not as a stranger', () => {
    const path = tmp.file('unmarked.awcase');
    createSampleCase(path, 'jnim');
    overwriteBytes(path, 68, Buffer.alloc(4)); // application_id
    const report = checkUntouched(path);
    expect(report.health).toBe('damaged');
    expect(report.integrityProblems[0]).toMatch(/marker/);
  });

  it('reports broken references found by foreign_key_check', () => {
    const path = tmp.file('orphans.awcase');
    const store = createCaseFile(path, { name: 'Orphans' });
    const entity = insertEntity(store.db, { type: 'person', label: 'Gone' });
    store.db.pragma('foreign_keys = OFF');
    store.db.prepare('DELETE FROM entities WHERE id = ?').run(entity.id);
    store.db.prepare("INSERT INTO notes (id, target_kind, entity_id, body, created_at, updated_at) VALUES ('n', 'entity', ?, 'x', 'x', 'x')").run(entity.id);
    store.close();
    expect(checkUntouched(path)).toMatchObject({ health: 'damaged', foreignKeyProblems: 1 });
  });

  it('tells a stranger, a newer case, a folder and a missing file apart', () => {
    const text = tmp.file('notes.awcase');
    writeFileSync(text, 'my notes');
    expect(checkUntouched(text)).toMatchObject({ health: 'not_a_case', isSqlite: false });

    const other = tmp.file('other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(checkUntouched(other)).toMatchObject({ health: 'not_a_case', isSqlite: true });

    const newer = tmp.file('newer.awcase');
    const store = createCaseFile(newer, { name: 'Newer' });
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    store.close();
    expect(checkUntouched(newer)).toMatchObject({ health: 'newer_version', formatVersion: LATEST_SCHEMA_VERSION + 1 });

    mkdirSync(tmp.file('folder.awcase'));
    expect(checkCaseFile(tmp.file('folder.awcase')).health).toBe('not_a_case');
    expect(checkCaseFile(tmp.file('missing.awcase')).health).toBe('missing');
  });

  it('never puts a path or row content in its messages', () => {
    const path = tmp.file('secret-operation-name.awcase');
    createSampleCase(path, 'jnim');
    damageTablePages(path, 'citations', 1);
    const report = checkCaseFile(path);
    expect(report.summary).not.toContain('secret-operation-name');
    for (const line of report.integrityProblems) expect(line).not.toContain(tmp.dir);
  });
});
