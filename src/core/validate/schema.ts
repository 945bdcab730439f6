// JSON Schema checks of schemas/dwtasks.schema.json for the CLI and the send gate (the editor gets
// them from VS Code's JSON language service). The checking is ajv's, compiled ahead of time into
// schema-validator.generated.ts; here its errors become findings with the JSON language service's
// messages and ranges (the error's instancePath resolved in the jsonc tree), so CLI and editor agree.
import type { Node } from 'jsonc-parser';
import schemaJson from '../../../schemas/dwtasks.schema.json';
// The same schema with its texts (patternErrorMessage among them) in Simplified Chinese.
import schemaZhJson from '../../../schemas/dwtasks.schema.zh-cn.json';
import { propertyValue, type ParsedPatch } from '../patch/parse';
import type { Severity } from '../types';
import type { OffsetFinding } from './context';
import { t, withSubject, type Locale } from './messages';
import { validateTask, validateTop } from './schema-validator.generated';

/** What ajv's generated code reports (messages are off: ours follow the JSON language service). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** The keywords whose errors are mapped below; a test checks the generated code uses no other. */
export const MAPPED_KEYWORDS = ['type', 'enum', 'required', 'additionalProperties', 'pattern', 'minLength'] as const;

type Json = Record<string, unknown>;

/** The schema objects the two validators were compiled from (the zh-cn file has the same structure, other texts). */
function bases(locale: Locale): { top: Json; task: Json } {
  const root = (locale === 'zh-cn' ? schemaZhJson : schemaJson) as Json;
  return { top: root, task: (root.definitions as Record<string, Json>).task };
}

/**
 * The value ajv checks, built from the jsonc tree. `__proto__`, `constructor` and `hasOwnProperty`
 * are plain own keys (the generated code calls no method of the data); of a repeated key the last
 * value counts (as JSON.parse and the JSON language service). A number is an integer when its text has no '.' (the JSON language service's
 * rule: `2.0` is not, `1e3` is); where JavaScript disagrees (2.0, 1e-3, 1e400) ajv gets a stand-in
 * with the editor's verdict. The schema puts no other constraint on numbers (a test holds it to that).
 */
const hasOwn = Object.prototype.hasOwnProperty;

function toData(node: Node, text: string, skipTasks: boolean, repeats: Node[]): unknown {
  // Index loops, no destructuring: this runs once per node of a 10,000-task file, mostly before the JIT warms up.
  switch (node.type) {
    case 'object': {
      // A plain object (Object.create(null) starts in V8's slow dictionary mode: it was most of this
      // function's time); `__proto__` is defined as an own key, never set as the prototype.
      const out: Record<string, unknown> = {};
      let repeated = false;
      const props = node.children;
      if (!props) return out;
      for (let i = 0; i < props.length; i++) {
        const kv = props[i].children;
        if (!kv || kv.length < 2) continue;
        const name = kv[0].value as string;
        const v = kv[1];
        // A repeated key is rare: noted here, reported by `duplicates`, so clean files pay no second walk.
        if (!repeated && hasOwn.call(out, name) && name !== '//') repeated = true;
        // The top-level check leaves the tasks to the task validator: Tasks only has to be an array.
        const value = skipTasks && name === 'Tasks' && v.type === 'array' ? [] : toData(v, text, false, repeats);
        if (name === '__proto__') Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
        else out[name] = value;
      }
      if (repeated) repeats.push(node);
      return out;
    }
    case 'array': {
      const items = node.children;
      if (!items) return [];
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = toData(items[i], text, false, repeats);
      return out;
    }
    case 'number': {
      const v = node.value as number;
      let integer = true;
      for (let i = node.offset, end = node.offset + node.length; i < end && integer; i++) integer = text.charCodeAt(i) !== 46;
      return Number.isFinite(v) && Number.isInteger(v) === integer ? v : integer ? 0 : 0.5;
    }
    default:
      return node.value;
  }
}

/** The path of `node` below `base`, from parent links (keys of properties, indexes in arrays). */
function pathOf(node: Node, base: Node): string[] {
  const path: string[] = [];
  let n: Node = node;
  while (n !== base && n.parent) {
    const parent: Node = n.parent;
    if (parent.type === 'property') path.push(parent.children?.[0]?.value as string);
    else if (parent.type === 'array') path.push(String(parent.children?.indexOf(n) ?? 0));
    n = parent;
  }
  return path.reverse();
}

/** Value nodes by key of big objects (the last of a repeated key), so 20,000 unknown keys cost 20,000 lookups, not 20,000². */
const memberIndex = new WeakMap<Node, Map<string, Node>>();

function member(obj: Node, name: string): Node | undefined {
  const props = obj.children ?? [];
  if (props.length < 16) return propertyValue(obj, name);
  let index = memberIndex.get(obj);
  if (!index) {
    index = new Map();
    for (const p of props) {
      const [k, v] = p.children ?? [];
      if (k && v) index.set(k.value as string, v);
    }
    memberIndex.set(obj, index);
  }
  return index.get(name);
}

/** The node a JSON pointer (ajv's instancePath) names, from `base`. */
function nodeAt(base: Node, pointer: string): { node: Node | undefined; path: string[] } {
  const path = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Node | undefined = base;
  for (const seg of path) {
    if (!node) break;
    node = node.type === 'object' ? member(node, seg) : node.type === 'array' ? node.children?.[Number(seg)] : undefined;
  }
  return { node, path };
}

/** The schema object holding the keyword of an error (`#/properties/Trigger/properties/StartTime/pattern`). */
function schemaAt(base: Json, schemaPath: string): Json | undefined {
  const segs = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1).map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  let s: unknown = base;
  for (const seg of segs) s = s && typeof s === 'object' ? (s as Json)[seg] : undefined;
  return s && typeof s === 'object' ? (s as Json) : undefined;
}

class Reporter {
  readonly out: OffsetFinding[] = [];
  constructor(private readonly p: ParsedPatch, private readonly locale: Locale, private readonly task: number) {}

  report(code: string, severity: Severity, offset: number, length: number, path: string[], message: string): void {
    const task = this.task >= 0 ? this.p.tasks[this.task] : undefined;
    const id = task?.id;
    const subject = this.task < 0 ? undefined
      : id !== undefined ? t(this.locale, 'subject.task', { id }) : t(this.locale, 'subject.taskNoId', { n: this.task + 1 });
    const field = path.join('.');
    const text = field ? `${field}: ${message}` : message;
    const f: OffsetFinding = { code: `dwtasks/schema-${code}`, severity, message: subject ? withSubject(this.locale, subject, text) : text, offset, length };
    if (id !== undefined) f.taskId = id;
    if (field) f.field = field;
    this.out.push(f);
  }

  /** One ajv error as the JSON language service words and places it. */
  error(e: AjvError, base: Node, schemaBase: Json): void {
    const { node, path } = nodeAt(base, e.instancePath);
    if (!node) return; // cannot happen: ajv checked exactly this tree
    const s = schemaAt(schemaBase, e.schemaPath) ?? {};
    const at = (n: Node) => [n.offset, n.length] as const;
    switch (e.keyword) {
      case 'type': {
        const type = s.type as string | string[];
        const message = Array.isArray(type)
          ? t(this.locale, 'schema.typeOneOf', { expected: type.join(', ') })
          : t(this.locale, 'schema.type', { expected: `"${type}"` });
        return this.report('type', 'error', ...at(node), path, message);
      }
      case 'enum': {
        const values = ((s.enum as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ');
        return this.report('enum', 'error', ...at(node), path, t(this.locale, 'schema.enum', { values }));
      }
      case 'required': {
        const parentKey = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
        const span = parentKey ? at(parentKey) : ([node.offset, 1] as const);
        return this.report('required', 'error', ...span, path, t(this.locale, 'schema.required', { name: String(e.params.missingProperty) }));
      }
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const value = member(node, name);
        const key = value?.parent?.children?.[0] ?? node;
        return this.report('additional-property', 'error', ...at(key), path, t(this.locale, 'schema.additional', { name }));
      }
      case 'pattern': {
        const message = typeof s.patternErrorMessage === 'string' ? s.patternErrorMessage : t(this.locale, 'schema.pattern', { pattern: String(s.pattern) });
        return this.report('pattern', 'error', ...at(node), path, message);
      }
      case 'minLength':
        return this.report('min-length', 'error', ...at(node), path, t(this.locale, 'schema.minLength', { n: Number(e.params.limit) }));
      default:
        return this.report('keyword', 'error', ...at(node), path, t(this.locale, 'schema.keyword', { keyword: e.keyword }));
    }
  }

  /**
   * Repeated keys of one object, as the JSON language service's parser reports them: every key of a
   * repeated name once (the key "//" excepted, a comment convention).
   */
  duplicates(node: Node, path: string[]): void {
    const seen = new Map<string, Node | true>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const name = key.value as string;
      if (name === '//') continue;
      const earlier = seen.get(name);
      if (earlier === undefined) {
        seen.set(name, key);
        continue;
      }
      if (earlier !== true) this.report('duplicate-key', 'warning', earlier.offset, earlier.length, path, t(this.locale, 'schema.duplicateKey', { name }));
      this.report('duplicate-key', 'warning', key.offset, key.length, path, t(this.locale, 'schema.duplicateKey', { name }));
      seen.set(name, true);
    }
  }
}

function run(validate: Validator, data: unknown): AjvError[] {
  return validate(data) ? [] : (validate.errors ?? []);
}

/** Schema findings of everything but the tasks' contents (none when the file does not parse). */
function topFindings(p: ParsedPatch, locale: Locale): OffsetFinding[] {
  const root = p.shallowRoot;
  if (!root || p.parseErrors.length) return [];
  const r = new Reporter(p, locale, -1);
  const repeats: Node[] = [];
  for (const e of run(validateTop as Validator, toData(root, p.text, true, repeats))) r.error(e, root, bases(locale).top);
  for (const obj of repeats) r.duplicates(obj, pathOf(obj, root));
  return r.out;
}

/** One task's schema findings, from a tree of it; paths start inside the task. */
function taskFindings(p: ParsedPatch, locale: Locale, index: number, tree: Node): OffsetFinding[] {
  const r = new Reporter(p, locale, index);
  const repeats: Node[] = [];
  for (const e of run(validateTask as Validator, toData(tree, p.text, false, repeats))) r.error(e, tree, bases(locale).task);
  for (const obj of repeats) r.duplicates(obj, pathOf(obj, tree));
  return r.out;
}

/** Schema findings of a parsed patch (none when it does not parse: the syntax error says it all). */
export function schemaFindings(p: ParsedPatch, locale: Locale = 'en'): OffsetFinding[] {
  if (!p.shallowRoot || p.parseErrors.length) return [];
  const out = topFindings(p, locale);
  for (const task of p.tasks) {
    const tree = task.transientNode();
    task.readHeader(tree);
    out.push(...taskFindings(p, locale, task.index, tree));
  }
  return out;
}

/**
 * The schema checks split for a single pass over big files: `top` checks everything but the tasks,
 * `task` checks one task's tree, which the caller builds once for the core rules and the schema.
 */
export function schemaChecker(p: ParsedPatch, locale: Locale): { top(): OffsetFinding[]; task(index: number, tree: Node): OffsetFinding[] } {
  return { top: () => topFindings(p, locale), task: (index, tree) => taskFindings(p, locale, index, tree) };
}
