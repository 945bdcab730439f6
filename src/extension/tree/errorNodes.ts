// Turns a failure into nodes: what failed, then the fixes as clickable actions. Never throws and
// never leaves the tree empty.
import * as vscode from 'vscode';
import { DataWorksError } from '../../dataworks/errors';
import { isNotConfigured } from '../connection';
import { MessageNode } from './nodes/messageNode';
import type { TreeHost, TreeNode } from './nodes/node';

type Fix = 'setAccessKey' | 'selectProfile' | 'useEmulator' | 'selectRegion' | 'retry' | 'showLog';

export function errorNodes(host: TreeHost, parent: TreeNode, error: unknown): TreeNode[] {
  const { label, fixes } = describe(error);
  const message = error instanceof Error ? error.message : String(error);
  const nodes: TreeNode[] = [
    new MessageNode(host, parent, {
      label,
      icon: 'error',
      color: 'errorForeground',
      tooltip: message,
      contextValue: 'dataworks.error',
    }),
  ];
  for (const fix of fixes) nodes.push(new MessageNode(host, parent, fixSpec(fix, parent)));
  return nodes;
}

function describe(error: unknown): { label: string; fixes: Fix[] } {
  if (isNotConfigured(error)) {
    return error.reason === 'accessKeyMissing'
      ? { label: vscode.l10n.t('No AccessKey stored'), fixes: ['setAccessKey', 'selectProfile', 'useEmulator'] }
      : { label: vscode.l10n.t('The local emulator is not running: {0}', firstLine(error.message)), fixes: ['retry', 'useEmulator', 'showLog'] };
  }
  if (error instanceof DataWorksError) {
    switch (error.kind) {
      case 'auth':
        return error.code === 'NoCredentials'
          ? { label: vscode.l10n.t('No credentials found'), fixes: ['setAccessKey', 'selectProfile', 'useEmulator', 'retry'] }
          : { label: vscode.l10n.t('Not authorized ({0})', error.code), fixes: ['setAccessKey', 'selectProfile', 'useEmulator', 'retry'] };
      case 'network':
      case 'timeout':
        return { label: vscode.l10n.t('Cannot reach DataWorks ({0})', error.code), fixes: ['retry', 'selectRegion', 'useEmulator', 'showLog'] };
      case 'quota':
        return { label: vscode.l10n.t('API quota exhausted ({0}): try again later or raise the quota', error.code), fixes: ['retry', 'showLog'] };
      case 'throttled':
        return { label: vscode.l10n.t('Too many requests ({0}): retry in a moment', error.code), fixes: ['retry', 'showLog'] };
      case 'cancelled':
        return { label: vscode.l10n.t('Loading was cancelled'), fixes: ['retry'] };
      default:
        return { label: vscode.l10n.t('{0} failed: {1}', error.action, error.code), fixes: ['retry', 'showLog'] };
    }
  }
  return { label: vscode.l10n.t('Loading failed: {0}', firstLine(error instanceof Error ? error.message : String(error))), fixes: ['retry', 'showLog'] };
}

function fixSpec(fix: Fix, parent: TreeNode): ConstructorParameters<typeof MessageNode>[2] {
  const action = (label: string, icon: string, command: string, args: unknown[] = []) => ({
    label,
    icon,
    command: { title: label, command, arguments: args },
    contextValue: 'dataworks.action',
  });
  switch (fix) {
    case 'setAccessKey':
      return action(vscode.l10n.t('Set Access Key…'), 'key', 'dataworks.setAccessKey');
    case 'selectProfile':
      return action(vscode.l10n.t('Select Profile…'), 'account', 'dataworks.selectProfile');
    case 'useEmulator':
      return action(vscode.l10n.t('Use Local Emulator'), 'vm', 'dataworks.useLocalEmulator');
    case 'selectRegion':
      return action(vscode.l10n.t('Select Region…'), 'globe', 'dataworks.selectRegion');
    case 'showLog':
      return action(vscode.l10n.t('Show Request Log'), 'output', 'dataworks.showLog');
    case 'retry':
      return action(vscode.l10n.t('Retry'), 'refresh', 'dataworks.refresh', [parent]);
  }
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
