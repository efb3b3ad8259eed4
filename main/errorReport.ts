import { WorkbenchFailure } from '../app/result';

/**
 * What main says about errors it did not expect: a contract error for the UI when the cause is the
 * disk or the file (SQLite's result codes), and a log line that names the error and where it was
 * thrown but carries no case content and no paths. Messages of arbitrary errors can quote data
 * (a JSON parse error quotes the text it choked on), so only SQLite's own messages, which name
 * tables and constraints, are logged in words.
 */

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * The contract error for a failed read or write of the case file, or null when the error is not
 * SQLite's. A statement that fails like this has been rolled back: nothing of it was saved.
 */
export function storageFailure(error: unknown): WorkbenchFailure | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL') {
    return new WorkbenchFailure(
      'storage',
      'Nothing was saved: the disk that holds the case file is full. Everything saved before is intact; free some space, then try again.',
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new WorkbenchFailure(
      'storage',
      'Nothing was saved: the case file can no longer be written (it may have been made read-only, or its disk was removed). Everything saved before is intact.',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new WorkbenchFailure(
      'storage',
      'Nothing was saved: the disk reported an error while the case file was written. Check the disk, then try again.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new WorkbenchFailure('storage', 'Nothing was saved: another program is using the case file. Try again in a moment.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new WorkbenchFailure(
      'storage',
      'The case file turned out to be damaged while it was open, and nothing more was written to it. Close it and open it again to restore a backup or salvage it.',
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new WorkbenchFailure('conflict', 'That change conflicts with the case as it is now; nothing was saved.');
  }
  return null;
}

const MAX_FRAMES = 8;

/** One log line about an error: its kind, SQLite's code and words, and the stack frames by file name only. */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const code = sqliteCode(error);
  const words = code !== null ? `: ${firstLine(error.message)}` : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => `  ${withoutDirectories(line.trim())}`);
  return [`${error.name}${code !== null ? ` [${code}]` : ''}${words}`, ...frames].join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** `at f (/home/analyst/app/dist/main.cjs:10:5)` → `at f (main.cjs:10:5)`: where, without whose disk. */
function withoutDirectories(frame: string): string {
  return frame.replace(/(?:file:\/\/)?(?:[A-Za-z]:)?[\\/][^\s():]*[\\/]([^\s\\/():]+)/g, '$1');
}
