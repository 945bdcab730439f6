// The one re-export of the VS Code API in the extension bundle (see one-vscode-namespace.mjs).
export * from 'vscode';
