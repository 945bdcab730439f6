// Helpers for rule tables: documents from task snippets, ranges located by the text they cover.
import type { Range, TextEdit } from '@src/core/types';

export function doc(...tasks: string[]): string {
  return `{\n  "Comment": "test",\n  "Tasks": [\n    ${tasks.join(',\n    ')}\n  ]\n}\n`;
}

/** The range covering the `occurrence`-th (0-based) occurrence of `snippet` in `text`. */
export function rangeOf(text: string, snippet: string, occurrence = 0, within?: string): Range {
  let at = -1;
  if (within) {
    at = text.indexOf(within) - 1;
    if (at < -1 || !within.includes(snippet)) throw new Error(`'${within}' not in text or lacks '${snippet}'`);
  }
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(snippet, at + 1);
    if (at < 0) throw new Error(`'${snippet}' #${occurrence} not in text`);
  }
  return { start: pos(text, at), end: pos(text, at + snippet.length) };
}

function pos(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offset(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

/** The text covered by a range. */
export function textAt(text: string, r: Range): string {
  return text.slice(offset(text, r.start), offset(text, r.end));
}

/** Applies non-overlapping edits. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e) => ({ s: offset(text, e.range.start), e: offset(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
