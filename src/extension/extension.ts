// Activation registers providers and commands only: no network, no file scans.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
