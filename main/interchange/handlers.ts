import type { CaseDelta, CaseEdit } from '../../app/editing/types';
import { WorkbenchFailure } from '../../app/result';
import { deltaSince, rowWatermark } from '../../db/caseRows';
import { ImportConflictError } from '../../db/importCase';
import type { CaseSession } from '../caseSession';
import type { Handlers } from '../dispatch';
import { exportCase, ExportWouldReplaceError, filesExportWouldReplace } from './exportService';
import { ImportSessions, PreviewExpiredError } from './importService';
import { ImportCancelledError, ImportParseError } from './parseHost';
import { createTaskControl, type TaskControl } from '../taskControl';
import type { ExportFormat } from '../../app/interchange/graph';

/** The native file dialogs import and export need; optional so a host without them still runs. */
export interface InterchangeDialogs {
  chooseImportFile(): Promise<string | null>;
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  /** Asks before an export replaces files the save dialog did not ask about (CSV's two tables); true to replace. */
  confirmReplace?(paths: string[]): Promise<boolean>;
}

type InterchangeChannel = 'interchange.preview' | 'interchange.import' | 'interchange.cancel' | 'interchange.export' | 'task.cancel';

export interface InterchangeHandlerDeps {
  session: CaseSession;
  dialogs?: InterchangeDialogs;
  /**
   * Called after an import has committed: with its history step, announced like every edit, or
   * (an import too large to record) null, and what it wrote is told by `delta`.
   */
  onImported: (edit: CaseEdit | null, delta: () => CaseDelta) => void;
  imports?: ImportSessions;
  /** Where reading an import file is registered under the renderer's task id, so task.cancel can stop it. */
  tasks?: TaskControl;
}

const cancelled = () => new WorkbenchFailure('cancelled', 'Cancelled.');

/** Import failures become contract errors: a bad file is `unsupported`, a stale preview a `conflict`. */
function asFailure(error: unknown): never {
  if (error instanceof ImportCancelledError) throw new WorkbenchFailure('cancelled', error.message);
  if (error instanceof ImportParseError) throw new WorkbenchFailure('unsupported', error.message);
  if (error instanceof PreviewExpiredError || error instanceof ImportConflictError) throw new WorkbenchFailure('conflict', error.message);
  throw error;
}

/** The interchange channels: preview an import, commit or cancel it, export the case. */
export function createInterchangeHandlers({ session, dialogs, onImported, imports = new ImportSessions(), tasks = createTaskControl() }: InterchangeHandlerDeps): Pick<Handlers, InterchangeChannel> {
  // With native dialogs (the app), the renderer never names a file: it may only re-read one the
  // analyst picked in the open dialog (to preview it again with a CSV mapping), and exports go
  // where the save dialog says. A path from the renderer is honoured only without dialogs (tests).
  const pickedForImport = new Set<string>();
  const importTarget = async (path: string | undefined): Promise<string | null> => {
    if (!dialogs) return path ?? null;
    if (path === undefined) {
      const picked = await dialogs.chooseImportFile();
      if (picked !== null) pickedForImport.add(picked);
      return picked;
    }
    if (!pickedForImport.has(path)) throw new WorkbenchFailure('invalid_input', 'Choose the file to import in the Import dialog.');
    return path;
  };
  return {
    'interchange.preview': async ({ path, format, csvMapping, taskId }) => {
      const store = session.requireStore();
      const target = await importTarget(path);
      if (target === null) throw dialogs ? cancelled() : new WorkbenchFailure('invalid_input', 'Give the path of the file to import.');
      return tasks.run(taskId, (signal) => imports.preview(store, target, { format: format ?? 'auto', options: csvMapping ? { csvMapping } : {}, ...(signal ? { signal } : {}) })).catch(asFailure);
    },
    'interchange.import': ({ previewId, decisions, fileReliability }) => {
      try {
        const store = session.requireStore();
        const mark = rowWatermark(store.db);
        const { report, edit } = imports.commitStep(store, previewId, { ...(decisions ? { decisions } : {}), ...(fileReliability ? { fileReliability } : {}) });
        onImported(edit, () => deltaSince(store.db, mark));
        return report;
      } catch (error) {
        return asFailure(error);
      }
    },
    'interchange.cancel': ({ previewId }) => {
      imports.discard(previewId);
      return null;
    },
    'task.cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
    'interchange.export': async ({ format, path, stixRelationships, csvBom, overwrite }) => {
      const store = session.requireStore();
      const info = session.current();
      if (dialogs && path !== undefined) throw new WorkbenchFailure('invalid_input', 'Choose where to export in the save dialog.');
      const target = dialogs ? await dialogs.chooseExportPath(format, info?.name ?? 'case') : (path ?? null);
      if (target === null) throw dialogs ? cancelled() : new WorkbenchFailure('invalid_input', 'Give the path to export to.');
      // With dialogs, only the analyst's answer replaces the files beside the one they named.
      let replace = dialogs ? false : (overwrite ?? false);
      const existing = filesExportWouldReplace(format, target);
      if (existing.length > 0 && dialogs?.confirmReplace) {
        if (!(await dialogs.confirmReplace(existing))) throw cancelled();
        replace = true;
      }
      try {
        return await exportCase(store.db, format, target, { ...(stixRelationships ? { stixRelationships } : {}), ...(csvBom ? { csvBom } : {}), overwrite: replace });
      } catch (error) {
        if (error instanceof ExportWouldReplaceError) throw new WorkbenchFailure('conflict', error.message);
        throw error;
      }
    },
  };
}
