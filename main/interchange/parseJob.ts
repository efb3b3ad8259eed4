import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { InterchangeError, type ErrorLocation, type ImportFormat, type InterchangeGraph, type ParseLimits } from '../../app/interchange/graph';
import type { TextEncoding } from '../../app/interchange/csvMapping';
import { formatOf, parseInterchange, type ImportOptions } from '../../app/interchange/parse';
import { findInvalidUtf8 } from '../../app/interchange/utf8';
import type { WorkbookTables } from '../../app/interchange/spreadsheet';

/** What the import worker is asked to do: read one file and map it to the interchange graph. */
export interface ParseJob {
  path: string;
  format: ImportFormat | 'auto';
  options: ImportOptions;
  limits: ParseLimits;
  maxFileBytes: number;
}

export interface ParsedFileFacts {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

export type ParseJobResult =
  | { ok: true; graph: InterchangeGraph; file: ParsedFileFacts }
  | { ok: false; message: string; location?: ErrorLocation };

/** Strict UTF-8: a BOM is dropped, an invalid sequence is refused with its byte offset. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = findInvalidUtf8(bytes);
    throw new InterchangeError('This file is not valid UTF-8 text', { byteOffset: Math.max(offset, 0) });
  }
}

/** Text in another encoding (a CSV from Excel); bytes that do not belong to it become U+FFFD. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw new InterchangeError(`The text encoding ${encoding} is not available in this build`);
    throw error;
  }
}

/** Reads the file whole, refusing it when it is (or has grown) larger than the cap. */
function readCapped(path: string, maxFileBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxFileBytes) throw new InterchangeError(tooLargeMessage(basename(path), size, maxFileBytes));
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function tooLargeMessage(name: string, size: number, max: number): string {
  return `${name} is ${formatBytes(size)}; files over ${formatBytes(max)} are refused. Split it, or import a smaller export.`;
}

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** Readers only the import worker bundles (the workbook library is large: the CLI and the app's main process do without it). */
export interface WorkerReaders {
  readWorkbook?: (bytes: Uint8Array, limits: ParseLimits) => Promise<WorkbookTables>;
}

/** Runs one job; never rejects (the worker posts whatever this resolves to). */
export async function runParseJob(job: ParseJob, readers: WorkerReaders = {}): Promise<ParseJobResult> {
  try {
    const bytes = readCapped(job.path, job.maxFileBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = basename(job.path);
    const format = formatOf(bytes, { fileName: name, format: job.format });
    // The workbook library is asynchronous: its sheets are read here, then mapped like the other formats.
    if (format === 'xlsx' && bytes.length > 0 && !readers.readWorkbook) throw new InterchangeError('Excel workbooks are read in the import worker');
    const workbook = format === 'xlsx' && bytes.length > 0 && readers.readWorkbook ? await readers.readWorkbook(bytes, job.limits) : undefined;
    const graph = parseInterchange(bytes, { fileName: name, format, options: job.options, limits: job.limits, decodeText: decodeUtf8, decodeAs, ...(workbook ? { workbook } : {}) });
    return { ok: true, graph, file: { path: job.path, name, bytes: bytes.length, sha256 } };
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, message: error.message, ...(error.location ? { location: error.location } : {}) };
    if (error instanceof RangeError) return { ok: false, message: `This file could not be read: it is too deeply nested or too large (${error.message})` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `There is no file at ${job.path}` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `${job.path} cannot be read (permission denied)` };
    if (code === 'EISDIR') return { ok: false, message: `${job.path} is a folder, not a file` };
    return { ok: false, message: `This file could not be read: ${(error as Error).message}` };
  }
}
