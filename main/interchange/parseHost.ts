import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS, describeLocation, type ErrorLocation, type ImportFormat, type InterchangeGraph, type ParseLimits } from '../../app/interchange/graph';
import type { ImportOptions } from '../../app/interchange/parse';
import type { CaseDocument } from '../../app/domain';
import { tooLargeMessage, type ParseJob, type ParseJobResult, type ParsedFileFacts } from './parseJob';
import type { EncodeXlsxJob, EncodeXlsxResult } from './worker';

/** Files larger than this are refused before a byte is read. */
export const MAX_IMPORT_FILE_BYTES = 512_000_000;

export interface ParseFileOptions {
  format?: ImportFormat | 'auto';
  options?: ImportOptions;
  limits?: Partial<ParseLimits>;
  maxFileBytes?: number;
  /** The parse is abandoned (and the worker ended) after this long. */
  timeoutMs?: number;
  /** Heap limit for the worker, in MB. */
  maxMemoryMb?: number;
  /** Aborting it ends the worker at once: the parse rejects with ImportCancelledError, and nothing was written. */
  signal?: AbortSignal;
}

export interface ParsedFile {
  graph: InterchangeGraph;
  file: ParsedFileFacts;
}

/** A file that could not be imported: nothing was written. The message is a sentence for the analyst. */
export class ImportParseError extends Error {
  readonly location: ErrorLocation | undefined;
  constructor(message: string, location?: ErrorLocation) {
    super(message);
    this.name = 'ImportParseError';
    this.location = location;
  }
}

/** The analyst cancelled the reading (the task list's or the dialog's Cancel): nothing was imported. */
export class ImportCancelledError extends Error {
  constructor(name: string) {
    super(`Reading ${name} was cancelled. Nothing was imported.`);
    this.name = 'ImportCancelledError';
  }
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MEMORY_MB = 3072;

let workerScriptOverride: string | null = null;

/** Points the host at a built worker script (tests and the bench build one with esbuild). */
export function setInterchangeWorkerScript(path: string | null): void {
  workerScriptOverride = path;
}

/**
 * The bundled worker, beside the bundle that runs this code (dist/main, or the packaged app's): a
 * place fixed when the app is built. No environment variable or working folder can point the
 * shipped app at another script; tests and the e2e harness, which run main from source, name the
 * built worker in code (setInterchangeWorkerScript).
 */
export function interchangeWorkerScript(): string {
  const candidates = [workerScriptOverride, typeof __dirname === 'string' ? join(__dirname, 'interchange-worker.cjs') : null];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error('The import worker (interchange-worker.cjs) is missing: run "npm run build:node".');
}

/** Checks the file before anything reads it: it exists, is a file, and is not too large. */
function preflight(path: string, maxFileBytes: number): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new ImportParseError(`${path} is not a file. Nothing was imported.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ImportParseError) throw error;
    throw new ImportParseError(`There is no readable file at ${path}. Nothing was imported.`);
  }
  if (size > maxFileBytes) throw new ImportParseError(`${tooLargeMessage(basename(path), size, maxFileBytes)} Nothing was imported.`);
}

function jobFor(path: string, options: ParseFileOptions): ParseJob {
  return {
    path: resolve(path),
    format: options.format ?? 'auto',
    options: options.options ?? {},
    limits: { ...DEFAULT_PARSE_LIMITS, ...options.limits },
    maxFileBytes: options.maxFileBytes ?? MAX_IMPORT_FILE_BYTES,
  };
}

function settle(result: ParseJobResult, name: string): ParsedFile {
  if (result.ok) return { graph: result.graph, file: result.file };
  const where = result.location && !result.message.includes(describeLocation(result.location)) ? ` (${describeLocation(result.location)})` : '';
  throw new ImportParseError(`${name} could not be imported: ${result.message}${where}. Nothing was imported.`, result.location);
}

/** Parses a file in a worker thread with memory, stack and time limits (the app's path). */
export function parseFileInWorker(path: string, options: ParseFileOptions = {}): Promise<ParsedFile> {
  const job = jobFor(path, options);
  const name = basename(path);
  try {
    preflight(job.path, job.maxFileBytes);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  const signal = options.signal;
  if (signal?.aborted) return Promise.reject(new ImportCancelledError(name));
  return new Promise<ParsedFile>((resolvePromise, reject) => {
    const worker = new Worker(interchangeWorkerScript(), {
      resourceLimits: { maxOldGenerationSizeMb: memory, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    let done = false;
    const onAbort = () =>
      finish(() => {
        throw new ImportCancelledError(name);
      });
    const finish = (outcome: () => ParsedFile) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      try {
        resolvePromise(outcome());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const timer = setTimeout(
      () =>
        finish(() => {
          throw new ImportParseError(`${name} could not be imported: reading it took longer than ${Math.round(timeoutMs / 1000)} s. Nothing was imported.`);
        }),
      timeoutMs,
    );
    worker.once('message', (result: ParseJobResult) => finish(() => settle(result, name)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => {
        const why = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading it needed more than ${memory} MB of memory` : error.message;
        throw new ImportParseError(`${name} could not be imported: ${why}. Nothing was imported.`);
      }),
    );
    worker.once('exit', (code) =>
      finish(() => {
        throw new ImportParseError(`${name} could not be imported: the reader stopped unexpectedly (exit ${code}). Nothing was imported.`);
      }),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(job);
  });
}

/**
 * The same parse in a child process, synchronously (the CLI's commands are synchronous): a heap
 * limit, a timeout, and the process is killed if it overruns either.
 */
export function parseFileInChildProcess(path: string, options: ParseFileOptions = {}): ParsedFile {
  const job = jobFor(path, options);
  const name = basename(path);
  preflight(job.path, job.maxFileBytes);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  const child = spawnSync(process.execPath, [`--max-old-space-size=${memory}`, '--stack-size=4000', interchangeWorkerScript(), '--stdio'], {
    input: JSON.stringify(job),
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 2 * 1024 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new ImportParseError(`${name} could not be imported: reading it took longer than ${Math.round(timeoutMs / 1000)} s. Nothing was imported.`);
  }
  if (child.status !== 0 || !child.stdout) {
    const oom = /heap out of memory|Allocation failed/i.test(child.stderr ?? '');
    const why = oom ? `reading it needed more than ${memory} MB of memory` : `the reader stopped unexpectedly (${child.signal ?? `exit ${child.status}`})`;
    throw new ImportParseError(`${name} could not be imported: ${why}. Nothing was imported.`);
  }
  return settle(JSON.parse(child.stdout) as ParseJobResult, name);
}

/** Writes a case as an Excel workbook in a worker thread (the workbook library is bundled there only). */
export function encodeXlsxInWorker(doc: CaseDocument, options: { timeoutMs?: number; maxMemoryMb?: number } = {}): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  return new Promise<Uint8Array>((resolvePromise, reject) => {
    const worker = new Worker(interchangeWorkerScript(), { resourceLimits: { maxOldGenerationSizeMb: memory, stackSizeMb: 8 }, stdout: false, stderr: false });
    let done = false;
    const finish = (outcome: () => Uint8Array) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      try {
        resolvePromise(outcome());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const fail = (why: string) => () => {
      throw new Error(`The Excel workbook could not be written: ${why}`);
    };
    const timer = setTimeout(() => finish(fail(`it took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    worker.once('message', (result: EncodeXlsxResult) => finish(result.ok ? () => result.bytes : fail(result.message)));
    worker.once('error', (error: Error & { code?: string }) => finish(fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${memory} MB of memory` : error.message)));
    worker.once('exit', (code) => finish(fail(`the writer stopped unexpectedly (exit ${code})`)));
    const job: EncodeXlsxJob = { kind: 'encodeXlsx', doc };
    worker.postMessage(job);
  });
}
