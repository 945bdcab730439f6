// Small helpers shared by the integration tests. They wait on VS Code events with a timeout,
// never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'dataworks-tasks.dataworks-tasks';

/** Root of the workspace under test (a throwaway copy of test/fixtures/workspace/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run must open test/fixtures/workspace as its folder');
  return folder.uri;
}

/** URI of a file in the fixture workspace, e.g. fixtureUri('completion.dwtasks.json'). */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture file and shows it in an editor; returns the editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** Writes content to a file of the workspace copy (created or replaced) and opens it in an editor. */
export async function openNewFixture(relativePath: string, content: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return openFixture(relativePath);
}

/** Rejects after ms with a message naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with the diagnostics of uri as soon as predicate accepts them (checked now and on every
 * onDidChangeDiagnostics for that uri). Default predicate: at least one diagnostic.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  const key = uri.toString();
  let sub: vscode.Disposable | undefined;
  const found = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    const check = (): boolean => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (predicate(diags)) {
        resolve(diags);
        return true;
      }
      return false;
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    check();
  });
  return withTimeout(found, timeoutMs, `diagnostics on ${uri.fsPath}`).then(
    (d) => {
      sub?.dispose();
      return d;
    },
    (e: unknown) => {
      sub?.dispose();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
      throw new Error(`${(e as Error).message}; current diagnostics: ${JSON.stringify(now)}`);
    },
  );
}

/** Waits until the extension is active (activation is triggered by the caller, e.g. opening a file). */
export async function waitForActivation(id = EXTENSION_ID, timeoutMs = 30_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(id);
  assert.ok(ext, `extension ${id} is not installed in the host`);
  const deadline = Date.now() + timeoutMs;
  while (!ext.isActive) {
    // No activation event exists to subscribe to; poll the flag briefly.
    if (Date.now() > deadline) throw new Error(`extension ${id} did not activate within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // The entry may still be a stand-in (src/extension/activation.ts): wake the real extension, as
  // opening a patch or running a command would.
  const lazy = ext.exports as { ready?: () => Promise<unknown> } | undefined;
  if (lazy?.ready) await lazy.ready();
  return ext;
}

/** Position just after the first occurrence of `marker` in the document (throws if absent). */
export function positionAfter(doc: vscode.TextDocument, marker: string): vscode.Position {
  const offset = doc.getText().indexOf(marker);
  assert.ok(offset >= 0, `${doc.uri.fsPath}: marker ${JSON.stringify(marker)} not found`);
  return doc.positionAt(offset + marker.length);
}

/**
 * Completion labels at a position. The JSON language server starts lazily, so this asks again until
 * accept() takes the labels (default: at least one) or the timeout passes, then returns the last
 * labels seen so the caller's assertion shows them.
 */
export async function completionLabels(
  uri: vscode.Uri,
  position: vscode.Position,
  accept: (labels: string[]) => boolean = (l) => l.length > 0,
  timeoutMs = 30_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    if (accept(labels) || Date.now() > deadline) return labels;
    await new Promise((r) => setTimeout(r, 250)); // back-off between asks, not a wait for a result
  }
}
