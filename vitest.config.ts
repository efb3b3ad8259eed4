import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Loads `*.txt` as a string module, as the esbuild and Vite builds do. */
function textModules(): Plugin {
  return {
    name: 'text-modules',
    // Before Vite's asset plugin, which otherwise claims `.txt` and yields its URL.
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.txt')) return null;
      return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    },
  };
}

export default defineConfig({
  plugins: [textModules()],
  test: {
    include: ['app/**/*.test.ts', 'db/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['scripts/test-no-network.ts'],
    pool: 'forks',
    // Correctness tests, some over 20,000-node charts, on a 2-core machine: time limits only catch hangs.
    testTimeout: 30_000,
  },
});
