import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportResult } from '../../app/contract';
import { encodeCase, type EncodedFile, type EncodeOptions, type TextExportFormat } from '../../app/interchange/encode';
import type { ExportFormat } from '../../app/interchange/graph';
import { exportCaseDocument } from '../../db/exportCase';
import type { Db } from '../../db/types';
import { encodeXlsxInWorker } from './parseHost';

/** Where each file of an export goes: the path itself, or "<stem>-<part><ext>" beside it. */
export function exportPaths(path: string, files: readonly Pick<EncodedFile, 'part' | 'extension'>[]): string[] {
  if (files.length === 1 && files[0]?.part === null) return [path];
  const ext = extname(path);
  const stem = basename(path, ext);
  return files.map((file) => join(dirname(path), `${stem}-${file.part ?? 'data'}${ext || `.${file.extension}`}`));
}

/** The files a CSV export writes beside `path` (the save dialog only asked about `path` itself). */
export function csvExportPaths(path: string): string[] {
  return exportPaths(path, [
    { part: 'entities', extension: 'csv' },
    { part: 'links', extension: 'csv' },
  ]);
}

/** An export that would replace files the analyst has not agreed to replace. */
export class ExportWouldReplaceError extends Error {
  constructor(readonly paths: string[]) {
    super(`${paths.map((p) => basename(p)).join(' and ')} ${paths.length === 1 ? 'exists' : 'exist'} already; nothing was written. Confirm replacing ${paths.length === 1 ? 'it' : 'them'} to export.`);
    this.name = 'ExportWouldReplaceError';
  }
}

/** The files of an export that exist already and were not the file the analyst named. */
export function filesExportWouldReplace(format: ExportFormat, path: string): string[] {
  return format === 'csv' ? csvExportPaths(path).filter((p) => existsSync(p)) : [];
}

/**
 * Writes beside the target, then renames: a reader never sees half a file. The temporary file
 * has a random name and is created exclusively (`wx`), so it is never a file (or a link planted
 * by someone else) that already exists.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < data.byteLength) offset += writeSync(fd, data, offset, data.byteLength - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw new Error(`could not write ${path}: ${(error as Error).message}`);
  }
}

export interface ExportFileOptions extends EncodeOptions {
  /**
   * Replace the `-entities.csv` / `-links.csv` files of a CSV export when they exist. Without it,
   * an export that would replace them writes nothing and throws ExportWouldReplaceError.
   */
  overwrite?: boolean;
}

/** Exports the case (one consistent snapshot) to `path` in a text format. */
export function exportCaseToFile(db: Db, format: TextExportFormat, path: string, options: ExportFileOptions = {}): ExportResult {
  const replaced = filesExportWouldReplace(format, path);
  if (replaced.length > 0 && !options.overwrite) throw new ExportWouldReplaceError(replaced);
  const doc = exportCaseDocument(db);
  const files = encodeCase(doc, format, options);
  const paths = exportPaths(path, files);
  files.forEach((file, i) => writeFileAtomically(paths[i] as string, file.content));
  return { paths, entities: doc.entities.length, links: doc.links.length };
}

/** Exports the case in any format, Excel workbooks included (their writer is asynchronous). */
export async function exportCase(db: Db, format: ExportFormat, path: string, options: ExportFileOptions = {}): Promise<ExportResult> {
  if (format !== 'xlsx') return exportCaseToFile(db, format, path, options);
  const doc = exportCaseDocument(db);
  // Written in the import worker, which bundles the workbook library (main and the CLI do not).
  writeFileAtomically(path, await encodeXlsxInWorker(doc));
  return { paths: [path], entities: doc.entities.length, links: doc.links.length };
}
