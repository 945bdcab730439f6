// Hover on a field key: its documentation (from the schema in the user's language, see fieldDocs),
// its unit, and the contradictions between the API documents we know of.
import * as vscode from 'vscode';
import { inlineCode } from '../util/markdown';
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import { toVsRange } from '../util/ranges';
import { currentLocale } from '../util/settings';
import { fieldPathOf, type FieldDocs } from './fieldDocs';
import { parsedPatch } from './parsedDocuments';

export class FieldHover implements vscode.HoverProvider {
  constructor(private readonly docs: FieldDocs) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const patch = parsedPatch(doc);
    if (!patch.root) return undefined;
    const node = findNodeAtOffset(patch.root, doc.offsetAt(position), true);
    const prop = node?.parent;
    if (!node || prop?.type !== 'property' || prop.children?.[0] !== node) return undefined;
    const path = fieldPathOf(getNodePath(node));
    const info = path ? this.docs.get(path, currentLocale()) : undefined;
    if (!info) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${path}**`);
    if (info.type) md.appendMarkdown(' · ').appendMarkdown(inlineCode(info.type));
    md.appendMarkdown('\n\n');
    if (info.description) md.appendMarkdown(`${info.description}\n\n`);
    if (info.unit) md.appendMarkdown(`${vscode.l10n.t('Unit:')} ${info.unit}\n\n`);
    for (const c of info.conflicts) md.appendMarkdown(`$(warning) ${vscode.l10n.t('Documentation conflict:')} ${c}\n\n`);
    return new vscode.Hover(md, toVsRange(patch.rangeAt(node.offset, node.length)));
  }
}
