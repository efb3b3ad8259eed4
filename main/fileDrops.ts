import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { EventName, EventPayloads } from '../app/contract';
import type { CaseOpener } from './handlers';
import type { InterchangeDialogs } from './interchange/handlers';

/** How long a dropped file waits for the import preview that its drop started. */
const PENDING_IMPORT_MS = 30_000;

/** What a drop did, for the window (and the tests). */
export type DropOutcome =
  | { kind: 'opened'; name: string }
  | { kind: 'importing'; name: string }
  | { kind: 'refused'; message: string };

export interface FileDrops {
  /**
   * Files dropped on the window, as the preload read their paths from the drop (Electron's
   * webUtils.getPathForFile: a path the page's script cannot make up). A case file is opened; any
   * other file goes through File › Import's usual preview. One file at a time.
   */
  dropped(paths: readonly unknown[]): Promise<DropOutcome>;
  /** File › Import's dialogs, answering the next import's question with a file just dropped. */
  importDialogs(dialogs: InterchangeDialogs | undefined): InterchangeDialogs | undefined;
}

export interface FileDropDeps {
  opener: CaseOpener;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  now?: () => number;
}

export function createFileDrops({ opener, emit, now = Date.now }: FileDropDeps): FileDrops {
  let pending: { path: string; at: number } | null = null;

  return {
    async dropped(paths) {
      const files = paths.filter((path): path is string => typeof path === 'string' && path.length > 0 && path.length <= 4096);
      if (files.length === 0) return { kind: 'refused', message: 'Nothing that was dropped is a file on this computer.' };
      const [path] = files;
      if (path === undefined || !existsSync(path) || !statSync(path).isFile()) {
        return { kind: 'refused', message: `${basename(path ?? '')} is not a file: drop a case file or a file to import.` };
      }
      if (files.length > 1) emit('app.notice', { text: `${files.length} files were dropped: ${basename(path)} is opened; drop the others one at a time.` });
      if (extname(path).toLowerCase() === '.awcase') {
        const info = await opener.open(path);
        return { kind: 'opened', name: info.name };
      }
      pending = { path, at: now() };
      // The window opens File › Import and asks main for a file at once: it gets the dropped one (importDialogs).
      emit('import.dropped', { fileName: basename(path) });
      return { kind: 'importing', name: basename(path) };
    },
    importDialogs(dialogs) {
      if (!dialogs) return dialogs;
      return {
        chooseImportFile: () => {
          const waiting = pending;
          pending = null;
          if (waiting && now() - waiting.at <= PENDING_IMPORT_MS) return Promise.resolve(waiting.path);
          return dialogs.chooseImportFile();
        },
        chooseExportPath: (format, suggestedName) => dialogs.chooseExportPath(format, suggestedName),
      };
    },
  };
}
