import { Unzip, UnzipInflate } from 'fflate';
import { InterchangeError, type ParseLimits } from './graph';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** A name that would land outside the folder it is unpacked in (zip-slip), or that is absolute. */
export function isUnsafeEntryName(name: string): boolean {
  const normal = name.replace(/\\/g, '/');
  return normal.startsWith('/') || /^[a-zA-Z]:/.test(normal) || normal.split('/').some((part) => part === '..') || normal.includes('\u0000');
}

/**
 * Reads the entries of a zip archive that `wanted` selects, refusing the whole archive when any
 * entry name is unsafe (absolute, or climbing out with ".."), when it has too many entries, or
 * when what it unpacks to is too large in all or too large for its packed size (a zip bomb).
 * Sizes are counted as the data actually inflates, not as the headers claim.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ParseLimits): ZipEntry[] {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InterchangeError('This is not a zip archive (it does not start with "PK")', { byteOffset: 0 });
  const entries: ZipEntry[] = [];
  let count = 0;
  let total = 0;
  let failure: InterchangeError | null = null;
  const unfinished = new Set<string>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure) return;
    count++;
    if (count > limits.maxArchiveEntries) {
      failure = new InterchangeError(`This archive has more than ${limits.maxArchiveEntries} entries, which is refused`);
      return;
    }
    if (isUnsafeEntryName(file.name)) {
      failure = new InterchangeError(`This archive holds an entry whose path leaves its folder ("${file.name.slice(0, 200)}"), which is refused`);
      return;
    }
    if (!wanted(file.name) || file.name.endsWith('/')) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished.add(file.name);
    const packed = Math.max(file.size ?? 0, 1);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new InterchangeError(`The archive entry "${file.name}" is damaged: ${error.message}`);
        return;
      }
      size += data.length;
      total += data.length;
      if (total > limits.maxArchiveBytes) {
        failure = new InterchangeError(`This archive unpacks to more than ${Math.round(limits.maxArchiveBytes / 1e6)} MB, which is refused`);
        file.terminate();
        return;
      }
      if (size > 1_000_000 && size > packed * limits.maxCompressionRatio) {
        failure = new InterchangeError(`The archive entry "${file.name}" unpacks to more than ${limits.maxCompressionRatio} times its packed size (a zip bomb?), which is refused`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        unfinished.delete(file.name);
        const out = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          out.set(chunk, offset);
          offset += chunk.length;
        }
        entries.push({ name: file.name, bytes: out });
      }
    };
    file.start();
  };
  try {
    // Pushed in slices so a bomb is stopped after a slice, not after inflating the whole entry.
    const slice = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !failure; offset += slice) unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
  } catch (error) {
    if (!failure) throw new InterchangeError(`This zip archive is damaged or truncated: ${(error as Error).message}`);
  }
  // Set inside the callbacks, which the compiler cannot see.
  const failed = failure as InterchangeError | null;
  if (failed) throw failed;
  if (unfinished.size > 0) throw new InterchangeError(`This zip archive is truncated: the entry "${[...unfinished][0] ?? ''}" ends early`);
  if (count === 0) throw new InterchangeError('This zip archive is empty, damaged or truncated: no entries could be read');
  return entries;
}
