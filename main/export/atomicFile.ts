import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file written whole or not at all: the bytes go to a temporary file beside the target, which is
 * flushed to disk and then renamed over the target. A crash, a cancel or a full disk leaves the
 * target as it was (a stale `.part` file at worst, never a truncated image).
 */
export class AtomicFile {
  private closed = false;
  private written = 0;

  private constructor(
    readonly target: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens the temporary file (exclusively: never an existing file) beside `target`. */
  static async create(target: string): Promise<AtomicFile> {
    const dir = path.dirname(target);
    const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
    const handle = await open(tempPath, 'wx', 0o644);
    return new AtomicFile(target, tempPath, handle);
  }

  get bytesWritten(): number {
    return this.written;
  }

  async write(chunk: Uint8Array | string): Promise<void> {
    if (this.closed) throw new Error('The export file is already closed.');
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let offset = 0;
    while (offset < data.byteLength) {
      const { bytesWritten } = await this.handle.write(data, offset, data.byteLength - offset);
      offset += bytesWritten;
    }
    this.written += data.byteLength;
  }

  /** Flushes, closes and renames over the target. */
  async commit(): Promise<void> {
    if (this.closed) throw new Error('The export file is already closed.');
    this.closed = true;
    try {
      await this.handle.sync();
      await this.handle.close();
      await rename(this.tempPath, this.target);
    } catch (error) {
      await rm(this.tempPath, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncDirectory(path.dirname(this.target));
  }

  /** Closes and deletes the temporary file; the target is untouched. Safe to call twice. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    await rm(this.tempPath, { force: true });
  }
}

/** The rename itself is durable once the directory is flushed (POSIX; Windows cannot open a directory). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse to sync a directory; the file itself is already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes `data` to `target` atomically; returns the byte count. */
export async function writeFileAtomically(target: string, data: Uint8Array | string): Promise<number> {
  const file = await AtomicFile.create(target);
  try {
    await file.write(data);
    await file.commit();
    return file.bytesWritten;
  } catch (error) {
    await file.abort().catch(() => undefined);
    throw error;
  }
}
