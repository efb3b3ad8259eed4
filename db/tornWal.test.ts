import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile, openCaseFile } from './caseFile';
import { setCaseMeta } from './caseMeta';
import { defaultChart, saveChartPositions } from './charts';
import { insertEntity } from './entities';
import { createRandom, testSeed } from './testing/random';
import { tempFolder } from './testing/tempCase';
import type { Db } from './types';

/**
 * A torn write-ahead log reopens as a consistent prefix of the transactions in it. A case is left
 * with TRANSACTIONS committed transactions in its log (never checkpointed), and its file and log
 * are copied; each trial damages a copy of the log (cut short, a flipped byte, a zeroed or
 * overwritten range, garbage appended) at a random offset, reopens the case as the app does, and
 * checks integrity and that it holds exactly transactions 1..m, each whole, where m is the number
 * of commit frames before the first damaged byte.
 *
 * Replay a failure with AWB_SEED=<seed>; AWB_WAL_TRIALS changes the count.
 */

const TRIALS = Number(process.env.AWB_WAL_TRIALS) || 300;
const TRANSACTIONS = 14;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const seed = testSeed();
const random = createRandom(seed);

let tmp: ReturnType<typeof tempFolder>;
let goldenDb: string;
let goldenWal: Buffer;
let pageSize: number;
/** Byte offset just past each commit frame of the golden log, in order. */
let commitEnds: number[];

function writeTransaction(db: Db, chartId: string, n: number): void {
  // Sizes vary from one page to dozens, so a transaction spans from one frame to many.
  const rows = n % 4 === 0 ? 120 : 1 + ((n * 7) % 12);
  db.transaction(() => {
    const positions = [];
    for (let j = 0; j < rows; j++) {
      insertEntity(db, { id: `t${n}-${j}`, type: 'person', label: `Person ${n}/${j}`, description: 'w'.repeat(n % 4 === 0 ? 400 : 30) });
      positions.push({ entityId: `t${n}-${j}`, x: j, y: n });
    }
    saveChartPositions(db, chartId, positions);
    setCaseMeta(db, `tx:${n}`, String(rows));
  })();
}

beforeAll(() => {
  tmp = tempFolder('awb-wal-');
  const path = join(tmp.dir, 'golden.awcase');
  createCaseFile(path, { name: 'Torn log' }).close();
  const store = openCaseFile(path);
  store.db.pragma('wal_autocheckpoint = 0');
  pageSize = store.db.pragma('page_size', { simple: true }) as number;
  const chartId = defaultChart(store.db).id;
  for (let n = 1; n <= TRANSACTIONS; n++) writeTransaction(store.db, chartId, n);
  // The file and its log as a crash would leave them: copied before any checkpoint.
  goldenDb = join(tmp.dir, 'golden-copy.awcase');
  copyFileSync(path, goldenDb);
  goldenWal = readFileSync(`${path}-wal`);
  store.close();

  commitEnds = [];
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= goldenWal.length; offset += FRAME_HEADER + pageSize) {
    // A commit frame records the database size in pages after the commit; other frames hold 0.
    if (goldenWal.readUInt32BE(offset + 4) !== 0) commitEnds.push(offset + FRAME_HEADER + pageSize);
  }
});
afterAll(() => tmp.cleanup());

type Damage = { kind: 'truncate' | 'flip' | 'zero' | 'overwrite' | 'append'; at: number; log: Buffer };

function damage(): Damage {
  const log = Buffer.from(goldenWal);
  const roll = random.next();
  const at = random.int(log.length);
  if (roll < 0.4) return { kind: 'truncate', at, log: log.subarray(0, at) };
  if (roll < 0.7) {
    log[at] = (log[at] ?? 0) ^ (1 + random.int(255));
    return { kind: 'flip', at, log };
  }
  if (roll < 0.85) {
    log.fill(0, at, Math.min(log.length, at + 1 + random.int(2 * pageSize)));
    return { kind: 'zero', at, log };
  }
  if (roll < 0.95) {
    for (let i = at; i < Math.min(log.length, at + 1 + random.int(512)); i++) log[i] = random.int(256);
    return { kind: 'overwrite', at, log };
  }
  const garbage = Buffer.alloc(1 + random.int(3 * pageSize));
  for (let i = 0; i < garbage.length; i++) garbage[i] = random.int(256);
  return { kind: 'append', at: log.length, log: Buffer.concat([log, garbage]) };
}

/** The first byte of the log that differs from the golden one (or is missing). */
function firstDamagedByte(log: Buffer): number {
  const shared = Math.min(log.length, goldenWal.length);
  for (let i = 0; i < shared; i++) if (log[i] !== goldenWal[i]) return i;
  return log.length < goldenWal.length ? log.length : Number.POSITIVE_INFINITY;
}

/** What the reopened case must hold: the transactions whose commit frame lies wholly before the damage. */
function expectedPrefix(log: Buffer): number {
  const firstBad = firstDamagedByte(log);
  // A damaged header invalidates the whole log.
  if (firstBad < WAL_HEADER) return 0;
  return commitEnds.filter((end) => end <= firstBad).length;
}

function holdsExactlyPrefix(db: Db, m: number): void {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  expect(integrity.map((r) => r.integrity_check)).toEqual(['ok']);
  const recorded = (db.prepare("SELECT key, value FROM case_meta WHERE key GLOB 'tx:*'").all() as { key: string; value: string }[])
    .map((r) => [Number(r.key.slice(3)), Number(r.value)] as const)
    .sort((a, b) => a[0] - b[0]);
  expect(recorded.map(([n]) => n)).toEqual(Array.from({ length: m }, (_, i) => i + 1));
  const counts = new Map(
    (db.prepare("SELECT substr(id, 2, instr(id, '-') - 2) AS n, count(*) AS c FROM entities GROUP BY n").all() as { n: string; c: number }[]).map(
      (r) => [Number(r.n), r.c],
    ),
  );
  const positioned = db.prepare('SELECT count(*) FROM chart_nodes').pluck().get() as number;
  let rows = 0;
  for (const [n, expectedRows] of recorded) {
    expect(counts.get(n), `rows of transaction ${n}`).toBe(expectedRows);
    rows += expectedRows;
  }
  expect(counts.size).toBe(recorded.length);
  expect(positioned).toBe(rows);
}

describe('a torn write-ahead log', () => {
  it('has one commit frame per transaction before any damage', () => {
    expect(commitEnds).toHaveLength(TRANSACTIONS);
    const trial = join(tmp.dir, 'intact.awcase');
    copyFileSync(goldenDb, trial);
    writeFileSync(`${trial}-wal`, goldenWal);
    const store = openCaseFile(trial);
    holdsExactlyPrefix(store.db, TRANSACTIONS);
    store.close();
  });

  it(`reopens as a consistent prefix of its transactions in ${TRIALS} randomised trials (seed ${seed})`, () => {
    const kinds = new Map<string, number>();
    const prefixes = new Map<number, number>();
    for (let trial = 1; trial <= TRIALS; trial++) {
      const { kind, at, log } = damage();
      const path = join(tmp.dir, `trial-${trial}.awcase`);
      copyFileSync(goldenDb, path);
      writeFileSync(`${path}-wal`, log);
      const m = expectedPrefix(log);
      const store = openCaseFile(path);
      try {
        holdsExactlyPrefix(store.db, m);
      } catch (error) {
        throw new Error(`trial ${trial} (seed ${seed}): ${kind} at byte ${at} of ${goldenWal.length}: ${(error as Error).message}`);
      } finally {
        store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      prefixes.set(m, (prefixes.get(m) ?? 0) + 1);
    }
    console.info(
      `torn WAL: ${TRIALS} trials (seed ${seed}), log of ${goldenWal.length} bytes with ${TRANSACTIONS} transactions; ` +
        `damage ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; every reopen held exactly the transactions before the damage ` +
        `(prefix lengths 0..${TRANSACTIONS} seen: ${prefixes.size} distinct).`,
    );
  }, 300_000);
});
