// "Apply N tasks (Prod: M) to <target>" at the top of a patch; the target follows the connection.
import * as vscode from 'vscode';
import { effectiveEnv } from '../../core/apply';
import type { ConnectionService } from '../connection';
import { parsedPatch } from '../language/parsedDocuments';

export class ApplyCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  private readonly sub: vscode.Disposable;

  constructor(private readonly connection: ConnectionService) {
    this.sub = connection.onDidChangeConnection(() => this.changed.fire());
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const parsed = parsedPatch(doc);
    if (!parsed.tasks.length) return [];
    const prod = parsed.tasks.filter((t) => effectiveEnv({ EnvType: t.envType }) === 'Prod').length;
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, {
        title: parsed.tasks.length === 1
          ? vscode.l10n.t('Apply 1 task (Prod: {0}) to {1}', prod, this.connection.describe().label)
          : vscode.l10n.t('Apply {0} tasks (Prod: {1}) to {2}', parsed.tasks.length, prod, this.connection.describe().label),
        command: 'dataworks.applyBatchUpdate',
        arguments: [doc.uri],
      }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Preview'), command: 'dataworks.previewBatchUpdate', arguments: [doc.uri] }),
    ];
  }
}
