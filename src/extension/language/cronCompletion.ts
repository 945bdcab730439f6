// Snippets for common schedules inside a `Cron` string. Each replaces the whole value and says
// what it means (description of its default expansion) in the user's language.
import * as vscode from 'vscode';
import { escapeMarkdown, inlineCode } from '../util/markdown';
import { cronWeekdayNumbering, currentLocale } from '../util/settings';
import { cronAt } from './cronLocate';
import { describeShort } from './cronInfo';
import { CRON_SNIPPETS, snippetDefault, snippetText } from './cronSnippets';
import { parsedPatch } from './parsedDocuments';

export class CronCompletion implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const patch = parsedPatch(doc);
    const offset = doc.offsetAt(position);
    const cron = cronAt(patch, offset);
    if (!cron || offset < cron.contentStart || offset > cron.contentEnd) return undefined;
    const locale = currentLocale();
    const weekdays = cronWeekdayNumbering(doc.uri);
    const range = new vscode.Range(doc.positionAt(cron.contentStart), doc.positionAt(cron.contentEnd));
    // VS Code filters on the text from range start to the cursor: keep every snippet visible.
    const typed = doc.getText(new vscode.Range(range.start, position));
    return CRON_SNIPPETS.map((s, i) => {
      const example = snippetDefault(s.body);
      const { label, help } = snippetText(s, locale);
      const item = new vscode.CompletionItem({ label, description: example }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(s.body);
      item.range = range;
      item.filterText = typed + label;
      item.sortText = `!dw${i}`;
      item.detail = describeShort(example, locale, weekdays) ?? example;
      item.documentation = new vscode.MarkdownString(`${escapeMarkdown(help)}\n\n${inlineCode(example)}`);
      return item;
    });
  }
}
