// A short description after each valid `Cron` value (GitHub Actions' lesson: meaning belongs in
// hints and hovers, not in info squiggles). Off with `dataworks.cron.inlayHints`.
import * as vscode from 'vscode';
import { cronInlayHintsEnabled, cronWeekdayNumbering, currentLocale, WEEKDAY_NUMBERING_SETTING } from '../util/settings';
import { toVsPosition } from '../util/ranges';
import { cronsIn } from './cronLocate';
import { describeShort } from './cronInfo';
import { parsedPatch } from './parsedDocuments';

export class CronInlayHints implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly watch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('dataworks.cron.inlayHints') || e.affectsConfiguration(WEEKDAY_NUMBERING_SETTING)) this.changed.fire();
  });

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!cronInlayHintsEnabled(doc.uri)) return [];
    const patch = parsedPatch(doc);
    const locale = currentLocale();
    const weekdays = cronWeekdayNumbering(doc.uri);
    const hints: vscode.InlayHint[] = [];
    for (const c of cronsIn(patch, doc.offsetAt(range.start), doc.offsetAt(range.end))) {
      const short = describeShort(c.expr, locale, weekdays);
      if (!short) continue;
      const hint = new vscode.InlayHint(toVsPosition(patch.positionAt(c.node.offset + c.node.length)), short);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    this.watch.dispose();
    this.changed.dispose();
  }
}
