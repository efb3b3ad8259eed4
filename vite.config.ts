import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer into dist/renderer. `base: './'` because the page is served from
 * `app://workbench/` in Electron and from a test origin in e2e: every URL must be relative.
 * The bundle holds everything the page needs (icons are data URIs, fonts are the system's), so
 * the Content-Security-Policy in index.html can stay at 'self' with no inline code or styles.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
