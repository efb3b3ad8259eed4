import { dialog } from 'electron';
import { describeErrorForLog } from '../errorReport';

export const PRODUCT_NAME = 'Analyst Workbench';

let unexpectedErrorShown = false;

/**
 * Unexpected errors: logged in full, shown to the analyst once, never rethrown (a throw in main
 * would kill the app and, with it, the analyst's session). The log line names the error and where
 * it was thrown, never case content or paths (errorReport.ts).
 */
export function reportUnexpectedError(error: unknown): void {
  console.error(`[workbench] unexpected error in the main process: ${describeErrorForLog(error)}`);
  if (unexpectedErrorShown) return;
  unexpectedErrorShown = true;
  try {
    dialog.showErrorBox(
      PRODUCT_NAME,
      'Analyst Workbench hit an unexpected problem and wrote the details to its log. ' +
        'Everything already saved is in the case file; if something looks wrong, restart the application.',
    );
  } catch {
    // Logged above; a dialog that cannot be shown must not turn into another uncaught error.
  }
}

/** The first line of an error's message, for a dialog. */
export function errorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  return firstLine.length > 0 ? firstLine : 'An unknown error occurred.';
}
