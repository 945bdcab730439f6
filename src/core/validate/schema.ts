// JSON Schema checks of schemas/dwtasks.schema.json over the jsonc tree, for the CLI (the editor gets
// them from VS Code's JSON language service). A small interpreter of the keywords that schema uses,
// with the JSON language service's messages and ranges, so CLI and editor agree; it refuses a schema
// keyword it does not know rather than silently ignoring it.
import type { Node } from 'jsonc-parser';
import schemaJson from '../../../schemas/dwtasks.schema.json';
import type { ParsedPatch } from '../patch/parse';
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

let compiled: Schema | undefined;

/** Where the walk is: which task (for the message subject) and the field path inside it. */
interface At {
  task?: { id?: string; index: number };
  path: string;
}

class SchemaWalker {
  readonly out: OffsetFinding[] = [];
  constructor(private readonly p: ParsedPatch, private readonly locale: Locale) {}

  private report(code: string, severity: Severity, at: At, offset: number, length: number, message: string): void {
    let subject: string | undefined;
    if (at.task) {
      subject = at.task.id !== undefined ? t(this.locale, 'subject.task', { id: at.task.id }) : t(this.locale, 'subject.taskNoId', { n: at.task.index + 1 });
    }
    const text = at.path ? `${at.path}: ${message}` : message;
    const f: OffsetFinding = { code: `dwtasks/schema-${code}`, severity, message: subject ? withSubject(this.locale, subject, text) : text, offset, length };
    if (at.task?.id !== undefined) f.taskId = at.task.id;
    if (at.path) f.field = at.path;
    this.out.push(f);
  }

  walk(node: Node, schema: Schema, at: At): void {
    this.checkType(node, schema, at);
    if (schema.enum && !schema.enum.some((e) => primitiveEquals(node, e))) {
      const values = schema.enum.map((v) => JSON.stringify(v)).join(', ');
      this.report('enum', 'error', at, node.offset, node.length, t(this.locale, 'schema.enum', { values }));
    }
    if (node.type === 'string') this.checkString(node, schema, at);
    else if (node.type === 'object') this.checkObject(node, schema, at);
    else if (node.type === 'array' && schema.items) {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        const inTasks = at.path === 'Tasks' && !at.task;
        const next: At = inTasks
          ? { task: { id: this.p.tasks[i]?.id, index: i }, path: '' }
          : { task: at.task, path: at.path ? `${at.path}.${i}` : String(i) };
        this.walk(child, schema.items, next);
      }
    }
  }

  private checkType(node: Node, schema: Schema, at: At): void {
    if (!schema.type) return;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const matches = (type: string): boolean =>
      node.type === type || (type === 'integer' && node.type === 'number' && !this.raw(node).includes('.'));
    if (types.some(matches)) return;
    const expected = Array.isArray(schema.type) ? schema.type.join(', ') : `"${schema.type}"`;
    this.report('type', 'error', at, node.offset, node.length, t(this.locale, Array.isArray(schema.type) ? 'schema.typeOneOf' : 'schema.type', { expected }));
  }

  private checkString(node: Node, schema: Schema, at: At): void {
    const value = String(node.value);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) {
      this.report('min-length', 'error', at, node.offset, node.length, t(this.locale, 'schema.minLength', { n: schema.minLength }));
    }
    if (schema.pattern && !schema.pattern.test(value)) {
      const message = schema.patternErrorMessage ?? t(this.locale, 'schema.pattern', { pattern: schema.patternSource ?? '' });
      this.report('pattern', 'error', at, node.offset, node.length, message);
    }
  }

  private checkObject(node: Node, schema: Schema, at: At): void {
    // As JSON.parse and the JSON language service: of a repeated key only the last value counts.
    const last = new Map<string, Node>();
    const warned = new Set<Node>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      const first = last.get(name);
      if (first) {
        // Both keys are marked, each once, as the JSON language service does.
        for (const k of [first, key]) {
          if (warned.has(k)) continue;
          warned.add(k);
          this.report('duplicate-key', 'warning', at, k.offset, k.length, t(this.locale, 'schema.duplicateKey', { name }));
        }
      }
      last.set(name, key);
    }
    for (const [name, key] of last) {
      const value = key.parent?.children?.[1];
      if (!value) continue;
      const sub = schema.properties?.[name];
      const childAt: At = at.path === '' && !at.task && name === 'Tasks'
        ? { path: 'Tasks' }
        : { task: at.task, path: at.path ? `${at.path}.${name}` : name };
      if (sub) this.walk(value, sub, childAt);
      else if (schema.additionalProperties === false) {
        this.report('additional-property', 'error', at, key.offset, key.length, t(this.locale, 'schema.additional', { name }));
      }
    }
    const seen = last;
    for (const name of schema.required ?? []) {
      if (seen.has(name)) continue;
      const parentKey = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      const span = parentKey ? { offset: parentKey.offset, length: parentKey.length } : { offset: node.offset, length: 1 };
      this.report('required', 'error', at, span.offset, span.length, t(this.locale, 'schema.required', { name }));
    }
  }

  private raw(node: Node): string {
    return this.p.text.slice(node.offset, node.offset + node.length);
  }
}

function primitiveEquals(node: Node, expected: unknown): boolean {
  if (node.type === 'object' || node.type === 'array') return false;
  return node.value === expected;
}

/** Schema findings of a parsed patch (none when it does not parse: the syntax error says it all). */
export function schemaFindings(p: ParsedPatch, locale: Locale = 'en', schema: Json = schemaJson as Json): OffsetFinding[] {
  if (!p.root || p.parseErrors.length) return [];
  const s = schema === (schemaJson as Json) ? (compiled ??= compileSchema(schema)) : compileSchema(schema);
  const walker = new SchemaWalker(p, locale);
  walker.walk(p.root, s, { path: '' });
  return walker.out;
}
