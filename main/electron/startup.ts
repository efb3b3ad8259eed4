import path from 'node:path';
import type { RecentCase } from '../../app/contract';

/**
 * Pure decisions the Electron main process makes at start-up, kept out of main.ts (which imports
 * electron) so they can be tested under plain Node.
 */

/** A case is one SQLite file with this extension. */
export const CASE_FILE_EXTENSION = '.awcase';

/** The file-dialog filter for case files (extension without the dot, as Electron wants it). */
export const CASE_FILE_FILTERS = [{ name: 'Analyst Workbench case', extensions: [CASE_FILE_EXTENSION.slice(1)] }];

/** Appends `.awcase` unless the name already ends with it (any case), as save dialogs on Linux do not. */
export function withCaseExtension(filePath: string): string {
  return filePath.toLowerCase().endsWith(CASE_FILE_EXTENSION) ? filePath : `${filePath}${CASE_FILE_EXTENSION}`;
}

/** Where better-sqlite3 built for Electron's ABI lives, relative to the app root. */
export const ELECTRON_NATIVE_BINDING = path.join('build', 'electron-native', 'better_sqlite3.node');

export interface NativeBindingFacts {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project folder in development, `…/resources/app.asar` packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  exists: (filePath: string) => boolean;
}

/**
 * The better-sqlite3 addon to load under Electron: the one `npm start` builds for Electron's ABI
 * (node_modules keeps the Node build the tests use), unpacked from the asar when packaged.
 * Undefined when it is absent, so better-sqlite3 falls back to its own resolution (a packaged app
 * whose node_modules electron-builder rebuilt).
 */
export function electronNativeBindingPath(facts: NativeBindingFacts): string | undefined {
  const candidate = facts.isPackaged
    ? path.join(facts.resourcesPath, 'app.asar.unpacked', ELECTRON_NATIVE_BINDING)
    : path.join(facts.appPath, ELECTRON_NATIVE_BINDING);
  return facts.exists(candidate) ? candidate : undefined;
}

export type StartupCase =
  | { kind: 'create-sample'; path: string }
  | { kind: 'open'; path: string }
  | { kind: 'none' };

/**
 * What to open when the app starts. First launch (no case ever opened): the JNIM sample, created
 * in the user's cases folder, or reopened if that file is already there. Later launches: the most
 * recent case that still exists; none if they are all gone (the analyst moved on; no surprise sample).
 */
export function chooseStartupCase(recent: readonly RecentCase[], samplePath: string, sampleExists: boolean): StartupCase {
  if (recent.length === 0) {
    return sampleExists ? { kind: 'open', path: samplePath } : { kind: 'create-sample', path: samplePath };
  }
  const latest = recent.find((entry) => entry.exists);
  return latest ? { kind: 'open', path: latest.path } : { kind: 'none' };
}

/** The first `.awcase` path on a command line (a double-clicked file), if any. */
export function caseFileFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith(CASE_FILE_EXTENSION)) return arg;
  }
  return null;
}
