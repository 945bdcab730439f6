// Show Task JSON: a read-only virtual document `dataworks-task:/<env>/<id>/<name>.json` with the
// task's GetTask answer. Read-only because content providers' documents cannot be saved.
import * as vscode from 'vscode';
import type { EnvType } from '../../core/patch/model';
import type { TaskDetails } from './taskDetails';
import { taskJsonText } from './taskJson';

export const TASK_SCHEME = 'dataworks-task';

export function taskUri(id: string, env: EnvType, name: string | undefined): vscode.Uri {
  const safe = (name || id).replace(/[\\/:*?"<>|#%]/g, '_');
  return vscode.Uri.from({ scheme: TASK_SCHEME, path: `/${env}/${id}/${safe}.json` });
}

export function parseTaskUri(uri: vscode.Uri): { id: string; env: EnvType } | undefined {
  const m = /^\/(Prod|Dev)\/(\d+)\//.exec(uri.path);
  return m ? { env: m[1] as EnvType, id: m[2]! } : undefined;
}

export class TaskDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly details: TaskDetails) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = parseTaskUri(uri);
    if (!ref) return `// ${vscode.l10n.t('Not a task address: {0}', uri.toString())}\n`;
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const task = await this.details.get(ref.id, ref.env, controller.signal, true);
      return taskJsonText(task);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return `// ${vscode.l10n.t('Could not load task {0} ({1}): {2}', ref.id, ref.env, message).replace(/\n/g, ' ')}\n`;
    } finally {
      sub.dispose();
    }
  }

  reload(uri: vscode.Uri): void {
    this.changeEmitter.fire(uri);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export async function showTaskJson(id: string, env: EnvType, name: string | undefined): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(taskUri(id, env, name));
  const json = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(json, { preview: true });
}
