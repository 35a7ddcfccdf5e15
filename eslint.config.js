// Lint rules, including the layer boundaries of DESIGN.md section 2: a violation fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A restricted-import pattern for a folder of ours, reached by any number of `../`. */
const layer = (name, message, allowTypeImports = false) => ({
  regex: `^(\\.\\./)+${name}(/|$)`,
  message,
  allowTypeImports,
});
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});
const pkg = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.{ts,tsx}'],
    rules: restrict([
      layer('(blocks|server|builder|runtime|templates)', 'core imports nothing of ours (DESIGN.md section 2).'),
      pkg(['react', 'react/*', 'react-dom', 'react-dom/*', 'express', 'better-sqlite3', 'kysely', 'node:*'],
        'core is pure TypeScript: no React, no Node APIs, no database.'),
    ]),
  },
  {
    files: ['blocks/**/*.{ts,tsx}'],
    rules: restrict([
      layer('(server|builder|runtime|templates)', 'blocks import core only (DESIGN.md section 2).'),
      pkg(['@dnd-kit/*', 'zustand', 'zustand/*', 'express', 'better-sqlite3', 'kysely', 'node:*'],
        'blocks render purely: no dnd, no store, no server APIs.'),
    ]),
  },
  {
    files: ['builder/**/*.{ts,tsx}'],
    rules: restrict([
      layer('server', 'builder may import only types from server (`import type`).', true),
      layer('templates', 'builder does not import templates.'),
    ]),
  },
  {
    files: ['runtime/**/*.{ts,tsx}'],
    rules: restrict([
      layer('server', 'runtime may import only types from server (`import type`).', true),
      layer('(builder|templates)', 'runtime never imports the builder (DESIGN.md section 2).'),
      pkg(['@dnd-kit/*', 'zustand', 'zustand/*', 'zundo'], 'runtime stays small: no dnd, no zustand.'),
    ]),
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    rules: restrict([layer('(builder|runtime)', 'server imports core, blocks and templates only.')]),
  },
);
