import tseslint from 'typescript-eslint';

const NO_TEST_BRANCH = [
  { selector: "MemberExpression[property.name='extensionMode']", message: 'No test branch in src: tests swap the injected UI (src/extension/util/ui.ts) through the API.' },
  { selector: "Identifier[name='ExtensionMode']", message: 'No test branch in src: tests swap the injected UI (src/extension/util/ui.ts) through the API.' },
  { selector: ":matches(Property, TSPropertySignature, PropertyDefinition)[key.name='test']", message: 'No `test` hooks in command arguments: tests script the injected UI (src/extension/util/ui.ts).' },
];
const ONE_WRAPPER = {
  selector: "MemberExpression[object.property.name='commands'][property.name='registerCommand']",
  message: 'Use registerCommand from src/extension/util/command.ts.',
};
const INJECTED_UI = [
  {
    selector: "MemberExpression[object.property.name='window'][property.name=/^(show(QuickPick|InputBox|InformationMessage|WarningMessage|ErrorMessage|SaveDialog|OpenDialog)|withProgress)$/]",
    message: 'Show and ask through ui() from src/extension/util/ui.ts (the host tests script it).',
  },
  { selector: "MemberExpression[object.property.name='workspace'][property.name='isTrusted']", message: 'Use ui().isTrusted() from src/extension/util/ui.ts.' },
];

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
  // What ships has no test branch: tests reach the extension through its API (the injected UI of
  // src/extension/util/ui.ts), never through the extension mode or a `test` hook in command arguments.
  { files: ['src/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...NO_TEST_BRANCH] } },
  {
    // Every command goes through the one wrapper (errors to the log and one message, cancel silent),
    // and what it shows or asks through the injected UI (a scripted double in the host tests).
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/util/command.ts', 'src/extension/util/ui.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_TEST_BRANCH, ONE_WRAPPER, ...INJECTED_UI] },
  },
  { files: ['src/extension/util/command.ts'], rules: { 'no-restricted-syntax': ['error', ...NO_TEST_BRANCH, ...INJECTED_UI] } },
  { files: ['src/extension/util/ui.ts'], rules: { 'no-restricted-syntax': ['error', ...NO_TEST_BRANCH, ONE_WRAPPER] } },
);
