// One outline symbol per task, named `<Id> <Name>`, so outline and breadcrumbs find tasks; its
// fields are children so breadcrumbs reach `Trigger > Cron`. Outline, breadcrumbs and sticky scroll
// ask again after every edit, and the reply crosses to the window: in a 10,000-task patch the fields
// made 100,000+ symbols, seconds of the extension host's main thread per edit (building and
// serialising them). So, like VS Code's own JSON outline (`json.maxItemsComputed`, 5,000), fields are
// listed only while the whole outline stays within SYMBOL_BUDGET; beyond it, the tasks alone.
import * as vscode from 'vscode';
import type { Node } from 'jsonc-parser';
import type { ParsedPatch, ParsedTask } from '../../core/patch';
import { toVsRange } from '../util/ranges';
import { parsedPatch } from './parsedDocuments';

export class TaskSymbols implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    return outlineOf(parsedPatch(doc));
  }
}

/** The most symbols an outline with field children may have; a larger patch lists its tasks only. */
export const SYMBOL_BUDGET = 5_000;

export function outlineOf(patch: ParsedPatch, budget = SYMBOL_BUDGET): vscode.DocumentSymbol[] {
  const tasks = patch.tasks.map(taskSymbol);
  let left = budget - tasks.length;
  for (let i = 0; i < tasks.length && left >= 0; i++) {
    tasks[i].children = fieldSymbols(patch, patch.tasks[i].node, 0);
    left -= countSymbols(tasks[i].children);
  }
  if (left < 0) for (const t of tasks) t.children = [];
  return tasks;
}

function countSymbols(symbols: vscode.DocumentSymbol[]): number {
  let n = symbols.length;
  for (const s of symbols) n += countSymbols(s.children);
  return n;
}

export function taskSymbolName(task: ParsedTask): string {
  const id = task.id ?? `#${task.index + 1}`;
  return task.name ? `${id} ${task.name}` : id;
}

function taskSymbol(task: ParsedTask): vscode.DocumentSymbol {
  const range = toVsRange(task.range);
  const selection = task.idRange ? toVsRange(task.idRange) : range;
  return new vscode.DocumentSymbol(taskSymbolName(task), task.envType ?? '', vscode.SymbolKind.Object, range, selection);
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
