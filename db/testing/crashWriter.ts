import { writeSync } from 'node:fs';
import { openCaseFile } from '../caseFile';
import { setCaseMeta } from '../caseMeta';
import { defaultChart, saveChartPositions } from '../charts';
import { insertEntity } from '../entities';
import type { Db } from '../types';
import { createRandom } from './random';

/**
 * The process crashDurability.test.ts kills. Writes numbered transactions to a case through the
 * real store (openCaseFile's pragmas, the repository functions) and prints `ack <n>` on stdout
 * once transaction n has committed, exactly as the UI would show a save as done (and `begin <n>`
 * before it starts, so the test can tell where a kill landed).
 *
 * Each transaction is one of:
 * - insert: `rows` entities `t<n>-<j>` with a position each, and `tx:<n>` = {"kind":"insert","rows":…};
 * - move: every position of an earlier insert k set to x = n, and `tx:<n>` = {"kind":"move","target":k}.
 * So a transaction that is present must be whole, which the test checks after every kill.
 *
 * Usage: node crashWriter.cjs <case> <first transaction number> <seed>
 */

export interface TxRecord {
  kind: 'insert' | 'move';
  rows?: number;
  target?: number;
}

/** The largest number of transactions one writer makes before it stops by itself (a safety net). */
const MAX_TRANSACTIONS = 5000;

function insertTransaction(db: Db, chartId: string, n: number, rows: number, padding: string): void {
  const positions = [];
  for (let j = 0; j < rows; j++) {
    const entity = insertEntity(db, { id: `t${n}-${j}`, type: 'person', label: `Person ${n}/${j}`, description: padding });
    positions.push({ entityId: entity.id, x: j, y: n });
  }
  saveChartPositions(db, chartId, positions);
  const record: TxRecord = { kind: 'insert', rows };
  setCaseMeta(db, `tx:${n}`, JSON.stringify(record));
}

function moveTransaction(db: Db, chartId: string, n: number, target: number): void {
  const ids = db.prepare('SELECT id FROM entities WHERE id GLOB ?').pluck().all(`t${target}-*`) as string[];
  saveChartPositions(
    db,
    chartId,
    ids.map((entityId) => ({ entityId, x: n, y: target })),
  );
  const record: TxRecord = { kind: 'move', target };
  setCaseMeta(db, `tx:${n}`, JSON.stringify(record));
}

function main(): void {
  const [path, firstArg, seedArg] = process.argv.slice(2);
  if (!path || !firstArg || !seedArg) throw new Error('usage: crashWriter <case> <first> <seed>');
  const random = createRandom(Number(seedArg));
  const store = openCaseFile(path);
  const { db } = store;
  const chartId = defaultChart(db).id;
  const inserts = (db.prepare("SELECT CAST(substr(key, 4) AS INTEGER) FROM case_meta WHERE key GLOB 'tx:*' AND value GLOB '*insert*'").pluck().all() as number[]);
  const first = Number(firstArg);
  for (let n = first; n < first + MAX_TRANSACTIONS; n++) {
    writeSync(1, `begin ${n}\n`);
    const move = inserts.length > 0 && random.next() < 0.3;
    if (move) {
      const target = inserts[random.int(inserts.length)] as number;
      db.transaction(() => moveTransaction(db, chartId, n, target))();
    } else {
      // Now and then a large transaction, many pages long, so kills land inside a commit.
      const large = random.next() < 0.15;
      const rows = large ? 150 + random.int(150) : 1 + random.int(30);
      const padding = 'x'.repeat(large ? 600 : 40);
      db.transaction(() => insertTransaction(db, chartId, n, rows, padding))();
      inserts.push(n);
    }
    // Synchronous: the acknowledgement is out before the next transaction starts.
    writeSync(1, `ack ${n}\n`);
  }
  store.close();
}

main();
