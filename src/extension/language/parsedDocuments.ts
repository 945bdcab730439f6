// One parse per document version shared by hover, inlay hints, completion, symbols and code actions:
// each would otherwise re-parse a large file on every request.
import type * as vscode from 'vscode';
import { parsePatch, type ParsedPatch } from '../../core/patch';

const cache = new Map<string, { version: number; patch: ParsedPatch }>();

export function parsedPatch(doc: vscode.TextDocument): ParsedPatch {
  const key = doc.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === doc.version) return hit.patch;
  const patch = parsePatch(doc.getText());
  cache.set(key, { version: doc.version, patch });
  return patch;
}

export function forgetParsed(doc: vscode.TextDocument): void {
  cache.delete(doc.uri.toString());
}
