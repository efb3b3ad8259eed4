import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentCase } from '../app/contract';

const MAX_RECENT = 10;

const fileSchema = z.object({
  recent: z.array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() })).max(100),
});

/** A recent entry's id: stable for its path, and telling the renderer nothing it could turn into another path. */
export function recentCaseId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/**
 * The recently opened cases, kept in a small JSON file in the user-data folder. A damaged list is
 * treated as empty (it is only a convenience) and rewritten on the next open.
 */
export class RecentCases {
  constructor(private readonly filePath: string) {}

  list(): RecentCase[] {
    return this.read().map((entry) => ({ ...entry, id: recentCaseId(entry.path), exists: existsSync(entry.path) }));
  }

  /** The path of the entry with that id, or null (a stale id, or a list cleared meanwhile). */
  pathOf(id: string): string | null {
    return this.read().find((entry) => recentCaseId(entry.path) === id)?.path ?? null;
  }

  add(path: string, name: string): void {
    const entries = this.read().filter((entry) => entry.path !== path);
    entries.unshift({ path, name, openedAt: new Date().toISOString() });
    this.write(entries.slice(0, MAX_RECENT));
  }

  clear(): void {
    this.write([]);
  }

  private read(): { path: string; name: string; openedAt: string }[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.filePath, 'utf8')));
      return parsed.success ? parsed.data.recent : [];
    } catch {
      return [];
    }
  }

  private write(recent: { path: string; name: string; openedAt: string }[]): void {
    mkdirSync(dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.tmp`;
    writeFileSync(temp, JSON.stringify({ recent }, null, 2));
    renameSync(temp, this.filePath);
  }
}
