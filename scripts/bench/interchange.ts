/**
 * The interchange part of `npm run bench`: importing a 100,000-link i2-style CSV and a ~5 MB STIX
 * 2.1 bundle through the whole pipeline (parse in the worker, preview, one-transaction commit with
 * merge matching and file citations), against a reference in the same run: the same file parsed
 * by the same library (csv-parse / JSON.parse) and its rows inserted with raw better-sqlite3 in one
 * transaction. The ratio is what our layers (worker, validation, mapping, matching, provenance)
 * cost over parse-and-insert.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { createCaseFile } from '../../db/caseFile';
import { tempFolder } from '../../db/testing/tempCase';
import { ImportSessions } from '../../main/interchange/importService';
import { useBuiltInterchangeWorker } from '../../main/interchange/testing/workerBundle';

const CSV_LINKS = Number(process.env.BENCH_CSV_LINKS ?? 100_000);
const CSV_ENTITIES = Number(process.env.BENCH_CSV_ENTITIES ?? 20_000);
const STIX_BYTES = Number(process.env.BENCH_STIX_BYTES ?? 5_000_000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function csvFile(path: string): void {
  const random = rng(7);
  const types = ['Person', 'Armed group', 'Place', 'Organisation'];
  const links = ['member of', 'leads', 'operates in', 'funds', 'allied with'];
  const rows = ['Entity,Type,Link,Entity,Type,Date,Grade'];
  for (let i = 0; i < CSV_LINKS; i++) {
    const a = Math.floor(random() * CSV_ENTITIES);
    const b = Math.floor(random() * CSV_ENTITIES);
    const grade = `${'ABCDEF'[a % 6]}${(b % 6) + 1}`;
    rows.push(`Name ${a},${types[a % types.length]},${links[i % links.length]},Name ${b},${types[b % types.length]},20${String(10 + (i % 15))}-0${(i % 9) + 1},${grade}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

function stixFile(path: string): { objects: number } {
  const random = rng(11);
  const objects: Record<string, unknown>[] = [];
  const ids: string[] = [];
  let size = 0;
  const created = '2020-01-01T00:00:00.000Z';
  while (size < STIX_BYTES) {
    const id = `threat-actor--${uuid(random)}`;
    ids.push(id);
    const actor = { type: 'threat-actor', spec_version: '2.1', id, created, modified: created, name: `Actor ${ids.length}`, aliases: [`A${ids.length}`], description: 'A generated threat actor for the benchmark.', confidence: 60 };
    objects.push(actor);
    size += JSON.stringify(actor).length;
    if (ids.length > 1) {
      const other = ids[Math.floor(random() * (ids.length - 1))] as string;
      const rel = { type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(random)}`, created, modified: created, relationship_type: 'related-to', source_ref: id, target_ref: other };
      objects.push(rel);
      size += JSON.stringify(rel).length;
    }
  }
  const text = JSON.stringify({ type: 'bundle', id: `bundle--${uuid(random)}`, objects });
  writeFileSync(path, text);
  return { objects: objects.length };
}

function rawDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL) STRICT;
           CREATE TABLE links (id TEXT PRIMARY KEY, type TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES entities(id), target_id TEXT NOT NULL REFERENCES entities(id)) STRICT;
           CREATE INDEX links_source ON links(source_id); CREATE INDEX links_target ON links(target_id);`);
  return db;
}

async function ours(tmp: ReturnType<typeof tempFolder>, name: string, file: string): Promise<{ ms: number; entities: number; links: number; citations: number }> {
  const store = createCaseFile(tmp.file(name), { name });
  try {
    const start = performance.now();
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, file);
    const report = sessions.commit(store, preview.previewId);
    return { ms: performance.now() - start, entities: report.created.entities, links: report.created.links, citations: report.created.citations };
  } finally {
    store.close();
  }
}

export async function benchInterchange(): Promise<void> {
  useBuiltInterchangeWorker();
  const tmp = tempFolder('awb-bench-ix-');
  const rows: { task: string; oursMs: number; referenceMs: number; detail: string }[] = [];
  try {
    const csv = tmp.file('links.csv');
    csvFile(csv);
    const csvOurs = await ours(tmp, 'csv.awcase', csv);
    const csvRaw = (() => {
      const db = rawDb(tmp.file('csv-raw.sqlite'));
      const start = performance.now();
      const records: string[][] = parse(readFileSync(csv, 'utf8'), { relax_column_count: true });
      const e = db.prepare('INSERT OR IGNORE INTO entities VALUES (?, ?, ?)');
      const l = db.prepare('INSERT INTO links VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        records.slice(1).forEach((r, i) => {
          e.run(`${r[1]}:${r[0]}`, r[1], r[0]);
          e.run(`${r[4]}:${r[3]}`, r[4], r[3]);
          l.run(`l${i}`, r[2], `${r[1]}:${r[0]}`, `${r[4]}:${r[3]}`);
        });
      })();
      const ms = performance.now() - start;
      db.close();
      return ms;
    })();
    rows.push({ task: `import a ${CSV_LINKS}-link i2-style CSV`, oursMs: csvOurs.ms, referenceMs: csvRaw, detail: `${csvOurs.entities} entities, ${csvOurs.links} links, ${csvOurs.citations} citations` });

    const stix = tmp.file('bundle.json');
    const { objects } = stixFile(stix);
    const stixOurs = await ours(tmp, 'stix.awcase', stix);
    const stixRaw = (() => {
      const db = rawDb(tmp.file('stix-raw.sqlite'));
      const start = performance.now();
      const bundle = JSON.parse(readFileSync(stix, 'utf8')) as { objects: Record<string, string>[] };
      const e = db.prepare('INSERT INTO entities VALUES (?, ?, ?)');
      const l = db.prepare('INSERT INTO links VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        for (const o of bundle.objects) {
          if (o.type === 'relationship') l.run(o.id, o.relationship_type, o.source_ref, o.target_ref);
          else e.run(o.id, o.type, o.name);
        }
      })();
      const ms = performance.now() - start;
      db.close();
      return ms;
    })();
    rows.push({ task: `import a ${(STIX_BYTES / 1e6).toFixed(0)} MB STIX 2.1 bundle (${objects} objects)`, oursMs: stixOurs.ms, referenceMs: stixRaw, detail: `${stixOurs.entities} entities, ${stixOurs.links} links, ${stixOurs.citations} citations` });
  } finally {
    tmp.cleanup();
  }
  console.log(`\nAnalyst Workbench import benchmark (reference: the same parser + raw better-sqlite3 inserts, same run)\n`);
  console.log(`${'task'.padEnd(52)} ${'ours ms'.padStart(10)} ${'ref ms'.padStart(10)} ${'ratio'.padStart(7)}  written`);
  for (const row of rows) {
    console.log(`${row.task.padEnd(52)} ${row.oursMs.toFixed(0).padStart(10)} ${row.referenceMs.toFixed(0).padStart(10)} ${(row.oursMs / row.referenceMs).toFixed(2).padStart(7)}  ${row.detail}`);
  }
}
