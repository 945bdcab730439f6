import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Pure: no editor, no network, no files (src/files/ reads and writes the workspace's files).
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode', '**/dataworks/**', '**/extension/**', '**/cli/**', '**/emulator/**', '**/files/**', 'node:*', 'fs', 'fs/*', 'child_process', 'net', 'http', 'https'] }] },
  },
  {
    // The workspace's files (journals, pulled sidecars, reports), shared by the CLI and the extension.
    files: ['src/files/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode', '**/dataworks/**', '**/extension/**', '**/cli/**', '**/emulator/**'] }] },
  },
  {
    files: ['src/emulator/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode', '**/dataworks/**', '**/extension/**', '**/cli/**', '@alicloud/*'] }] },
  },
  {
    files: ['src/dataworks/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode', '**/extension/**', '**/cli/**', '**/emulator/**'] }] },
  },
  {
    // Every command goes through the one wrapper (errors to the log and one message, cancel silent).
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/util/command.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.property.name='commands'][property.name='registerCommand']",
        message: 'Use registerCommand from src/extension/util/command.ts.',
      }],
    },
  },
);
