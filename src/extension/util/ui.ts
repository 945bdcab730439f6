// Everything our commands show or ask goes through one injected UI, as Azure's extensions do with
// `ctx.ui`: quick picks, input boxes, messages (modal or not), dialogs, progress, workspace trust and
// the clock. The default calls VS Code; the integration tests swap in a scripted double through the
// extension's API (`api.ui.use(double)`), so no test branch ships in the product.
import * as vscode from 'vscode';

/** A message's options and buttons, as vscode.window.show*Message takes them. */
export type MessageArgs = [options: vscode.MessageOptions, ...items: string[]] | string[];

export type ProgressReport = { message?: string; increment?: number };

export interface ExtensionUi {
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A multi-select quick pick (canPickMany). */
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showInformationMessage(message: string, ...args: MessageArgs): Thenable<string | undefined>;
  showWarningMessage(message: string, ...args: MessageArgs): Thenable<string | undefined>;
  showErrorMessage(message: string, ...args: MessageArgs): Thenable<string | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<ProgressReport>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  /** Whether the workspace is trusted (Apply refuses otherwise). */
  isTrusted(): boolean;
  /** Epoch milliseconds: where "now" is for what the user sees (the schedule picture's window). */
  now(): number;
}

/** The extension's API side of the seam: `use` swaps the UI until the returned disposable restores the previous one. */
export interface UiSeam {
  use(next: ExtensionUi): vscode.Disposable;
}

/** Splits MessageArgs into what every vscode.window.show*Message overload takes. */
export function messageParts(args: MessageArgs): { options: vscode.MessageOptions; items: string[] } {
  const [first, ...rest] = args;
  if (typeof first === 'object') return { options: first, items: rest as string[] };
  return { options: {}, items: args as string[] };
}

const vscodeUi: ExtensionUi = {
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: false }),
  showQuickPickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showInputBox: (options) => vscode.window.showInputBox(options),
  showInformationMessage: (message, ...args) => {
    const { options, items } = messageParts(args);
    return vscode.window.showInformationMessage(message, options, ...items);
  },
  showWarningMessage: (message, ...args) => {
    const { options, items } = messageParts(args);
    return vscode.window.showWarningMessage(message, options, ...items);
  },
  showErrorMessage: (message, ...args) => {
    const { options, items } = messageParts(args);
    return vscode.window.showErrorMessage(message, options, ...items);
  },
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
  isTrusted: () => vscode.workspace.isTrusted,
  now: () => Date.now(),
};

let current: ExtensionUi = vscodeUi;

/** The UI in use now. */
export function ui(): ExtensionUi {
  return current;
}

export const uiSeam: UiSeam = {
  use(next) {
    const previous = current;
    current = next;
    return new vscode.Disposable(() => {
      if (current === next) current = previous;
    });
  },
};
