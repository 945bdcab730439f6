// Which documents our language features apply to. The files are `jsonc` so the built-in JSON
// server keeps schema completion and allows comments (see reference/vscode-test-host.md).
import * as vscode from 'vscode';

export const DWTASKS_SELECTOR: vscode.DocumentFilter = { language: 'jsonc', pattern: '**/*.dwtasks.json' };

export function isPatchDocument(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(DWTASKS_SELECTOR, doc) > 0;
}
