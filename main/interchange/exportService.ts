import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportResult } from '../../app/contract';
import { encodeCase, type EncodedFile, type EncodeOptions } from '../../app/interchange/encode';
import type { ExportFormat } from '../../app/interchange/graph';
import { exportCaseDocument } from '../../db/exportCase';
import type { Db } from '../../db/types';

/** Where each file of an export goes: the path itself, or "<stem>-<part><ext>" beside it. */
export function exportPaths(path: string, files: readonly EncodedFile[]): string[] {
  if (files.length === 1 && files[0]?.part === null) return [path];
  const ext = extname(path);
  const stem = basename(path, ext);
  return files.map((file) => join(dirname(path), `${stem}-${file.part ?? 'data'}${ext || `.${file.extension}`}`));
}

/** Writes beside the target, then renames: a reader never sees half a file. */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`could not write ${path}: ${(error as Error).message}`);
  }
}

/** Exports the case (one consistent snapshot) to `path` in a format. */
export function exportCaseToFile(db: Db, format: ExportFormat, path: string, options: EncodeOptions = {}): ExportResult {
  const doc = exportCaseDocument(db);
  const files = encodeCase(doc, format, options);
  const paths = exportPaths(path, files);
  files.forEach((file, i) => writeFileAtomically(paths[i] as string, file.content));
  return { paths, entities: doc.entities.length, links: doc.links.length };
}
