import { BrowserWindow, dialog, screen } from 'electron';
import { describeErrorForLog } from '../errorReport';
import { APP_ENTRY_URL, windowWebPreferences } from '../security';
import { PRODUCT_NAME } from './errors';
import { MIN_WINDOW_SIZE, placeWindow, readWindowState, writeWindowState } from './windowState';

export interface WindowOptions {
  preloadPath: string;
  /** Where the window's size, place and maximised state are kept between runs. */
  stateFile: string;
  devTools: boolean;
  onClosed: (window: BrowserWindow) => void;
}

/** The one sandboxed window, loading the renderer from app://workbench. */
export function createMainWindow({ preloadPath, stateFile, devTools, onClosed }: WindowOptions): BrowserWindow {
  const placed = placeWindow(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    ...placed.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
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
  window.once('ready-to-show', () => {
    if (placed.maximized) window.maximize();
    window.show();
  });
  rememberPlace(window, stateFile);
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

/** Saves the window's place when it settles after a move or resize, and when it closes. */
function rememberPlace(window: BrowserWindow, stateFile: string): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    try {
      writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // Only a convenience: the next start opens at the default place.
      console.error(`[workbench] could not remember the window's place: ${describeErrorForLog(error)}`);
    }
  };
  const later = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
