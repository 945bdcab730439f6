// One outline symbol per task, named `<Id> <Name>`, so outline and breadcrumbs find tasks; its
// fields are children so breadcrumbs reach `Trigger > Cron`.
import * as vscode from 'vscode';
import type { Node } from 'jsonc-parser';
import type { ParsedPatch, ParsedTask } from '../../core/patch';
import { toVsRange } from '../util/ranges';
import { parsedPatch } from './parsedDocuments';

export class TaskSymbols implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const patch = parsedPatch(doc);
    return patch.tasks.map((t) => taskSymbol(patch, t));
  }
}

export function taskSymbolName(task: ParsedTask): string {
  const id = task.id ?? `#${task.index + 1}`;
  const name = typeof task.value.Name === 'string' ? task.value.Name.trim() : '';
  return name ? `${id} ${name}` : id;
}

function taskSymbol(patch: ParsedPatch, task: ParsedTask): vscode.DocumentSymbol {
  const range = toVsRange(task.range);
  const selection = task.idRange ? toVsRange(task.idRange) : range;
  const sym = new vscode.DocumentSymbol(taskSymbolName(task), task.envType ?? '', vscode.SymbolKind.Object, range, selection);
  sym.children = fieldSymbols(patch, task.node, 0);
  return sym;
}

function fieldSymbols(patch: ParsedPatch, obj: Node, depth: number): vscode.DocumentSymbol[] {
  if (obj.type !== 'object' || depth > 2) return [];
  const out: vscode.DocumentSymbol[] = [];
  for (const prop of obj.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || typeof key.value !== 'string' || !key.value) continue;
    const kind = value?.type === 'object' ? vscode.SymbolKind.Object
      : value?.type === 'array' ? vscode.SymbolKind.Array : vscode.SymbolKind.Property;
    const detail = value && value.type !== 'object' && value.type !== 'array' ? String(value.value) : '';
    const sym = new vscode.DocumentSymbol(key.value, detail, kind,
      toVsRange(patch.rangeAt(prop.offset, prop.length)), toVsRange(patch.rangeAt(key.offset, key.length)));
    if (value) sym.children = fieldSymbols(patch, value, depth + 1);
    out.push(sym);
  }
  return out;
}
