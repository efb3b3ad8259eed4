import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCaseFile } from './caseCheck';
import { caseCounts, caseName } from './caseMeta';
import { createCaseFile, openCaseFile } from './caseFile';
import { chartPositions, defaultChart, saveChartPositions } from './charts';
import { listEntities } from './entities';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { salvageCase } from './salvage';
import { createSampleCase } from './samples';
import { damageTablePages } from './testing/damage';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder();
});
afterEach(() => tmp.cleanup());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function jnimWithPositions(path: string): void {
  createSampleCase(path, 'jnim');
  const store = openCaseFile(path);
  const chart = defaultChart(store.db);
  saveChartPositions(
    store.db,
    chart.id,
    listEntities(store.db).map((entity, i) => ({ entityId: entity.id, x: i * 10, y: -i })),
  );
  store.close();
}

describe('salvaging a damaged case', () => {
  it('copies every readable row into a healthy new case and leaves the damaged file byte-identical', () => {
    const damaged = tmp.file('JNIM.awcase');
    jnimWithPositions(damaged);
    const healthy = openCaseFile(damaged, { readonly: true });
    const before = caseCounts(healthy.db);
    healthy.close();
    damageTablePages(damaged, 'citations', 1);
    expect(checkCaseFile(damaged).health).toBe('damaged');
    const bytes = sha256(damaged);

    const target = tmp.file('JNIM recovered.awcase');
    const report = salvageCase(damaged, target);

    expect(sha256(damaged)).toBe(bytes);
    expect(checkCaseFile(target).health).toBe('ok');
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(byTable.citations?.damaged).toBe(true);
    // Everything outside the bad page came through: the rows before and after it.
    expect(byTable.entities).toMatchObject({ read: before.entities, written: before.entities, damaged: false });
    expect(byTable.links).toMatchObject({ written: before.links, damaged: false });
    expect(byTable.citations?.written).toBeGreaterThan(before.citations / 2);
    expect(byTable.citations?.written).toBeLessThan(before.citations);

    const recovered = openCaseFile(target);
    expect(caseName(recovered.db)).toMatch(/^JNIM.* \(recovered\)$/);
    expect(caseCounts(recovered.db)).toMatchObject({ entities: before.entities, links: before.links, notes: before.notes });
    // The chart and its positions came through, and only that chart.
    const chart = defaultChart(recovered.db);
    expect(chartPositions(recovered.db, chart.id)).toHaveLength(before.entities);
    expect(recovered.db.prepare('SELECT count(*) FROM charts').pluck().get()).toBe(1);
    recovered.close();
  });

  it('leaves out rows whose parent was lost, so the new case has no broken references', () => {
    const damaged = tmp.file('Many.awcase');
    const store = createCaseFile(damaged, { name: 'Many' });
    const chart = defaultChart(store.db);
    store.db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        store.db
          .prepare("INSERT INTO entities (id, type, label, created_at, updated_at) VALUES (?, 'person', ?, 'x', 'x')")
          .run(`e${String(i).padStart(4, '0')}`, `Person ${i} ${'d'.repeat(100)}`);
      }
    })();
    saveChartPositions(
      store.db,
      chart.id,
      Array.from({ length: 600 }, (_, i) => ({ entityId: `e${String(i).padStart(4, '0')}`, x: i, y: i })),
    );
    store.close();
    damageTablePages(damaged, 'entities', 2);

    const target = tmp.file('Many recovered.awcase');
    const report = salvageCase(damaged, target);
    const entities = report.tables.find((t) => t.table === 'entities');
    const nodes = report.tables.find((t) => t.table === 'chart_nodes');
    expect(entities?.damaged).toBe(true);
    expect(entities?.written).toBeLessThan(600);
    expect(entities?.written).toBeGreaterThan(400);
    // Positions of the lost entities were read but refused.
    expect(nodes?.read).toBe(600);
    expect(nodes?.written).toBe(entities?.written);
    expect(checkCaseFile(target)).toMatchObject({ health: 'ok', foreignKeyProblems: 0 });
  });

  it('salvages the tables it knows from a case written by a newer version', () => {
    const newer = tmp.file('Future.awcase');
    jnimWithPositions(newer);
    const db = new Database(newer);
    db.exec("ALTER TABLE entities ADD COLUMN confidence TEXT; CREATE TABLE timelines (id TEXT PRIMARY KEY);");
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.close();
    expect(checkCaseFile(newer).health).toBe('newer_version');
    const bytes = sha256(newer);

    const report = salvageCase(newer, tmp.file('Future recovered.awcase'));
    expect(sha256(newer)).toBe(bytes);
    expect(report.tables.every((t) => !t.damaged)).toBe(true);
    expect(report.tables.find((t) => t.table === 'entities')?.written).toBe(74);
  });
});
