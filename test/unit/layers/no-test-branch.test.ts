// What ships has no test branch (issue 19): the lint refuses the extension mode, `test` hooks and
// direct window/trust calls in src/, so the host tests can only reach the extension through the
// injected UI. Here the rules are run on snippets placed where they would live, so a config
// change that lets them through fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../../..');

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);
}

const TEST_BRANCHES = `import * as vscode from 'vscode';
export interface Args { test?: { pick?: boolean } }
export function run(context: vscode.ExtensionContext, args: Args): number {
  if (context.extensionMode === vscode.ExtensionMode.Test) return 1;
  return args.test ? 2 : /x/.test('x') ? 3 : 4;
}
export const call = { uri: undefined, test: { confirm: false } };
`;

test('the extension mode and `test` hook properties are refused anywhere in src/', async () => {
  for (const file of ['src/extension/apply/probe.ts', 'src/core/probe.ts', 'src/extension/util/ui.ts']) {
    const lines = (await restricted(TEST_BRANCHES, file)).map((m) => Number(m.split(':')[0]));
    // The property signature, extensionMode, ExtensionMode, the literal's `test:`; not RegExp#test or reading args.test.
    assert.deepEqual(lines, [2, 4, 4, 7], `${file}: ${lines.join(', ')}`);
  }
});

test('the extension shows and asks only through the injected UI (util/ui.ts is where VS Code is called)', async () => {
  const code = `import * as vscode from 'vscode';
export async function ask(): Promise<unknown> {
  await vscode.window.showQuickPick(['a']);
  await vscode.window.showInputBox({});
  await vscode.window.showWarningMessage('m', { modal: true }, 'Apply');
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification }, async () => undefined);
  await vscode.window.showSaveDialog({});
  return vscode.workspace.isTrusted;
}
`;
  assert.deepEqual((await restricted(code, 'src/extension/apply/probe.ts')).map((m) => Number(m.split(':')[0])), [3, 4, 5, 6, 7, 8]);
  assert.deepEqual(await restricted(code, 'src/extension/util/ui.ts'), []);
});
