import { BrowserWindow, dialog } from 'electron';
import { describeErrorForLog } from '../errorReport';
import { APP_ENTRY_URL, windowWebPreferences } from '../security';
import { PRODUCT_NAME } from './errors';

export interface WindowOptions {
  preloadPath: string;
  devTools: boolean;
  onClosed: (window: BrowserWindow) => void;
}

/** The one sandboxed window, loading the renderer from app://workbench. */
export function createMainWindow({ preloadPath, devTools, onClosed }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      ...windowWebPreferences(preloadPath, { devTools }),
      // Spelled out again where the window is made, for reviewers and for Electronegativity,
      // which cannot follow the function call (windowWebPreferences, tested, sets the same).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, _code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    window.show();
    dialog.showErrorBox(
      PRODUCT_NAME,
      `The Analyst Workbench window could not load ${url} (${description}); the renderer build may be missing: run \`npm run build\`.`,
    );
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    console.error('[workbench] the window process ended:', details);
  });
  window.on('closed', () => onClosed(window));
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[workbench] loading the window failed: ${describeErrorForLog(error)}`);
  });
  return window;
}
