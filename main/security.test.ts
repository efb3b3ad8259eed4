import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  contentTypeForAsset,
  describeUrlForLog,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  resolveAppAssetPath,
  windowWebPreferences,
} from './security';

const root = path.resolve('/opt/analyst-workbench/dist/renderer');

describe('windowWebPreferences', () => {
  it('sandboxes and isolates the renderer and gives it no Node', () => {
    const prefs = windowWebPreferences('/app/dist/main/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
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
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('allows DevTools only when asked (development)', () => {
    expect(windowWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows only our own scripts and styles', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only a reload of our own entry page', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://workbench/index.html#/chart')).toBe(true);
  });

  it.each([
    'app://workbench/',
    'app://workbench/other.html',
    'app://workbench/index.html?x=1',
    'app://workbench:8080/index.html',
    'app://user@workbench/index.html',
    'app://workbench.evil.example/index.html',
    'app://evil/index.html',
    'http://localhost:5173/index.html',
    'https://example.com/',
    'file:///etc/passwd',
    'file:///opt/analyst-workbench/dist/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://workbench/0b1c',
    'about:blank',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://workbench/index.html',
    'app://workbench/assets/index-abc123.js',
    'devtools://devtools/bundled/inspector.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://workbench/6f0b4f6e-1b7c-4a7e-9b59-1f7c0b1d2a3e',
  ])('allows %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'https://example.com/tracker.js',
    'ws://localhost:8080/',
    'wss://example.com/',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'file://C:/Windows/win.ini',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://workbench:1/index.html',
    'app://attacker@workbench/index.html',
    'blob:https://example.com/6f0b4f6e',
    'blob:null/6f0b4f6e',
    'chrome-extension://abc/script.js',
    'chrome://settings',
    '',
    '//example.com/x.js',
  ])('refuses %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('resolveAppAssetPath', () => {
  it('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppAssetPath(root, 'app://workbench/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAssetPath(root, 'app://workbench/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAssetPath(root, 'app://workbench/assets/My%20Icon.svg?v=2#x')).toBe(
      path.join(root, 'assets', 'My Icon.svg'),
    );
  });

  it('serves the entry page for the bare origin', () => {
    expect(resolveAppAssetPath(root, 'app://workbench/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAssetPath(root, 'app://workbench')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['dot-dot', 'app://workbench/../../etc/passwd'],
    ['dot-dot inside', 'app://workbench/assets/../../secret'],
    ['dot-dot that stays inside', 'app://workbench/assets/../index.html'],
    ['encoded dot-dot', 'app://workbench/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'app://workbench/%2E%2E/secret'],
    ['half-encoded dot-dot', 'app://workbench/.%2e/secret'],
    ['double-encoded dot-dot', 'app://workbench/%252e%252e/secret'],
    ['single dot', 'app://workbench/./index.html'],
    ['encoded slash', 'app://workbench/..%2f..%2fetc%2fpasswd'],
    ['encoded slash alone', 'app://workbench/assets%2Findex.js'],
    ['backslash', 'app://workbench/..\\..\\etc\\passwd'],
    ['encoded backslash', 'app://workbench/..%5c..%5csecret'],
    ['NUL', 'app://workbench/index.html%00.png'],
    ['raw NUL', 'app://workbench/index.html\u0000.png'],
    ['control character', 'app://workbench/index%0a.html'],
    ['absolute path after the host', 'app://workbench//etc/passwd'],
    ['drive letter', 'app://workbench/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://workbench/C%3A%5CWindows'],
    ['empty segment', 'app://workbench/assets//index.js'],
    ['directory', 'app://workbench/assets/'],
    ['bad percent-encoding', 'app://workbench/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['host suffix', 'app://workbench.evil/index.html'],
    ['port', 'app://workbench:80/index.html'],
    ['credentials', 'app://workbench@evil/index.html'],
    ['http', 'http://localhost/index.html'],
    ['file', 'file:///etc/passwd'],
    ['absolute file path', '/etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,hi'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAssetPath(root, url)).toBeNull();
  });

  it('refuses a relative root folder', () => {
    expect(resolveAppAssetPath('dist/renderer', 'app://workbench/index.html')).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '%2e%2e', '.', '%2e', 'a', '%2f', '%5c', '\\', '/', '%00', 'index.html', '%252e', ':', '%3a'];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const resolved = resolveAppAssetPath(root, `app://workbench/${a}/${b}${c}`);
          if (resolved !== null) {
            expect(resolved.startsWith(root + path.sep)).toBe(true);
          }
        }
      }
    }
  });
});

describe('contentTypeForAsset', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeForAsset('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeForAsset('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeForAsset('/r/assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeForAsset('/r/icon.svg')).toBe('image/svg+xml');
    expect(contentTypeForAsset('/r/font.woff2')).toBe('font/woff2');
  });

  it('falls back to an opaque type (never sniffed as HTML)', () => {
    expect(contentTypeForAsset('/r/unknown.xyz')).toBe('application/octet-stream');
    expect(contentTypeForAsset('/r/README')).toBe('application/octet-stream');
  });
});

describe('isTrustedSender', () => {
  const trusted = { frameUrl: 'app://workbench/index.html', isMainFrame: true, isOurWindow: true };

  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://workbench/index.html#/x' })).toBe(true);
  });

  it('refuses an iframe, another window, or a frame that is gone', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
  });

  it.each([
    'http://localhost:5173/index.html',
    'https://example.com/',
    'file:///opt/analyst-workbench/dist/renderer/index.html',
    'app://evil/index.html',
    'app://workbench.evil/index.html',
    'app://workbench:81/index.html',
    'app://x@workbench/index.html',
    'data:text/html,<script>workbench</script>',
    'javascript:void(0)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses a frame at %s', (frameUrl) => {
    expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
  });
});

describe('describeUrlForLog', () => {
  it.each([
    ['file:///home/analyst/cases/Sahel%20informants.awcase', 'file:'],
    ['https://tiles.example.com/1/2/3.png?key=secret', 'https://tiles.example.com'],
    ['app://workbench/assets/index.js', 'app://workbench'],
    ['data:text/plain,the note text', 'data:'],
    ['not a url', 'an unparsable URL'],
    ['', 'no URL'],
  ])('logs %s as %s, without path or query', (url, shown) => {
    expect(describeUrlForLog(url)).toBe(shown);
  });
});
