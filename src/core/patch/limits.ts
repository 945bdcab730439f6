// Limits on what a patch may be before anything builds a tree of it: every parser here (jsonc-parser,
// the fast tree, the JSON language service) recurses per nesting level, so a deep file would end in
// "Maximum call stack size exceeded", and a huge one would stall the editor. Both are cut off with
// one clear problem instead. Real patches are 5 levels deep and ~370 bytes per task.

/** Nesting of objects and arrays a patch may have (a valid one has at most 5: root, Tasks, task, Tags, tag). */
export const MAX_DEPTH = 64;
/** Size of a patch in UTF-8 bytes: 16 MiB, about 45,000 tasks; BatchUpdateTasks sends them in chunks anyway. */
export const MAX_PATCH_BYTES = 16 * 1024 * 1024;

export type LimitProblem =
  | { code: 'too-large'; bytes: number; offset: 0; length: 0 }
  | { code: 'too-deep'; depth: number; offset: number; length: 1 };

/** The byte order mark some editors write before the JSON. Every reader of patch files drops it (one place, so validate and apply see the same text). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first limit `text` breaks, or undefined. Linear, no recursion, no allocation per character. */
export function checkLimits(text: string): LimitProblem | undefined {
  return checkSize(text) ?? checkDepth(text);
}

/** The depth limit only (a text the fast parser accepted is within it). */
export function checkDepth(text: string): LimitProblem | undefined {
  const at = tooDeepAt(text, MAX_DEPTH);
  return at < 0 ? undefined : { code: 'too-deep', depth: MAX_DEPTH, offset: at, length: 1 };
}

/** The size limit only. */
export function checkSize(text: string): LimitProblem | undefined {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: count exactly only where it can matter.
  if (text.length > MAX_PATCH_BYTES) return { code: 'too-large', bytes: utf8Length(text), offset: 0, length: 0 };
  if (text.length * 3 > MAX_PATCH_BYTES) {
    const bytes = utf8Length(text);
    if (bytes > MAX_PATCH_BYTES) return { code: 'too-large', bytes, offset: 0, length: 0 };
  }
  return undefined;
}

export function utf8Length(text: string): number {
  // Node's native count where there is one (CLI, extension host); the loop elsewhere.
  const native = (globalThis as { Buffer?: { byteLength(s: string, enc: 'utf8'): number } }).Buffer;
  if (native) return native.byteLength(text, 'utf8');
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * Offset of the bracket that opens level `max + 1`, or -1. Tokenizes strings and comments as
 * jsonc-parser's scanner does (a string also ends at a line break), and keeps a stack of open
 * brackets popped only by the matching closer: jsonc-parser's error recovery skips a stray closer
 * without leaving its container, so this count is never below the depth any parser reaches.
 */
export function tooDeepAt(text: string, max: number): number {
  const open: number[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 34) { // "
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === 34) { i++; break; }
        if (d === 92) { i += 2; continue; }
        if (d === 10 || d === 13) break;
        i++;
      }
      continue;
    }
    if (c === 47) { // /
      const n = text.charCodeAt(i + 1);
      if (n === 47) {
        i += 2;
        while (i < len && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (n === 42) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? len : end + 2;
        continue;
      }
    } else if (c === 123 || c === 91) { // { [
      if (open.length === max) return i;
      open.push(c === 123 ? 125 : 93);
    } else if ((c === 125 || c === 93) && open[open.length - 1] === c) {
      open.pop();
    }
    i++;
  }
  return -1;
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The message catalog's key and arguments for a limit problem (messages live in validate/messages). */
export function limitMessageArgs(p: LimitProblem): { key: string; args: Record<string, string | number> } {
  return p.code === 'too-large'
    ? { key: 'too-large', args: { size: mib(p.bytes), max: mib(MAX_PATCH_BYTES) } }
    : { key: 'too-deep', args: { depth: p.depth } };
}
