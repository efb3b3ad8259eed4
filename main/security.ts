import path from 'node:path';
import type { WebPreferences } from 'electron';

/**
 * The security policy of the desktop app as pure functions, so every rule can be tested with
 * hostile inputs without starting Electron. main/electron/main.ts only wires these into Electron.
 */

/** The privileged custom scheme the UI is served from (registered standard + secure). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page the window ever shows. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a response header with every app:// response. No inline script or style, no remote
 * anything: the renderer only loads its own bundled files and talks to main through the preload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every app:// response besides Content-Type. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});

export interface WindowSecurityOptions {
  /** Allow opening DevTools (development builds only). */
  devTools?: boolean;
}

/**
 * The webPreferences of every window: sandboxed, context-isolated renderer without Node, whose
 * only way out is the preload's `window.workbench`.
 */
export function windowWebPreferences(preloadPath: string, options: WindowSecurityOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    plugins: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    // Middle-click opens links in new windows; new windows are denied anyway, the event is not needed.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    devTools: options.devTools ?? false,
  };
}

function parseUrl(url: string): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOriginUrl(url: URL): boolean {
  // Compared field by field: WHATWG gives non-special schemes an opaque ("null") origin in Node.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Whether the window may navigate to `url`. The UI is a single page: the only allowed target is
 * the app's own entry page (a reload); links, redirects and `window.location` changes are refused.
 */
export function isAllowedNavigation(url: string): boolean {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  const parsed = parseUrl(url);
  return parsed !== null && isAppOriginUrl(parsed) && parsed.pathname === '/index.html' && parsed.search === '';
}

/**
 * Whether the renderer may make a request for `url`. The app works offline by design: only its
 * own bundled files (app://workbench), DevTools in development, and in-memory data:/blob: URLs.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return isAppOriginUrl(parsed);
    case 'devtools:':
    case 'data:':
      return true;
    case 'blob:': {
      // A blob URL carries the origin that created it: only our page's (or DevTools') blobs.
      const inner = parseUrl(parsed.pathname);
      return inner !== null && (isAppOriginUrl(inner) || inner.protocol === 'devtools:');
    }
    default:
      return false;
  }
}

/**
 * A URL as the log may show it: scheme and host, never the path or query (a file:// URL names the
 * analyst's folders, a query can carry data).
 */
export function describeUrlForLog(url: string | null | undefined): string {
  if (typeof url !== 'string' || url.length === 0) return 'no URL';
  const parsed = parseUrl(url);
  if (!parsed) return 'an unparsable URL';
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
}

/** NUL and the other C0 controls, and DEL: never part of a file name we serve. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Maps an app:// request to a file under `rootDir` (the built renderer), or null when the URL is
 * not ours or tries to leave that folder. Refused rather than normalised: `..` and `.` segments
 * (raw or percent-encoded), encoded slashes and backslashes, NUL and other control characters,
 * drive letters, double encoding and empty segments. `app://workbench/` serves index.html.
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || !path.isAbsolute(rootDir)) return null;
  if (!requestUrl.startsWith(APP_ORIGIN)) return null;
  let rawPath = requestUrl.slice(APP_ORIGIN.length);
  const end = rawPath.search(/[?#]/);
  if (end >= 0) rawPath = rawPath.slice(0, end);
  if (rawPath === '' || rawPath === '/') rawPath = '/index.html';
  // Anything else after the host (`:port`, `@`, `.evil.com`) is another origin.
  if (!rawPath.startsWith('/')) return null;
  if (rawPath.includes('\\') || hasControlCharacter(rawPath)) return null;
  if (/%(?:00|2f|5c)/i.test(rawPath)) return null;

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    // `%` after decoding means double encoding: refused in case anything decodes again.
    if (/[/\\:%]/.test(segment) || hasControlCharacter(segment)) return null;
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a bundled file (sent with `nosniff`, so it has to be right). */
export function contentTypeForAsset(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** What main knows about the frame behind an IPC message. */
export interface SenderFacts {
  /** URL of the sending frame; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** The frame is the top-level frame of its page, not an iframe. */
  isMainFrame: boolean;
  /** The message came from the web contents of the window this app created. */
  isOurWindow: boolean;
}

/**
 * Whether an IPC message may reach the handlers: only the main frame of our own window while it
 * shows our own page. Anything else (an iframe, another window, a page that got navigated away)
 * is refused.
 */
export function isTrustedSender(sender: SenderFacts): boolean {
  if (!sender.isOurWindow || !sender.isMainFrame || sender.frameUrl === null) return false;
  if (!sender.frameUrl.startsWith(`${APP_ORIGIN}/`)) return false;
  const parsed = parseUrl(sender.frameUrl);
  return parsed !== null && isAppOriginUrl(parsed);
}
