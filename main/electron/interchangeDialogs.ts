import path from 'node:path';
import type { FileFilter, MessageBoxOptions, MessageBoxReturnValue, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { EXPORT_EXTENSIONS } from '../../app/interchange/encode';
import type { ExportFormat } from '../../app/interchange/graph';
import type { InterchangeDialogs } from '../interchange/handlers';

/** What File › Import offers to open: every format we read, and each one on its own. */
export const IMPORT_FILE_FILTERS: FileFilter[] = [
  { name: 'All supported files', extensions: ['json', 'graphml', 'gexf', 'csv', 'tsv', 'txt', 'xlsx', 'mtgx', 'anx', 'xml'] },
  { name: 'STIX 2.1 bundle, MISP event or galaxy, or case JSON', extensions: ['json'] },
  { name: 'GraphML', extensions: ['graphml', 'xml'] },
  { name: 'GEXF', extensions: ['gexf'] },
  { name: 'CSV', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'Maltego graph', extensions: ['mtgx'] },
  { name: 'i2 ANX', extensions: ['anx'] },
  { name: 'All files', extensions: ['*'] },
];

const EXPORT_FILTER_NAMES: Record<ExportFormat, string> = {
  stix: 'STIX 2.1 bundle',
  graphml: 'GraphML',
  gexf: 'GEXF',
  csv: 'CSV (entities and links tables)',
  xlsx: 'Excel workbook',
  anx: 'i2 ANX',
  'misp-event': 'MISP event JSON',
  mtgx: 'Maltego graph (MTGX)',
  json: 'Workbench case JSON',
};

/** The save dialog's filter for an export format. */
export function exportFileFilter(format: ExportFormat): FileFilter {
  return { name: EXPORT_FILTER_NAMES[format], extensions: [EXPORT_EXTENSIONS[format]] };
}

/** "JNIM" + stix → "JNIM.stix.json" (+ misp-event → "JNIM.misp.json"); characters a file name cannot hold become "-". */
export function suggestedExportFileName(caseName: string, format: ExportFormat): string {
  const stem = [...caseName].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('').trim() || 'case';
  return format === 'stix' ? `${stem}.stix.json` : format === 'misp-event' ? `${stem}.misp.json` : `${stem}.${EXPORT_EXTENSIONS[format]}`;
}

/** The save dialog's answer with the format's extension added when the analyst typed none. */
export function withExportExtension(filePath: string, format: ExportFormat): string {
  return path.extname(filePath) === '' ? `${filePath}.${EXPORT_EXTENSIONS[format]}` : filePath;
}

export interface NativeFileDialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox?(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/** The question asked before a CSV export replaces its tables: the save dialog asked only about the name typed. */
export function replaceConfirmation(paths: readonly string[]): MessageBoxOptions {
  const names = paths.map((p) => path.basename(p));
  return {
    type: 'warning',
    title: 'Replace files?',
    message: `${names.join(' and ')} ${names.length === 1 ? 'exists' : 'exist'} already. Replace ${names.length === 1 ? 'it' : 'them'}?`,
    detail: 'A CSV export writes two tables beside the name you chose.',
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** File › Import and File › Export's native dialogs: the only source of their paths in the app. */
export function createInterchangeDialogs(native: NativeFileDialogs, documentsDir: () => string): InterchangeDialogs {
  return {
    async chooseImportFile() {
      const result = await native.showOpenDialog({
        title: 'Import into Case',
        buttonLabel: 'Preview Import',
        filters: IMPORT_FILE_FILTERS,
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportPath(format, caseName) {
      const result = await native.showSaveDialog({
        title: 'Export Case',
        buttonLabel: 'Export',
        defaultPath: path.join(documentsDir(), suggestedExportFileName(caseName, format)),
        filters: [exportFileFilter(format)],
        // The OS asks before replacing a file; the export then replaces it atomically.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : withExportExtension(result.filePath, format);
    },
    async confirmReplace(paths) {
      // No way to ask: never replace.
      if (!native.showMessageBox) return false;
      const { response } = await native.showMessageBox(replaceConfirmation(paths));
      return response === 0;
    },
  };
}
