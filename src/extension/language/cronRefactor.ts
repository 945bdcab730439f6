// A valid cron that is not in canonical form ("0 0 2 * * ?") gets a refactoring to the canonical
// form ("00 00 02 * * ?") where the cursor is: an offer in the light bulb, never a diagnostic (a
// valid schedule is not a problem, and info squiggles on it would nag).
import * as vscode from 'vscode';
import { checkCron } from '../../core/cron';
import { cronWeekdayNumbering, currentLocale } from '../util/settings';
import { cronAt } from './cronLocate';
import { parsedPatch } from './parsedDocuments';

export class CronCanonicalRefactor implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.RefactorRewrite.append('dataworks.cronCanonical');
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [CronCanonicalRefactor.kind] };

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(CronCanonicalRefactor.kind)) return [];
    const cron = cronAt(parsedPatch(doc), doc.offsetAt(range.start));
    if (!cron) return [];
    const check = checkCron(cron.expr, currentLocale(), { weekdays: cronWeekdayNumbering(doc.uri) });
    // Invalid expressions get their fixes as quick fixes on the diagnostic.
    if (!check.valid) return [];
    return check.fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, CronCanonicalRefactor.kind);
      const edit = new vscode.WorkspaceEdit();
      const span = new vscode.Range(doc.positionAt(cron.contentStart), doc.positionAt(cron.contentEnd));
      edit.replace(doc.uri, span, JSON.stringify(fix.replacement).slice(1, -1));
      action.edit = edit;
      return action;
    });
  }
}
