import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { linkTypeDefinition } from '../app/linkTypes';

/**
 * The reading half of a bulk import (db/bulkImport.ts): the two CSV files parsed, every value
 * checked, the entity keys matched, and the rows handed on in batches of plain numbers and one
 * string of labels, ready to bind. Nothing here touches the case, so it can run on a worker
 * thread (db/bulkImportWorker.ts, bundled as bulk-import-worker.cjs beside the CLI) while the
 * thread that owns the connection only binds and steps the inserts; or on that thread itself,
 * through the same code, where no worker script was built (tests, the sources).
 */

export class BulkImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkImportError';
  }
}

/** A CSV table: its text, or a file to read (UTF-8) where the rows are read, off the importing thread. */
export type CsvSource = string | { file: string };

/** The two tables and the names their errors give. */
export interface ImportFiles {
  entities: CsvSource;
  links: CsvSource;
  entitiesName: string;
  linksName: string;
}

function textOf(source: CsvSource): string {
  return typeof source === 'string' ? source : readFileSync(source.file, 'utf8');
}

/**
 * Rows in the files' order. Types are indexes into a table that the batches build up: each
 * batch's `newTypes` are appended to it, in order, before its rows are read.
 */
export type RowBatch =
  | {
      kind: 'entities';
      count: number;
      newTypes: string[];
      types: Int32Array;
      /** The rows' labels (trimmed), one after another; row i's ends at labelEnds[i]. */
      labels: string;
      labelEnds: Int32Array;
    }
  | {
      kind: 'links';
      count: number;
      newTypes: string[];
      types: Int32Array;
      /** Row i's source and target: their ordinals (0-based) in the entity file's rows, at 2i and 2i + 1. */
      ends: Int32Array;
      directed: Uint8Array;
    };

/** Calls `row` with each record's fields and its 1-based line; throws on an unterminated quote. */
export function readCsvRecords(text: string, file: string, row: (fields: string[], line: number) => void): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new BulkImportError(`${file}, line ${start}: a quoted field is never closed.`);
          value += text.slice(j, q);
          for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (i < n && text.charCodeAt(i) !== 10) throw new BulkImportError(`${file}, line ${line}: text after a closing quote.`);
      i++;
      line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    row(fields, start);
  }
}

/**
 * The entity file's keys and a value for each (their ordinals, or ids): an open-addressing hash
 * table in one typed array (each slot the key's hash and its ordinal) over plain arrays of the
 * keys and values. At a million keys and five million look-ups it takes half the time of a
 * Map<string, string>, whose entries are objects scattered over the heap (npm run bench, store-scale).
 */
export class KeyTable<V = string> {
  readonly keys: string[] = [];
  readonly ids: V[] = [];
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;

  private static hash(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h | 0;
  }

  /** The value for `key`, or undefined. */
  get(key: string): V | undefined {
    const h = KeyTable.hash(key);
    const slots = this.slots;
    for (let b = h & this.mask; ; b = (b + 1) & this.mask) {
      const ordinal = slots[2 * b + 1] as number;
      if (ordinal === 0) return undefined;
      if (slots[2 * b] === h && this.keys[ordinal - 1] === key) return this.ids[ordinal - 1];
    }
  }

  /** Adds `key` with `id`; false (and nothing added) when the key is already there. */
  add(key: string, id: V): boolean {
    if (2 * (this.keys.length + 1) > this.mask + 1) this.grow();
    const h = KeyTable.hash(key);
    const slots = this.slots;
    let b = h & this.mask;
    for (; ; b = (b + 1) & this.mask) {
      const ordinal = slots[2 * b + 1] as number;
      if (ordinal === 0) break;
      if (slots[2 * b] === h && this.keys[ordinal - 1] === key) return false;
    }
    this.keys.push(key);
    this.ids.push(id);
    slots[2 * b] = h;
    slots[2 * b + 1] = this.keys.length;
    return true;
  }

  private grow(): void {
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    const old = this.slots;
    for (let i = 0; i < old.length; i += 2) {
      const ordinal = old[i + 1] as number;
      if (ordinal === 0) continue;
      let b = (old[i] as number) & mask;
      while (slots[2 * b + 1] !== 0) b = (b + 1) & mask;
      slots[2 * b] = old[i] as number;
      slots[2 * b + 1] = ordinal;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function columnsOf(header: readonly string[], file: string, wanted: readonly string[], optional: readonly string[] = []): Map<string, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out = new Map<string, number>();
  for (const name of [...wanted, ...optional]) {
    const index = lower.indexOf(name);
    if (index < 0 && wanted.includes(name)) {
      throw new BulkImportError(`${file}: the header has no "${name}" column (it needs ${wanted.join(', ')}; it has ${header.join(', ')}).`);
    }
    if (index >= 0) out.set(name, index);
  }
  return out;
}

function truthy(value: string, fallback: boolean): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return null;
}

/** Rows per batch: large enough that a batch's passage between threads costs little per row. */
const ENTITY_BATCH = 4096;
const LINK_BATCH = 8192;

/**
 * Reads and checks both files, calling `emit` with their rows in order (the entities, then the
 * links); throws BulkImportError with the file, line and reason at the first bad row, duplicate
 * key or link to a key the entity file does not have.
 */
export function readImportRows(input: ImportFiles, emit: (batch: RowBatch) => void): void {
  const { entitiesName, linksName } = input;
  // Each key's ordinal among the entity rows.
  const keys = new KeyTable<number>();
  const typeIndex = new Map<string, number>();
  let newTypes: string[] = [];
  const typeOf = (type: string): number => {
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = typeIndex.size;
      typeIndex.set(type, index);
      newTypes.push(type);
    }
    return index;
  };

  let count = 0;
  let types = new Int32Array(ENTITY_BATCH);
  let labels = '';
  let labelEnds = new Int32Array(ENTITY_BATCH);
  const emitEntities = () => {
    if (count === 0) return;
    emit({ kind: 'entities', count, newTypes, types, labels, labelEnds });
    count = 0;
    newTypes = [];
    types = new Int32Array(ENTITY_BATCH);
    labels = '';
    labelEnds = new Int32Array(ENTITY_BATCH);
  };
  let header: Map<string, number> | null = null;
  readCsvRecords(textOf(input.entities), entitiesName, (fields, line) => {
    if (header === null) {
      header = columnsOf(fields, entitiesName, ['id', 'type', 'label']);
      return;
    }
    const key = fields[header.get('id') as number] ?? '';
    const type = (fields[header.get('type') as number] ?? '').trim();
    const label = (fields[header.get('label') as number] ?? '').trim();
    if (key === '') throw new BulkImportError(`${entitiesName}, line ${line}: the id is empty.`);
    if (!keys.add(key, keys.keys.length)) throw new BulkImportError(`${entitiesName}, line ${line}: the id "${key}" is used twice.`);
    if (type === '' || type.length > 100) throw new BulkImportError(`${entitiesName}, line ${line}: the type must be 1 to 100 characters.`);
    if (label === '' || label.length > 1000) throw new BulkImportError(`${entitiesName}, line ${line}: the label must be 1 to 1000 characters.`);
    types[count] = typeOf(type);
    labels += label;
    labelEnds[count] = labels.length;
    if (++count === ENTITY_BATCH) emitEntities();
  });
  emitEntities();

  let ends = new Int32Array(2 * LINK_BATCH);
  let directedRows = new Uint8Array(LINK_BATCH);
  types = new Int32Array(LINK_BATCH);
  const emitLinks = () => {
    if (count === 0) return;
    emit({ kind: 'links', count, newTypes, types, ends, directed: directedRows });
    count = 0;
    newTypes = [];
    types = new Int32Array(LINK_BATCH);
    ends = new Int32Array(2 * LINK_BATCH);
    directedRows = new Uint8Array(LINK_BATCH);
  };
  header = null;
  const directedOf = new Map<string, boolean>();
  readCsvRecords(textOf(input.links), linksName, (fields, line) => {
    if (header === null) {
      header = columnsOf(fields, linksName, ['source', 'target', 'type'], ['directed']);
      return;
    }
    const source = keys.get(fields[header.get('source') as number] ?? '');
    const target = keys.get(fields[header.get('target') as number] ?? '');
    const type = (fields[header.get('type') as number] ?? '').trim();
    if (source === undefined || target === undefined) {
      const missing = source === undefined ? fields[header.get('source') as number] : fields[header.get('target') as number];
      throw new BulkImportError(`${linksName}, line ${line}: no entity has the id "${missing ?? ''}" in ${entitiesName}.`);
    }
    if (type === '' || type.length > 100) throw new BulkImportError(`${linksName}, line ${line}: the type must be 1 to 100 characters.`);
    let fallback = directedOf.get(type);
    if (fallback === undefined) {
      fallback = linkTypeDefinition(type).directed;
      directedOf.set(type, fallback);
    }
    const column = header.get('directed');
    const directed = column === undefined ? fallback : truthy(fields[column] ?? '', fallback);
    if (directed === null) throw new BulkImportError(`${linksName}, line ${line}: "directed" must be true or false.`);
    types[count] = typeOf(type);
    ends[2 * count] = source;
    ends[2 * count + 1] = target;
    directedRows[count] = directed ? 1 : 0;
    if (++count === LINK_BATCH) emitLinks();
  });
  emitLinks();
}

/** What the reader thread posts: a batch, the end, or why it stopped. */
type ReaderMessage = RowBatch | { kind: 'done' } | { kind: 'error'; bulk: boolean; message: string };

/** Slots of the shared counters: batches posted, batches consumed, and whether the reader must stop. */
const POSTED = 0;
const CONSUMED = 1;
const STOP = 2;
/** Batches the reader may be ahead of the inserts (the parsed rows of a whole file would double the memory). */
const AHEAD = 16;
/** No batch for this long means the reader thread is gone (it posts one every few milliseconds). */
const READER_SILENT_MS = 60_000;

interface ReaderData {
  input: ImportFiles;
  port: MessagePort;
  signal: Int32Array;
}

/**
 * readImportRows on a worker thread (`script`: the built bulk-import-worker.cjs), `consume`
 * called here with each batch in order, synchronously: this thread waits on shared counters
 * (Atomics.wait) and takes the batches off the port as they come (receiveMessageOnPort), so the
 * import stays one synchronous transaction. A bad row's BulkImportError is thrown here, as it
 * would be on this thread.
 */
export function readImportRowsInWorker(script: string, input: ImportFiles, consume: (batch: RowBatch) => void): void {
  const signal = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const data: ReaderData = { input, port: port2, signal };
  const worker = new Worker(script, { workerData: data, transferList: [port2] });
  worker.unref();
  try {
    let consumed = 0;
    let heard = performance.now();
    for (;;) {
      const posted = Atomics.load(signal, POSTED);
      const received = receiveMessageOnPort(port1);
      if (received === undefined) {
        if (Atomics.wait(signal, POSTED, posted, 1000) === 'timed-out' && performance.now() - heard > READER_SILENT_MS) {
          throw new Error('The bulk import reader thread stopped without an answer.');
        }
        continue;
      }
      heard = performance.now();
      const message = received.message as ReaderMessage;
      if (message.kind === 'done') return;
      if (message.kind === 'error') throw message.bulk ? new BulkImportError(message.message) : new Error(`The bulk import reader failed: ${message.message}`);
      consume(message);
      Atomics.store(signal, CONSUMED, ++consumed);
      Atomics.notify(signal, CONSUMED);
    }
  } finally {
    Atomics.store(signal, STOP, 1);
    Atomics.notify(signal, CONSUMED);
    Atomics.notify(signal, STOP);
    port1.close();
    void worker.terminate();
  }
}

/** The worker's side (db/bulkImportWorker.ts): reads the files it was given and posts their batches. */
export function serveImportRows(): void {
  const { input, port, signal } = workerData as ReaderData;
  let posted = 0;
  const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => {
    port.postMessage(message, transfer);
    Atomics.store(signal, POSTED, ++posted);
    Atomics.notify(signal, POSTED);
  };
  const stopped = () => Atomics.load(signal, STOP) === 1;
  try {
    readImportRows(input, (batch) => {
      for (;;) {
        const consumed = Atomics.load(signal, CONSUMED);
        if (stopped()) throw new Stopped();
        if (posted - consumed < AHEAD) break;
        Atomics.wait(signal, CONSUMED, consumed, 1000);
      }
      const buffers = batch.kind === 'entities' ? [batch.types.buffer, batch.labelEnds.buffer] : [batch.types.buffer, batch.ends.buffer, batch.directed.buffer];
      post(batch, buffers as ArrayBuffer[]);
    });
    post({ kind: 'done' });
  } catch (error) {
    if (error instanceof Stopped) return;
    post({ kind: 'error', bulk: error instanceof BulkImportError, message: error instanceof Error ? error.message : String(error) });
  }
  // The port stays open until the importing thread has taken everything (it sets STOP when it is done).
  while (!stopped()) Atomics.wait(signal, STOP, 0, 1000);
}

/** The importing thread is done with the reader (it failed, or a row did): nothing more to post. */
class Stopped extends Error {}
