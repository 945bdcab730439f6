// The extension's entry (dist/extension.js), kept tiny: `onLanguage:jsonc` activates us for every
// settings.json, so this module only registers stand-ins and loads the real extension
// (extension.ts, its own bundle dist/main.js) when it is needed: a *.dwtasks.json opens, one of our
// commands runs, or the DataWorks view shows. As vscode-eslint defers its real activation.
import * as vscode from 'vscode';
import type { ExtensionApi } from './extension';
import { isPatchPath, onlyOtherJsonc } from './wakeReason';

/** What activate returns: filled with the real ExtensionApi once awake; `ready()` wakes it. */
export type LazyExtensionApi = Partial<ExtensionApi> & { ready(): Promise<ExtensionApi> };

const VIEW_ID = 'dataworks.tasks';

export function activate(context: vscode.ExtensionContext): LazyExtensionApi | Promise<LazyExtensionApi> {
  let waking: Promise<ExtensionApi> | undefined;
  const standIns: vscode.Disposable[] = [];
  const api: LazyExtensionApi = { ready: () => wake() };

  const wake = (): Promise<ExtensionApi> => {
    waking ??= import('./extension.js').then((main) => {
      // Gone before the real registrations of the same command and view ids.
      for (const d of standIns.splice(0)) d.dispose();
      return Object.assign(api, main.activate(context));
    });
    return waking;
  };

  const docs = (): { languageId: string; path: string }[] => vscode.workspace.textDocuments.map((d) => ({ languageId: d.languageId, path: d.uri.path }));
  if (!onlyOtherJsonc(docs())) return wake().then(() => api);

  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  for (const { command } of commands) {
    // Not the util/command.ts wrapper: a stand-in only forwards to the real command, which goes through it.
    // eslint-disable-next-line no-restricted-syntax
    standIns.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      await wake();
      return vscode.commands.executeCommand(command, ...args);
    }));
  }
  standIns.push(
    vscode.window.registerTreeDataProvider<never>(VIEW_ID, {
      getTreeItem: () => new vscode.TreeItem(''),
      getChildren: () => {
        void wake();
        return [];
      },
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isPatchPath(d.uri.path)) void wake();
    }),
  );
  // A workspace that holds patches (`workspaceContains`) wants the extension whatever file is open: its
  // status bar, tree and code lens. Only a workspace without one stays on the stand-ins.
  void vscode.workspace.findFiles('**/*.dwtasks.json', '**/node_modules/**', 1).then((found) => {
    if (found.length) void wake();
  });
  context.subscriptions.push({ dispose: () => standIns.forEach((d) => d.dispose()) });
  return api;
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
