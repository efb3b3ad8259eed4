import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Test helper: overwrites leaf pages of one table of a closed (checkpointed) SQLite file with
 * garbage, as a failing disk or a bad copy would, and returns the page numbers hit. The pages are
 * taken from the middle of the table, so rows on both sides of the damage survive.
 */
export function damageTablePages(path: string, table: string, pages = 1): number[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let leafPages: number[];
  let pageSize: number;
  try {
    pageSize = db.pragma('page_size', { simple: true }) as number;
    leafPages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  } finally {
    db.close();
  }
  if (leafPages.length < pages + 2) throw new Error(`${table} has only ${leafPages.length} leaf pages`);
  const start = Math.floor((leafPages.length - pages) / 2);
  const hit = leafPages.slice(start, start + pages);
  const fd = openSync(path, 'r+');
  try {
    for (const page of hit) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return hit;
}

/** Overwrites bytes at an offset of a file (the header, a page, a frame of a log). */
export function overwriteBytes(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}
