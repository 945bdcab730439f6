// Shared bits of the language-feature integration tests.
import * as vscode from 'vscode';
import { openNewFixture, waitForActivation, waitForDiagnostics } from '../helpers';
import { uiLocale, type UiLocale } from '@src/extension/util/locale';

export const SOURCE = 'DataWorks';

export const ours = (ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => d.source === SOURCE);

export const codeOf = (d: vscode.Diagnostic): string | number | undefined =>
  typeof d.code === 'object' ? d.code.value : d.code;

export function hostLocale(): UiLocale {
  return uiLocale(vscode.env.language);
}

let counter = 0;

/** Writes a new patch file into the throwaway workspace, opens it, and waits for activation. */
export async function openPatch(content: string, name = 'lang'): Promise<vscode.TextDocument> {
  const { document } = await openNewFixture(`language/${name}-${Date.now()}-${counter++}.dwtasks.json`, content);
  await waitForActivation();
  return document;
}

/** Range of the n-th (0-based) occurrence of `text` in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string, nth = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(text, at + 1);
    if (at < 0) throw new Error(`${doc.uri.fsPath}: occurrence ${nth} of ${JSON.stringify(text)} not found`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

/** Waits until our diagnostics for the document satisfy the predicate. */
export function waitForOurs(doc: vscode.TextDocument, predicate: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(doc.uri, (ds) => predicate(ours(ds))).then(ours);
}

/** Hover texts at a position, markdown unescaped enough to compare plain text. */
export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>$&=])/g, '$1')
    .replace(/&nbsp;/g, ' ');
}

/** Sets a setting globally for the duration of fn, then restores it. */
export async function withSetting<T>(section: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const cfg = vscode.workspace.getConfiguration();
  const before = cfg.inspect(section)?.globalValue;
  await cfg.update(section, value, vscode.ConfigurationTarget.Global);
  try {
    return await fn();
  } finally {
    await vscode.workspace.getConfiguration().update(section, before, vscode.ConfigurationTarget.Global);
  }
}
