// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

/** Who may import whom (ARCHITECTURE.md): app ← db ← main; app ← renderer; nothing imports e2e. */
const forbid = (...groups) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: groups.flatMap((g) => g.paths ?? []),
      patterns: groups.flatMap((g) => g.patterns ?? []),
    },
  ],
});
const electron = { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }] };
const electronValues = { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron at run time.', allowTypeImports: true }] };
const node = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'This folder runs outside Node: no Node built-ins.' })),
  patterns: [{ regex: '^node:', message: 'This folder runs outside Node: no node:* modules.' }],
};
const folder = (name, message) => ({ patterns: [{ regex: `(^|/)${name}(/|$)`, message }] });
const db = folder('db', 'Only main/ (and e2e/) may import db/.');
const main = folder('main', 'Only e2e/ may import main/.');
const renderer = folder('renderer', 'Nothing imports renderer/.');
const e2e = folder('e2e', 'Nothing imports e2e/.');

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true } }],
    },
  },
  { files: ['app/**/*.ts'], rules: forbid(electron, node, db, main, renderer, e2e) },
  { files: ['db/**/*.ts'], rules: forbid(electron, main, renderer, e2e) },
  { files: ['main/**/*.ts'], ignores: ['main/electron/**'], rules: forbid(electronValues, renderer, e2e) },
  { files: ['main/electron/**/*.ts'], rules: forbid(renderer, e2e) },
  { files: ['renderer/**/*.{ts,tsx}'], rules: forbid(electron, node, db, main, e2e) },
  { files: ['renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['e2e/**/*.ts', 'scripts/**/*.ts'], rules: forbid(renderer) },
  // Config files and plain scripts are not in a tsconfig project, and tools want default exports from configs.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  { files: ['*.config.ts', '*.config.js', 'eslint.config.js', '**/*.d.ts'], rules: { 'no-restricted-exports': 'off' } },
);
