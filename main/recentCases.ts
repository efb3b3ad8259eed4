import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentCase } from '../app/contract';

const MAX_RECENT = 10;

const fileSchema = z.object({
  recent: z.array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() })).max(100),
});

/**
 * The recently opened cases, kept in a small JSON file in the user-data folder. A damaged list is
 * treated as empty (it is only a convenience) and rewritten on the next open.
 */
export class RecentCases {
  constructor(private readonly filePath: string) {}

  list(): RecentCase[] {
    return this.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
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
