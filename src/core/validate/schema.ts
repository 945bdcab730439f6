// JSON Schema checks of schemas/dwtasks.schema.json over the jsonc tree, for the CLI (the editor gets
// them from VS Code's JSON language service). A small interpreter of the keywords that schema uses,
// with the JSON language service's messages and ranges, so CLI and editor agree; it refuses a schema
// keyword it does not know rather than silently ignoring it.
import type { Node } from 'jsonc-parser';
import schemaJson from '../../../schemas/dwtasks.schema.json';
// The same schema with its texts (patternErrorMessage among them) in Simplified Chinese.
import schemaZhJson from '../../../schemas/dwtasks.schema.zh-cn.json';
import { propertyValue, type ParsedPatch } from '../patch/parse';
import type { Severity } from '../types';
import type { OffsetFinding } from './context';
import { t, withSubject, type Locale } from './messages';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: RegExp;
  patternSource?: string;
  patternErrorMessage?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: Schema;
  minLength?: number;
}

const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'markdownDescription', 'enumDescriptions',
  'markdownEnumDescriptions', 'defaultSnippets', 'default', 'examples', 'definitions',
]);
const SUPPORTED = new Set(['type', 'enum', 'pattern', 'patternErrorMessage', 'properties', 'additionalProperties', 'required', 'items', 'minLength', '$ref']);

type Json = Record<string, unknown>;

/** Resolves `$ref`s and compiles patterns once; throws on a keyword this interpreter does not implement. */
export function compileSchema(root: Json): Schema {
  const compile = (s: Json, where: string): Schema => {
    if (typeof s.$ref === 'string') {
      const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
      const target = m ? (root.definitions as Record<string, Json> | undefined)?.[m[1]] : undefined;
      if (!target) throw new Error(`schema ${where}: cannot resolve $ref ${s.$ref}`);
      return compile(target, s.$ref);
    }
    const out: Schema = {};
    for (const [k, v] of Object.entries(s)) {
      if (ANNOTATIONS.has(k)) continue;
      if (!SUPPORTED.has(k)) throw new Error(`schema ${where}: keyword '${k}' is not supported by the CLI's schema checker`);
      switch (k) {
        case 'type': out.type = v as string | string[]; break;
        case 'enum': out.enum = v as unknown[]; break;
        case 'pattern': out.pattern = new RegExp(v as string, 'u'); out.patternSource = v as string; break;
        case 'patternErrorMessage': out.patternErrorMessage = v as string; break;
        case 'additionalProperties':
          if (typeof v !== 'boolean') throw new Error(`schema ${where}: only boolean additionalProperties is supported`);
          out.additionalProperties = v;
          break;
        case 'required': out.required = v as string[]; break;
        case 'minLength': out.minLength = v as number; break;
        case 'items': out.items = compile(v as Json, `${where}/items`); break;
        case 'properties':
          out.properties = {};
          for (const [name, sub] of Object.entries(v as Record<string, Json>)) out.properties[name] = compile(sub, `${where}/properties/${name}`);
          break;
      }
    }
    return out;
  };
  return compile(root, '#');
}

const compiled: Partial<Record<Locale, Schema>> = {};

class SchemaWalker {
  out: OffsetFinding[] = [];
  /** When set, the walk of the root leaves the tasks out: the caller walks each with `walkTask`. */
  skipTasks = false;
  /** Field path inside the current task (or from the root outside tasks), as a stack: no allocation per node. */
  private readonly path: string[] = [];
  /** The task being walked: index into Tasks, or -1 outside tasks. */
  private task = -1;
  private readonly tasksNode: Node | undefined;

  constructor(private readonly p: ParsedPatch, private readonly locale: Locale) {
    this.tasksNode = p.shallowRoot?.type === 'object' ? propertyValue(p.shallowRoot, 'Tasks') : undefined;
  }

  private report(code: string, severity: Severity, offset: number, length: number, message: string): void {
    const task = this.task >= 0 ? this.p.tasks[this.task] : undefined;
    const id = task?.id;
    const subject = this.task < 0 ? undefined
      : id !== undefined ? t(this.locale, 'subject.task', { id }) : t(this.locale, 'subject.taskNoId', { n: this.task + 1 });
    const field = this.path.join('.');
    const text = field ? `${field}: ${message}` : message;
    const f: OffsetFinding = { code: `dwtasks/schema-${code}`, severity, message: subject ? withSubject(this.locale, subject, text) : text, offset, length };
    if (id !== undefined) f.taskId = id;
    if (field) f.field = field;
    this.out.push(f);
  }

  walk(node: Node, schema: Schema): void {
    if (schema.type) this.checkType(node, schema);
    if (schema.enum && !schema.enum.some((e) => primitiveEquals(node, e))) {
      const values = schema.enum.map((v) => JSON.stringify(v)).join(', ');
      this.report('enum', 'error', node.offset, node.length, t(this.locale, 'schema.enum', { values }));
    }
    if (node.type === 'string') this.checkString(node, schema);
    else if (node.type === 'object') this.checkObject(node, schema);
    else if (node.type === 'array' && schema.items) {
      const children = node.children ?? [];
      if (node === this.tasksNode && this.task < 0) {
        if (this.skipTasks) return;
        // Task by task, each tree built and dropped; findings name the task, paths start inside it.
        const saved = this.path.splice(0);
        for (const task of this.p.tasks) {
          this.task = task.index;
          const tree = task.transientNode();
          task.readHeader(tree);
          this.walk(tree, schema.items);
        }
        this.task = -1;
        this.path.push(...saved);
        return;
      }
      for (let i = 0; i < children.length; i++) {
        this.path.push(String(i));
        this.walk(children[i], schema.items);
        this.path.pop();
      }
    }
  }

  /** One task's schema findings, from a tree of it the caller already has. */
  walkTask(index: number, tree: Node, taskSchema: Schema): OffsetFinding[] {
    const saved = this.out;
    this.out = [];
    this.task = index;
    this.walk(tree, taskSchema);
    this.task = -1;
    const found = this.out;
    this.out = saved;
    return found;
  }

  private checkType(node: Node, schema: Schema): void {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type!];
    for (const type of types) {
      if (node.type === type || (type === 'integer' && node.type === 'number' && !this.hasDot(node))) return;
    }
    const expected = Array.isArray(schema.type) ? schema.type.join(', ') : `"${schema.type}"`;
    this.report('type', 'error', node.offset, node.length, t(this.locale, Array.isArray(schema.type) ? 'schema.typeOneOf' : 'schema.type', { expected }));
  }

  /** As the JSON language service: a number is an integer when its text has no '.'. */
  private hasDot(node: Node): boolean {
    const text = this.p.text;
    for (let i = node.offset, end = node.offset + node.length; i < end; i++) if (text.charCodeAt(i) === 46) return true;
    return false;
  }

  private checkString(node: Node, schema: Schema): void {
    const value = String(node.value);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) {
      this.report('min-length', 'error', node.offset, node.length, t(this.locale, 'schema.minLength', { n: schema.minLength }));
    }
    if (schema.pattern && !schema.pattern.test(value)) {
      const message = schema.patternErrorMessage ?? t(this.locale, 'schema.pattern', { pattern: schema.patternSource ?? '' });
      this.report('pattern', 'error', node.offset, node.length, message);
    }
  }

  private checkObject(node: Node, schema: Schema): void {
    const props = node.children ?? [];
    const warned: Node[] = [];
    for (let i = 0; i < props.length; i++) {
      const key = props[i].children?.[0];
      if (!key) continue;
      const name = key.value as string;
      // As JSON.parse and the JSON language service: of a repeated key only the last value counts,
      // and both keys are marked, each once. Objects here are small: a backwards scan beats a Map.
      let later = false;
      for (let j = i + 1; j < props.length; j++) if (props[j].children?.[0]?.value === name) { later = true; break; }
      let earlier: Node | undefined;
      for (let j = i - 1; j >= 0 && !earlier; j--) if (props[j].children?.[0]?.value === name) earlier = props[j].children![0];
      if (earlier) {
        for (const k of [earlier, key]) {
          if (warned.includes(k)) continue;
          warned.push(k);
          this.report('duplicate-key', 'warning', k.offset, k.length, t(this.locale, 'schema.duplicateKey', { name }));
        }
      }
      if (later) continue;
      const value = props[i].children?.[1];
      if (!value) continue;
      const sub = schema.properties?.[name];
      if (sub) {
        const intoTasks = value === this.tasksNode;
        if (!intoTasks) this.path.push(name);
        else this.path.push('Tasks');
        this.walk(value, sub);
        this.path.pop();
      } else if (schema.additionalProperties === false) {
        this.report('additional-property', 'error', key.offset, key.length, t(this.locale, 'schema.additional', { name }));
      }
    }
    for (const name of schema.required ?? []) {
      let found = false;
      for (let i = 0; i < props.length && !found; i++) found = props[i].children?.[0]?.value === name;
      if (found) continue;
      const parentKey = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      const span = parentKey ? { offset: parentKey.offset, length: parentKey.length } : { offset: node.offset, length: 1 };
      this.report('required', 'error', span.offset, span.length, t(this.locale, 'schema.required', { name }));
    }
  }
}

function primitiveEquals(node: Node, expected: unknown): boolean {
  if (node.type === 'object' || node.type === 'array') return false;
  return node.value === expected;
}

function defaultSchema(locale: Locale): Schema {
  return (compiled[locale] ??= compileSchema((locale === 'zh-cn' ? schemaZhJson : schemaJson) as Json));
}

/** Schema findings of a parsed patch (none when it does not parse: the syntax error says it all). */
export function schemaFindings(p: ParsedPatch, locale: Locale = 'en', schema: Json = schemaJson as Json): OffsetFinding[] {
  if (!p.shallowRoot || p.parseErrors.length) return [];
  const s = schema === (schemaJson as Json) ? defaultSchema(locale) : compileSchema(schema);
  const walker = new SchemaWalker(p, locale);
  walker.walk(p.shallowRoot, s);
  return walker.out;
}

/**
 * The schema checks split for a single pass over big files: `top` walks everything but the tasks,
 * `task` checks one task's tree, which the caller builds once for the core rules and the schema.
 */
export function schemaChecker(p: ParsedPatch, locale: Locale): { top(): OffsetFinding[]; task(index: number, tree: Node): OffsetFinding[] } {
  const s = defaultSchema(locale);
  const taskSchema = s.properties?.Tasks?.items;
  if (!taskSchema) throw new Error('schema: Tasks.items is missing');
  const walker = new SchemaWalker(p, locale);
  walker.skipTasks = true;
  return {
    top: () => {
      if (!p.shallowRoot || p.parseErrors.length) return [];
      walker.walk(p.shallowRoot, s);
      return walker.out;
    },
    task: (index, tree) => walker.walkTask(index, tree, taskSchema),
  };
}
