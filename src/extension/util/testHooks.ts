// Test hooks reach a command as `{ test: {...} }` in its arguments and count only when the extension
// runs in test mode: in normal use no workspace, keybinding or other extension can set them.
import * as vscode from 'vscode';

export function testHooks<T extends object>(context: vscode.ExtensionContext, args: unknown): Partial<T> {
  if (context.extensionMode !== vscode.ExtensionMode.Test || !args || typeof args !== 'object') return {};
  const test = (args as { test?: unknown }).test;
  return test && typeof test === 'object' ? (test as Partial<T>) : {};
}

/** A quick pick the host test API cannot drive: in test mode the test sees its items and chooses. */
export interface PickHook {
  pick?(items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions): vscode.QuickPickItem | undefined;
}

export async function showPick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions, hook: PickHook): Promise<T | undefined> {
  if (hook.pick) return hook.pick(items, options) as T | undefined;
  return vscode.window.showQuickPick(items, options);
}

/** The same for a multi-select quick pick (canPickMany): the test returns the items it picks. */
export interface PickManyHook {
  pickMany?(items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions): vscode.QuickPickItem[] | undefined;
}

export async function showPickMany<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions, hook: PickManyHook): Promise<T[] | undefined> {
  if (hook.pickMany) return hook.pickMany(items, { ...options, canPickMany: true }) as T[] | undefined;
  return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
}
