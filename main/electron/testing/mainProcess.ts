import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Set-up shared by the tests that start the Electron main process (main.ts) against the stand-in
 * `electron` module (fakeElectron.ts), each in its own test file because main.ts starts once per
 * module graph.
 */

/** A file's SHA-256: how the tests show a file was left byte for byte as it was. */
export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Makes `file` the case the analyst last had open, so that main reopens it at start-up. */
export function setLastCase(userData: string, file: string, name: string): void {
  mkdirSync(userData, { recursive: true });
  writeFileSync(path.join(userData, 'recent-cases.json'), JSON.stringify({ recent: [{ path: file, name, openedAt: new Date().toISOString() }] }));
}

/**
 * Main installs process-wide handlers for uncaught errors; call before starting it, and the
 * returned function removes what it added, so the next test file starts clean.
 */
export function trackProcessListeners(): () => void {
  const uncaught = process.listeners('uncaughtException');
  const rejection = process.listeners('unhandledRejection');
  return () => {
    for (const listener of process.listeners('uncaughtException')) if (!uncaught.includes(listener)) process.removeListener('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!rejection.includes(listener)) process.removeListener('unhandledRejection', listener);
  };
}
