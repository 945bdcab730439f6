// Shows where commands go (profile or emulator, region); a click opens the connection picker.
import * as vscode from 'vscode';
import type { ConnectionService } from './connectionService';
import { escapeMarkdownLine } from '../util/markdown';

/** The item (tests read its text, tooltip and command) and what releases it. */
export function createStatusBar(service: ConnectionService): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('dataworks.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('DataWorks Connection');
  item.command = 'dataworks.pickConnection';
  const update = (): void => {
    const target = service.describe();
    item.text = `$(${target.isEmulator ? 'vm' : 'cloud'}) ${target.label}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${vscode.l10n.t('DataWorks requests go to')}**\n\n`);
    // Label and value in one string: Chinese puts a full-width colon between them.
    tip.appendMarkdown(`- ${vscode.l10n.t('Target: {0}', escapeMarkdownLine(target.label))}\n`);
    tip.appendMarkdown(`- ${vscode.l10n.t('Region: {0}', escapeMarkdownLine(target.region))}\n`);
    tip.appendMarkdown(`- ${vscode.l10n.t('Endpoint: {0}', escapeMarkdownLine(target.endpoint || '—'))}\n\n`);
    tip.appendMarkdown(vscode.l10n.t('Click to change.'));
    item.tooltip = tip;
  };
  update();
  item.show();
  const sub = service.onDidChangeConnection(update);
  return { item, disposable: vscode.Disposable.from(item, sub) };
}

