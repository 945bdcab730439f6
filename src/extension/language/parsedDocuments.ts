// One parse per document version shared by hover, inlay hints, completion, symbols, code lenses and
// code actions: each would otherwise re-parse a large file on every request. Task headers are
// carried over from the previous version where a task's text is unchanged (core/patch/header-carry).
import type * as vscode from 'vscode';
import { parsePatch, type ParsedPatch } from '../../core/patch';
import { carryHeaders, type HeaderMemo } from '../../core/patch/header-carry';

const cache = new Map<string, { version: number; patch: ParsedPatch; headers: HeaderMemo }>();

export function parsedPatch(doc: vscode.TextDocument): ParsedPatch {
  const key = doc.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === doc.version) return hit.patch;
  const patch = parsePatch(doc.getText());
  cache.set(key, { version: doc.version, patch, headers: carryHeaders(patch, hit?.headers).memo });
  return patch;
}

export function forgetParsed(doc: vscode.TextDocument): void {
  cache.delete(doc.uri.toString());
}
