// A fast path for jsonc-parser's parseTree on well-formed JSONC (comments, trailing commas).
// jsonc-parser's visitor-based tree building dominates validation time on 10,000-task files;
// this recursive descent over char codes builds the identical Node tree several times faster.
// On anything unusual (a syntax error, an odd escape or whitespace) it gives up, and the caller
// uses jsonc-parser itself, which also reports the errors. A unit test compares both trees.
import type { Node } from 'jsonc-parser';
import { MAX_DEPTH } from './limits';

class GiveUp extends Error {}
/** A property's children until both are parsed (never seen outside: a give-up drops the whole tree). */
const NO_CHILDREN: Node[] = [];
const GIVE_UP = new GiveUp();

/** The tree of a well-formed document, or undefined when jsonc-parser must handle it. */
export function fastParseTree(text: string): { root: Node | undefined } | undefined {
  try {
    const p = new FastParser(text);
    p.skip();
    if (p.pos >= text.length) return { root: undefined };
    const root = p.value(undefined);
    p.skip();
    if (p.pos !== text.length) return undefined;
    return { root };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/**
 * Nesting deeper than MAX_DEPTH gives up too (so no recursion here can overflow): a text this parser
 * accepts is within the depth limit, and only the others need limits.ts' separate scan.
 *
 * The tree with the elements of the top-level `Tasks` array left out (its node has no children),
 * plus each element's span. Big files are validated task by task: every task's subtree is built,
 * checked and dropped, so it dies young instead of crowding the heap for the garbage collector.
 */
export function fastParseShallow(text: string): { root: Node | undefined; taskSpans: { offset: number; length: number }[] } | undefined {
  try {
    const p = new FastParser(text);
    p.skimTasks = true;
    p.skip();
    if (p.pos >= text.length) return { root: undefined, taskSpans: [] };
    const root = p.value(undefined);
    p.skip();
    if (p.pos !== text.length) return undefined;
    return { root, taskSpans: p.taskSpans };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** The subtree of the value at `offset` of a text `fastParseShallow` accepted (no parent). */
export function fastParseAt(text: string, offset: number): Node {
  const p = new FastParser(text);
  p.pos = offset;
  return p.value(undefined);
}

class FastParser {
  pos = 0;
  skimTasks = false;
  taskSpans: { offset: number; length: number }[] = [];
  private depth = 0;
  constructor(private readonly text: string) {}

  /** Skips one value, checking it as strictly as `value` would, without building nodes. */
  private skipValue(): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 123 || c === 91) {
      const close = c === 123 ? 125 : 93;
      if (++this.depth > MAX_DEPTH) throw GIVE_UP;
      this.pos++;
      this.skip();
      while (t.charCodeAt(this.pos) !== close) {
        if (c === 123) {
          if (t.charCodeAt(this.pos) !== 34) throw GIVE_UP;
          this.skipString();
          this.skip();
          if (t.charCodeAt(this.pos) !== 58) throw GIVE_UP;
          this.pos++;
          this.skip();
        } else if (this.pos >= t.length) throw GIVE_UP;
        this.skipValue();
        this.afterMember(close);
      }
      this.pos++;
      this.depth--;
    } else if (c === 34) this.skipString();
    else this.value(undefined); // numbers and keywords: tiny nodes, not worth a second scanner
  }

  private skipString(): void {
    const t = this.text;
    let i = this.pos + 1;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        const e = t.charCodeAt(i + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) throw GIVE_UP;
          i += 6;
        } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i += 2;
        else throw GIVE_UP;
        continue;
      }
      if (c < 32 || Number.isNaN(c)) throw GIVE_UP;
      i++;
    }
    this.pos = i + 1;
  }

  /** Skips whitespace and comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else if (c === 47) {
        const n = t.charCodeAt(this.pos + 1);
        if (n === 47) {
          let i = this.pos + 2;
          while (i < t.length) {
            const d = t.charCodeAt(i);
            if (d === 10 || d === 13) break;
            i++;
          }
          this.pos = i;
        } else if (n === 42) {
          const end = t.indexOf('*/', this.pos + 2);
          if (end < 0) throw GIVE_UP;
          this.pos = end + 2;
        } else throw GIVE_UP;
      } else return;
    }
  }

  /** After a member of an object or array: a comma (consumed, with what follows it) or the closing
   * bracket `close` (left for the caller's loop); anything else is not ours to parse. */
  private afterMember(close: number): void {
    this.skip();
    const sep = this.text.charCodeAt(this.pos);
    if (sep === 44) {
      this.pos++;
      this.skip();
    } else if (sep !== close) throw GIVE_UP;
  }

  value(parent: Node | undefined): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.object(parent);
    if (c === 91) return this.array(parent);
    if (c === 34) return this.string(parent);
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(parent);
    return this.keyword(parent);
  }

  /** The Tasks array with its elements' spans recorded instead of their trees. */
  private skimmedArray(parent: Node): Node {
    const t = this.text;
    const start = this.pos++;
    this.depth++; // the array is a level, though it gets no children
    this.taskSpans = [];
    this.skip();
    while (t.charCodeAt(this.pos) !== 93) {
      if (this.pos >= t.length) throw GIVE_UP;
      const offset = this.pos;
      this.skipValue();
      this.taskSpans.push({ offset, length: this.pos - offset });
      this.afterMember(93);
    }
    this.pos++;
    this.depth--;
    return { type: 'array', offset: start, length: this.pos - start, parent, children: [] };
  }

  private object(parent: Node | undefined): Node {
    const t = this.text;
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const start = this.pos++;
    const children: Node[] = [];
    const node: Node = parent ? { type: 'object', offset: start, length: -1, parent, children } : { type: 'object', offset: start, length: -1, children } as Node;
    this.skip();
    while (t.charCodeAt(this.pos) !== 125) {
      if (t.charCodeAt(this.pos) !== 34) throw GIVE_UP;
      // Its children are set once both are parsed: a two-element literal, not an empty array grown by pushes.
      const prop: Node = { type: 'property', offset: this.pos, length: -1, parent: node, children: NO_CHILDREN, colonOffset: -1 };
      const key = this.string(prop);
      this.skip();
      if (t.charCodeAt(this.pos) !== 58) throw GIVE_UP;
      (prop as { colonOffset?: number }).colonOffset = this.pos++;
      this.skip();
      const v = this.skimTasks && this.depth === 1 && key.value === 'Tasks' && t.charCodeAt(this.pos) === 91
        ? this.skimmedArray(prop)
        : this.value(prop);
      (prop as { children: Node[] }).children = [key, v];
      (prop as { length: number }).length = v.offset + v.length - prop.offset;
      children.push(prop);
      this.afterMember(125);
    }
    this.pos++;
    this.depth--;
    (node as { length: number }).length = this.pos - start;
    return node;
  }

  private array(parent: Node | undefined): Node {
    const t = this.text;
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const start = this.pos++;
    const children: Node[] = [];
    const node: Node = parent ? { type: 'array', offset: start, length: -1, parent, children } : { type: 'array', offset: start, length: -1, children } as Node;
    this.skip();
    while (t.charCodeAt(this.pos) !== 93) {
      if (this.pos >= t.length) throw GIVE_UP;
      children.push(this.value(node));
      this.afterMember(93);
    }
    this.depth--;
    this.pos++;
    (node as { length: number }).length = this.pos - start;
    return node;
  }

  private string(parent: Node | undefined): Node {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 32 || Number.isNaN(c)) throw GIVE_UP; // control character or end of text
      i++;
    }
    let value: string;
    if (escaped) {
      try {
        value = JSON.parse(t.slice(start, i + 1)) as string;
      } catch {
        throw GIVE_UP;
      }
    } else value = t.slice(start + 1, i);
    this.pos = i + 1;
    return parent ? { type: 'string', offset: start, length: i + 1 - start, parent, value } : { type: 'string', offset: start, length: i + 1 - start, value } as Node;
  }

  private number(parent: Node | undefined): Node {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    const first = t.charCodeAt(i);
    // The digits' value as they are read: most numbers are short integers, and Number(slice) would
    // allocate a string for each of them.
    let n = 0;
    if (first === 48) i++;
    else if (first >= 49 && first <= 57) {
      for (let c = first; c >= 48 && c <= 57; c = t.charCodeAt(++i)) n = n * 10 + (c - 48);
    } else throw GIVE_UP;
    const plain = i - start < 16; // at most 15 digits (and a sign): n is exact
    const end = i;
    if (t.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = t.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    // "01" or "1x": jsonc-parser reports these; let it.
    const next = t.charCodeAt(i);
    if (isDigit(next) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 46) throw GIVE_UP;
    this.pos = i;
    const value = plain && i === end ? (t.charCodeAt(start) === 45 ? -n : n) : Number(t.slice(start, i));
    return parent ? { type: 'number', offset: start, length: i - start, parent, value } : { type: 'number', offset: start, length: i - start, value } as Node;
  }

  private keyword(parent: Node | undefined): Node {
    const t = this.text;
    const start = this.pos;
    let type: 'boolean' | 'null';
    let value: boolean | null;
    if (t.startsWith('true', start)) { type = 'boolean'; value = true; }
    else if (t.startsWith('false', start)) { type = 'boolean'; value = false; }
    else if (t.startsWith('null', start)) { type = 'null'; value = null; }
    else throw GIVE_UP;
    const length = value === false ? 5 : 4;
    const next = t.charCodeAt(start + length);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || isDigit(next) || next === 95) throw GIVE_UP;
    this.pos = start + length;
    return parent ? { type, offset: start, length, parent, value } : { type, offset: start, length, value } as Node;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
