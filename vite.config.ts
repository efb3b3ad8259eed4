import react from '@vitejs/plugin-react';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The early script may import types only: built, it is a few hundred bytes. */
const EARLY_SCRIPT_MAX_BYTES = 2048;

/**
 * Builds renderer/early/earlyScript.ts alone as a classic script, `early.js`, and puts it in the
 * page's head after the Content-Security-Policy and before the app's bundle. The browser runs it
 * as soon as it arrives (it is tiny), while the bundle is still loading: it asks main for the case,
 * its chart and the settings at once, and the bundle takes the replies (early/earlyLoad.ts).
 */
function earlyScriptPlugin(): Plugin {
  let code = '';
  return {
    name: 'workbench-early-script',
    apply: 'build',
    async buildStart() {
      const entry = fileURLToPath(new URL('./renderer/early/earlyScript.ts', import.meta.url));
      this.addWatchFile(entry);
      const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', minify: true, write: false, target: 'chrome130', logLevel: 'warning' });
      code = out.outputFiles[0]!.text;
      if (code.length > EARLY_SCRIPT_MAX_BYTES) {
        this.error(`renderer/early/earlyScript.ts built to ${code.length} bytes (at most ${EARLY_SCRIPT_MAX_BYTES}): it must import types only.`);
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const at = html.indexOf('<title>');
        if (at < 0) throw new Error('index.html has no <title> to put the early script before.');
        return `${html.slice(0, at)}<script src="./early.js"></script>\n    ${html.slice(at)}`;
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'early.js', source: code });
    },
  };
}

/**
 * Builds the renderer into dist/renderer. `base: './'` because the page is served from
 * `app://workbench/` in Electron and from a test origin in e2e: every URL must be relative.
 * The bundle holds everything the page needs (icons are data URIs, fonts are the system's), so
 * the Content-Security-Policy in index.html can stay at 'self' with no inline code or styles.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyScriptPlugin()],
  // Workers start as modules ({type: 'module'}) and may split: the first-layout worker loads
  // fCoSE (and Cytoscape) only for a small chart, so a large chart's layout starts from a small script.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Electron's Chromium supports modulepreload; the polyfill would only add code.
    modulePreload: { polyfill: false },
    // Maps for debugging, without the comment that would make DevTools fetch them.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1500,
  },
});
