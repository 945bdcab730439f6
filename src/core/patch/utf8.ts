// Strict UTF-8 for patch files. A lenient decoder puts U+FFFD where bytes are not UTF-8 (a Latin-1
// or GBK file), and that replacement character would be sent as the task's name. So a patch is
// decoded with the native decoder in fatal mode, and on failure the first bad sequence is located
// for the message: line, column and the bytes themselves.

export interface Utf8Problem {
  /** 0-based line and UTF-16 column of the first bad byte, as an editor counts them. */
  line: number;
  character: number;
  /** Byte offset of the first bad byte. */
  offset: number;
  /** The bad sequence: the lead byte and the continuation bytes that follow it (at most 4). */
  bytes: number[];
}

/** The text of `bytes` (a leading BOM is kept: stripBom drops it), or where it stops being UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: Utf8Problem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: locate(bytes) };
  }
}

/** Length of the valid sequence at `i`, or 0 (Unicode's table 3-7 of well-formed byte sequences). */
function validAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    // E0 needs A0..BF (no overlong), ED needs 80..9F (no surrogates).
    const ok = c === 0xe0 ? cont(1, 0xa0) : c === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return ok && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const ok = c === 0xf0 ? cont(1, 0x90) : c === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return ok && cont(2) && cont(3) ? 4 : 0;
  }
  return 0; // 80..C1 and F5..FF never start a character
}

function locate(b: Uint8Array): Utf8Problem {
  let i = 0;
  let lineStart = 0;
  let line = 0;
  for (;;) {
    if (i >= b.length) break; // unreachable: the fatal decoder failed somewhere
    const n = validAt(b, i);
    if (n === 0) break;
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
    i += n;
  }
  const bytes = [b[i]];
  for (let k = i + 1; k < b.length && k < i + 4 && b[k] >= 0x80 && b[k] <= 0xbf; k++) bytes.push(b[k]);
  // The line before the bad byte is valid UTF-8, so this decode is exact; a BOM is no column.
  const bom = lineStart === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const character = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(lineStart + bom, i)).length;
  return { line, character, offset: i, bytes };
}

/** `0xE9` or `0xED 0xA0 0x80`. */
export function hexBytes(bytes: number[]): string {
  return bytes.map((x) => `0x${x.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}
