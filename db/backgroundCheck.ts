import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OpenOptions } from './caseFile';

/**
 * SQLite's `quick_check` of a whole case file on a thread of its own, over its own read-only
 * connection: reading and checking every page of a million-entity case (1.5 GB) takes half a
 * minute, which must not stand between the analyst and the case (the main thread answers the
 * window). The file is never written by it.
 */

/** Passed; damaged (SQLite's first lines about what is wrong); or the check itself could not run. */
export type CheckVerdict = { ok: true } | { ok: false; damaged: boolean; problem: string };

// Runs in the worker. It is given better-sqlite3's resolved path: an eval'd worker resolves
// modules from the working folder, which in the packaged app is not the app's.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('trusted_schema = OFF');
  const lines = db.pragma('quick_check(20)').map((row) => row.quick_check);
  parentPort.postMessage({ lines });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message) });
} finally {
  if (db) db.close();
}
`;

function betterSqlitePath(): string {
  // The bundled main (CommonJS) resolves from its own place; the sources (tests, the bench, the
  // e2e harness) run from the repository's folder.
  const from = typeof __filename === 'string' ? __filename : join(process.cwd(), 'package.json');
  return createRequire(from).resolve('better-sqlite3');
}

/** Checks the file at `path` in full on a worker thread; never rejects. */
export function checkInBackground(path: string, options: OpenOptions = {}): Promise<CheckVerdict> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (verdict: CheckVerdict) => {
      if (settled) return;
      settled = true;
      resolve(verdict);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { path, module: betterSqlitePath(), nativeBinding: options.nativeBinding ?? null },
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      settle({ ok: false, damaged: false, problem: `the check could not start (${(error as Error).message})` });
      return;
    }
    worker.on('message', (message: { lines?: string[]; error?: string }) => {
      if (message.lines) {
        const problems = message.lines.filter((line) => line !== 'ok');
        settle(problems.length === 0 ? { ok: true } : { ok: false, damaged: true, problem: problems.slice(0, 3).join('; ') });
        return;
      }
      const error = message.error ?? 'the check failed';
      // SQLite refusing to read the file is a verdict about the file, as on the open path.
      settle({ ok: false, damaged: /malformed|corrupt|not a database/i.test(error), problem: error });
    });
    worker.on('error', (error) => settle({ ok: false, damaged: false, problem: `the check failed (${error.message})` }));
    worker.on('exit', () => settle({ ok: false, damaged: false, problem: 'the check stopped before it finished' }));
  });
}
