import path from 'node:path';
import {
  dialog,
  type BrowserWindow,
  type FileFilter,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { CaseDialogs } from '../handlers';
import type { RecoveryAction, RecoveryPlan } from '../caseRecovery';
import { createInterchangeDialogs } from './interchangeDialogs';
import { CASE_FILE_FILTERS, withCaseExtension } from './startup';

/**
 * The native dialogs main shows: every path a case, an import or an export reaches main by comes
 * from one of these (or from the OS), never from the page. Each is modal to the window when there
 * is one.
 */
export interface NativeDialogs {
  caseDialogs: CaseDialogs;
  interchangeDialogs: ReturnType<typeof createInterchangeDialogs>;
  askRecovery: (plan: RecoveryPlan) => Promise<RecoveryAction>;
  showInfo: (title: string, detail: string) => Promise<void>;
  /** Asks a question; resolves to the index of the button chosen. */
  ask: (options: MessageBoxOptions) => Promise<number>;
  chooseFile: (options: OpenDialogOptions) => Promise<string | null>;
}

export function createNativeDialogs(liveWindow: () => BrowserWindow | null, documentsFolder: () => string): NativeDialogs {
  const showOpen = (options: OpenDialogOptions) => {
    const window = liveWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  const showSave = (options: SaveDialogOptions) => {
    const window = liveWindow();
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const ask = async (options: MessageBoxOptions) => {
    const window = liveWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response;
  };

  const caseDialogs: CaseDialogs = {
    async chooseNewCasePath() {
      const result = await showSave({
        title: 'New Case',
        buttonLabel: 'Create',
        defaultPath: path.join(documentsFolder(), 'Untitled case.awcase'),
        filters: CASE_FILE_FILTERS,
        // No overwrite prompt: creating a case never replaces a file (the store refuses).
        properties: ['createDirectory'],
      });
      return result.canceled || !result.filePath ? null : withCaseExtension(result.filePath);
    },
    async chooseCaseToOpen() {
      const result = await showOpen({ title: 'Open Case', buttonLabel: 'Open', filters: CASE_FILE_FILTERS, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImageExportPath(format, suggestedName) {
      const filters: Record<typeof format, FileFilter> = {
        png: { name: 'PNG image', extensions: ['png'] },
        jpeg: { name: 'JPEG image', extensions: ['jpg', 'jpeg'] },
        svg: { name: 'SVG image', extensions: ['svg'] },
        pdf: { name: 'PDF document', extensions: ['pdf'] },
      };
      const result = await showSave({
        title: 'Export Image',
        buttonLabel: 'Export',
        defaultPath: path.join(documentsFolder(), suggestedName),
        filters: [filters[format]],
        // The OS asks before replacing a file; main then replaces it atomically.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };

  return {
    caseDialogs,
    // File › Import and File › Export: their paths come only from these dialogs (see main/interchange/handlers.ts).
    interchangeDialogs: createInterchangeDialogs(
      {
        showOpenDialog: showOpen,
        showSaveDialog: showSave,
        showMessageBox: (options) => {
          const window = liveWindow();
          return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
        },
      },
      documentsFolder,
    ),
    async askRecovery(plan) {
      const response = await ask({
        type: 'warning',
        title: plan.title,
        message: plan.message,
        detail: plan.detail,
        buttons: plan.choices.map((choice) => choice.label),
        defaultId: 0,
        cancelId: Math.max(0, plan.choices.findIndex((choice) => choice.action === plan.cancelAction)),
        noLink: true,
      });
      return plan.choices[response]?.action ?? plan.cancelAction;
    },
    async showInfo(title, detail) {
      await ask({ type: 'info', title, message: title, detail, buttons: ['OK'], noLink: true });
    },
    ask,
    async chooseFile(options) {
      const picked = await showOpen(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  };
}
