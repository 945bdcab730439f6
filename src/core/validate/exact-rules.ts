// What is sent must be exactly what is written: each key once, integers as plain digits the service
// can hold, and no text that a lossy decoder produced.
import type { Node } from 'jsonc-parser';
import { INTEGER_FIELDS } from '../task-fields';
import { propertyValue, type ParsedPatch } from '../patch/parse';
import type { OffsetFinding, TaskContext } from './context';
import { t, type Locale } from './messages';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const PLAIN_INTEGER = /^(?:0|-?[1-9]\d*)$/; // not -0: it would be sent as 0
const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;


/**
 * Every integer field written as plain decimal digits within int64. The number is sent as written,
 * so `1e3`, `2.0` or `1e400` would reach the service as whatever a JSON reader makes of them.
 */
export function checkIntegers(c: TaskContext): Set<string> | undefined {
  let bad: Set<string> | undefined;
  for (const field of INTEGER_FIELDS) {
    const n = c.get(field);
    if (n?.type !== 'number') continue;
    const raw = c.raw(n);
    if (PLAIN_INTEGER.test(raw)) {
      // Below 2^53 a JS number already holds it exactly: only long digit strings need the BigInt check.
      if (raw.length < 16) continue;
      const v = BigInt(raw);
      if (v >= INT64_MIN && v <= INT64_MAX) continue;
      c.report('int-out-of-range', 'error', field, n, { field, raw, min: String(INT64_MIN), max: String(INT64_MAX) });
    } else {
      const fix = exactInteger(raw);
      const fixes = fix === undefined ? undefined : [{ title: c.msg('fix.writeInteger', { value: fix }), edits: [{ offset: n.offset, length: n.length, newText: fix }] }];
      c.report('int-not-plain', 'error', field, n, { field, raw, fix: fix ?? '' }, fixes);
    }
    (bad ??= new Set()).add(field);
  }
  return bad;
}

/** The plain digits of a JSON number that is exactly an int64 (`1e3` -> `1000`, `2.0` -> `2`), else undefined. */
export function exactInteger(raw: string): string | undefined {
  const m = JSON_NUMBER.exec(raw);
  if (!m) return undefined;
  const [, sign, int, frac = '', exp = '0'] = m;
  const e = Number(exp);
  if (Math.abs(e) > 40) return undefined; // far beyond int64 either way (or not an integer)
  const digits = int + frac;
  const shift = e - frac.length;
  let whole: string;
  if (shift >= 0) whole = digits + '0'.repeat(shift);
  else {
    if (!/^0*$/.test(digits.slice(shift))) return undefined; // a fraction remains
    whole = digits.slice(0, shift) || '0';
  }
  const v = BigInt(sign + whole);
  return v >= INT64_MIN && v <= INT64_MAX ? String(v) : undefined;
}

/**
 * A key written twice in one object: JSON.parse keeps the last, a reader sees the first, so the
 * patch would not send what it seems to. Both keys are reported, each naming the lines of both.
 * `skip` is a value whose subtree is checked elsewhere (the top level leaves the tasks to each task).
 */
export function duplicateKeys(node: Node, report: (key: Node, other: Node) => void, skip?: Node): void {
  const kids = node.children;
  if (!kids || node === skip) return;
  if (node.type === 'object') {
    // A task has a dozen keys: a scan beats a Map; a generated object with thousands gets one.
    const seen = kids.length > 16 ? new Map<unknown, Node>() : undefined;
    for (let i = 0; i < kids.length; i++) {
      const key = kids[i].children?.[0];
      if (!key) continue;
      let earlier: Node | undefined;
      if (seen) {
        earlier = seen.get(key.value);
        if (!earlier) seen.set(key.value, key);
      } else {
        for (let j = 0; j < i && !earlier; j++) if (kids[j].children?.[0]?.value === key.value) earlier = kids[j].children?.[0];
      }
      if (earlier) {
        report(earlier, key);
        report(key, earlier);
      }
    }
    for (const p of kids) {
      const v = p.children?.[1];
      if (v && (v.type === 'object' || v.type === 'array')) duplicateKeys(v, report, skip);
    }
  } else if (node.type === 'array') {
    for (const v of kids) if (v.type === 'object' || v.type === 'array') duplicateKeys(v, report, skip);
  }
}

/** Repeated keys inside one task (the lines are named from the whole text). */
export function checkDuplicateKeys(c: TaskContext, lineOf: (offset: number) => number): void {
  duplicateKeys(c.node, (key, other) => {
    const name = String(key.value);
    const lines = [lineOf(key.offset), lineOf(other.offset)].sort((a, b) => a - b);
    c.report('duplicate-key', 'error', pathTo(key, c.node), key, { name, first: lines[0], line: lines[1] });
  });
}

/** Repeated keys outside the tasks: the top level and anything else but the Tasks array's elements. */
export function topDuplicateKeyFindings(p: ParsedPatch, locale: Locale): OffsetFinding[] {
  const root = p.shallowRoot;
  if (root?.type !== 'object') return [];
  const out: OffsetFinding[] = [];
  const tasks = propertyValue(root, 'Tasks');
  duplicateKeys(root, (key, other) => {
    const lines = [p.positionAt(key.offset).line + 1, p.positionAt(other.offset).line + 1].sort((a, b) => a - b);
    out.push({
      code: 'dwtasks/duplicate-key', severity: 'error', offset: key.offset, length: key.length,
      message: t(locale, 'duplicate-key', { name: String(key.value), first: lines[0], line: lines[1] }),
    });
  }, tasks);
  return out;
}

/** `Trigger.Cron`, `Tags.0.Key`: where a key is inside its task. */
function pathTo(key: Node, task: Node): string {
  const path: string[] = [];
  let n: Node | undefined = key.parent; // the property
  while (n && n !== task) {
    const parent: Node | undefined = n.parent;
    if (n.type === 'property') path.push(String(n.children?.[0]?.value));
    else if (parent?.type === 'array') path.push(String(parent.children?.indexOf(n) ?? 0));
    n = parent;
  }
  return path.reverse().join('.');
}

/**
 * U+FFFD written as itself: what a decoder puts where bytes were not UTF-8 (VS Code opens a Latin-1
 * or GBK file that way). The file's real text is lost there, so it must not be sent. `\uFFFD`, the
 * escape, is a deliberate character and passes.
 */
export function replacementCharFindings(text: string, locale: Locale): OffsetFinding[] {
  let at = text.indexOf('\uFFFD');
  if (at < 0) return [];
  const out: OffsetFinding[] = [];
  const message = t(locale, 'replacement-char');
  for (; at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    // A run of them is one finding.
    let end = at + 1;
    while (text.charCodeAt(end) === 0xfffd) end++;
    out.push({ code: 'dwtasks/replacement-char', severity: 'error', message, offset: at, length: end - at });
    at = end - 1;
  }
  return out;
}
