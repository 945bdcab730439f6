// Offset <-> 0-based (line, UTF-16 character) mapping over one text, built once per parse.
import type { Position, Range } from '../types';

export class LineMap {
  private built?: number[];

  constructor(private readonly text: string) {}

  /** Built on first use: a file refused for its size never pays for a scan of it. */
  private get starts(): number[] {
    return (this.built ??= lineStarts(this.text));
  }

  positionAt(offset: number): Position {
    if (offset <= 0) return { line: 0, character: 0 };
    const starts = this.starts;
    const o = Math.min(offset, this.text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    const starts = this.starts;
    if (pos.line >= starts.length) return this.text.length;
    const start = starts[pos.line];
    const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }

  range(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

/** Offsets where lines start: after LF, CR LF and a lone CR, as VS Code counts lines. */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The usual file: the native search finds each LF far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
