/**
 * `npm run bench`: the store's speed as ratios against raw better-sqlite3 doing the same work on
 * the same machine in the same run. Ratios, not absolute times, are what we track: a ratio near 1
 * means our layers (mapping, validation, transactions) cost little over the engine itself.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { tempFolder } from '../db/testing/tempCase';
import { createCaseFile } from '../db/caseFile';
import { insertEntity } from '../db/entities';
import { insertLink } from '../db/links';
import { CaseSession } from '../main/caseSession';
import { dispatch } from '../main/dispatch';
import { createHandlers } from '../main/handlers';
import { RecentCases } from '../main/recentCases';
import { defaultChart } from '../db/charts';
import { benchAnalysis } from './bench/analysis';
import { benchEditing } from './bench/editing';
import { benchInterchange } from './bench/interchange';
import { benchImageExport } from './bench/imageExport';
import { benchRender } from './bench/render';
import { benchStoreScale } from './bench/storeScale';
import { benchTable } from './bench/table';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 20_000);
const LINKS = Number(process.env.BENCH_LINKS ?? 40_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Deterministic pseudo-random numbers, so every run builds the same graph. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function main(): Promise<void> {
  const tmp = tempFolder('awb-bench-');
  const rows: { task: string; oursMs: number; referenceMs: number }[] = [];
  try {
    const ours = tmp.file('ours.awcase');
    const raw = tmp.file('raw.sqlite');
    const random = rng(42);
    const pairs = Array.from({ length: LINKS }, () => [Math.floor(random() * ENTITIES), Math.floor(random() * ENTITIES)] as const);

    // 1. Insert N entities and M links in one transaction.
    const store = createCaseFile(ours, { name: 'bench' });
    const oursInsert = await time(() =>
      store.db.transaction(() => {
        const ids: string[] = [];
        for (let i = 0; i < ENTITIES; i++) ids.push(insertEntity(store.db, { type: 'person', label: `Person ${i}`, aliases: [`P${i}`] }).id);
        for (const [a, b] of pairs) insertLink(store.db, { type: 'related_to', sourceId: ids[a]!, targetId: ids[b]!, directed: false });
      })(),
    );
    store.close();

    const db = new Database(raw);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL, attributes TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
             CREATE TABLE entity_aliases (entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (entity_id, alias)) STRICT, WITHOUT ROWID;
             CREATE TABLE links (id TEXT PRIMARY KEY, type TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES entities(id), target_id TEXT NOT NULL REFERENCES entities(id), directed INTEGER NOT NULL, attributes TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
             CREATE INDEX links_source ON links(source_id); CREATE INDEX links_target ON links(target_id);`);
    const e = db.prepare('INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)');
    const al = db.prepare('INSERT INTO entity_aliases VALUES (?, ?, ?)');
    const l = db.prepare('INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const rawInsert = await time(() =>
      db.transaction(() => {
        const now = new Date().toISOString();
        for (let i = 0; i < ENTITIES; i++) {
          e.run(`e${i}`, 'person', `Person ${i}`, '{}', now, now);
          al.run(`e${i}`, `P${i}`, 0);
        }
        pairs.forEach(([a, b], i) => l.run(`l${i}`, 'related_to', `e${a}`, `e${b}`, 0, '{}', now, now));
      })(),
    );
    rows.push({ task: `insert ${ENTITIES} entities + ${LINKS} links (one transaction)`, oursMs: oursInsert, referenceMs: rawInsert });

    // 2. Load the chart: what the renderer asks for when a case opens, through the real handler.
    const session = new CaseSession();
    session.open(ours);
    const handlers = createHandlers({
      session,
      dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
      recent: new RecentCases(tmp.file('recent.json')),
      emit: () => undefined,
    });
    const oursLoad: number[] = [];
    const rawLoad: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      oursLoad.push(await time(() => dispatch(handlers, 'chart.load', undefined)));
      rawLoad.push(
        await time(() => {
          db.prepare('SELECT * FROM entities').all();
          db.prepare('SELECT * FROM entity_aliases').all();
          db.prepare('SELECT * FROM links').all();
        }),
      );
    }
    rows.push({ task: `chart.load of ${ENTITIES} entities + ${LINKS} links (median of ${ROUNDS})`, oursMs: median(oursLoad), referenceMs: median(rawLoad) });

    // 3. Save every position after a layout: one transaction.
    const chartId = defaultChart(session.requireStore().db).id;
    const entityIds = (session.requireStore().db.prepare('SELECT id FROM entities').pluck().all() as string[]);
    const positions = entityIds.map((entityId, i) => ({ entityId, x: i % 200, y: Math.floor(i / 200) }));
    const oursSave = await time(() => dispatch(handlers, 'chart.savePositions', { chartId, positions }));
    db.exec('CREATE TABLE chart_nodes (entity_id TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL) STRICT, WITHOUT ROWID');
    const up = db.prepare('INSERT INTO chart_nodes VALUES (?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET x = excluded.x, y = excluded.y');
    const rawSave = await time(() => db.transaction(() => positions.forEach((p, i) => up.run(`e${i}`, p.x, p.y)))());
    rows.push({ task: `chart.savePositions of ${ENTITIES} positions`, oursMs: oursSave, referenceMs: rawSave });

    session.close();
    db.close();
  } finally {
    tmp.cleanup();
  }

  console.log(`Analyst Workbench store benchmark (reference: raw better-sqlite3, same machine, same run)\n`);
  console.log(`${'task'.padEnd(64)} ${'ours ms'.padStart(10)} ${'raw ms'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const row of rows) {
    console.log(
      `${row.task.padEnd(64)} ${row.oursMs.toFixed(1).padStart(10)} ${row.referenceMs.toFixed(1).padStart(10)} ${(row.oursMs / row.referenceMs).toFixed(2).padStart(7)}`,
    );
  }
}

// BENCH_SECTIONS=store, =analysis, =interchange, =editing, =store-scale, =table or =render runs one part only; --quick: smaller sizes and a subset of render.
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'store,analysis,interchange,editing,store-scale,table,render').split(',');
const QUICK = process.argv.includes('--quick');
if (SECTIONS.includes('store')) await main();
if (SECTIONS.includes('analysis')) benchAnalysis();
if (SECTIONS.includes('editing')) benchEditing();
if (SECTIONS.includes('interchange')) await benchInterchange();
if (SECTIONS.includes('store-scale')) await benchStoreScale();
if (SECTIONS.includes('table')) benchTable();
// The chart in Chromium beside sigma.js and plain Cytoscape (builds the app first).
if (SECTIONS.includes('render')) benchRender(QUICK);
// Chart image export needs the built renderer and Chromium: only when asked (BENCH_SECTIONS=image).
if (SECTIONS.includes('image')) benchImageExport();
