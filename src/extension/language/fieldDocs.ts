// Field documentation for hovers: the text is the schema's markdownDescription, English from
// schemas/dwtasks.schema.json and Chinese from the generated schemas/dwtasks.schema.zh-cn.json (the
// same text the JSON language server shows). What a schema cannot say (units, conflicts between the
// API documents) lives here. Pure (no vscode).
import { translate } from '../../core/text/l10n';
import type { UiLocale } from '../util/locale';

/** Field path as used in hovers: `Comment`, `Tasks`, or task-relative such as `Trigger.Cron`, `Tags.Key`. */
export type FieldPath = string;

/** English; translated through the l10n bundle. */
interface FieldExtra {
  unit?: string;
  conflicts?: string[];
}

type FieldExtraTexts = Readonly<Record<FieldPath, FieldExtra>>;

export const FIELD_EXTRAS = {
  Timeout: {
    unit: 'seconds',
    conflicts: ['The BatchUpdateTasks reference says "greater than 3600", yet its own example is `3600`.'],
  },
  RerunTimes: { unit: 'times (a count)' },
  RerunInterval: {
    unit: 'seconds per BatchUpdateTasks (example 60); milliseconds per UpdateTask',
    conflicts: ['BatchUpdateTasks documents seconds (example `60`); UpdateTask documents milliseconds, at most `1800000`. The unit is unconfirmed.'],
  },
  'Trigger.StartTime': { unit: 'date-time text `yyyy-mm-dd hh:mm:ss`' },
  'Trigger.EndTime': { unit: 'date-time text `yyyy-mm-dd hh:mm:ss`' },
  'RuntimeResource.Cu': {
    unit: 'CU (compute units), as a decimal string',
  },
} satisfies FieldExtraTexts;

export interface FieldDoc {
  path: FieldPath;
  /** Markdown documentation in the requested language. */
  description: string;
  unit?: string;
  conflicts: string[];
  /** JSON type from the schema, e.g. `integer`, `string`. */
  type?: string;
}

type SchemaNode = { [k: string]: unknown };

/** The field path for a JSON location path (jsonc-parser `getLocation().path`), or undefined outside fields. */
export function fieldPathOf(path: readonly (string | number)[]): FieldPath | undefined {
  if (path.length === 1 && typeof path[0] === 'string') return path[0];
  if (path[0] !== 'Tasks' || typeof path[1] !== 'number' || path.length < 3) return undefined;
  const names = path.slice(2).filter((s): s is string => typeof s === 'string');
  return names.length ? names.join('.') : undefined;
}

type FieldSummary = { description?: string; type?: string };

/** Every field a JSON schema describes, following local `#/...` $refs, items and properties. */
function collectFields(schema: SchemaNode): Map<FieldPath, FieldSummary> {
  const fields = new Map<FieldPath, FieldSummary>();
  const deref = (node: SchemaNode | undefined, depth = 0): SchemaNode | undefined => {
    if (!node || depth > 20) return node;
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    let target: unknown = schema;
    for (const seg of ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    // Keep the referring node's own description, which is usually the more specific one.
    const resolved = deref(target as SchemaNode | undefined, depth + 1);
    return resolved ? { ...resolved, ...withoutRef(node) } : node;
  };
  const walk = (obj: SchemaNode, prefix: string): void => {
    for (const [name, raw] of Object.entries(props(obj))) {
      const node = deref(raw);
      if (!node) continue;
      const path = prefix + name;
      fields.set(path, summary(node));
      if (props(node) && Object.keys(props(node)).length) walk(node, path + '.');
      const items = deref(node.items as SchemaNode | undefined);
      if (items && Object.keys(props(items)).length) walk(items, path + '.');
    }
  };
  const root = deref(schema);
  for (const [name, node] of Object.entries(props(root))) fields.set(name, summary(deref(node)));
  const tasks = deref(props(root).Tasks);
  const task = deref((tasks?.items ?? undefined) as SchemaNode | undefined);
  if (task) walk(task, '');
  return fields;
}

export class FieldDocs {
  private readonly english: Map<FieldPath, FieldSummary>;
  private readonly chinese: Map<FieldPath, FieldSummary>;

  /** `zhSchema`: the generated Simplified Chinese schema (same structure, translated text). */
  constructor(schema: SchemaNode, zhSchema?: SchemaNode) {
    this.english = collectFields(schema);
    this.chinese = zhSchema ? collectFields(zhSchema) : new Map();
  }

  /** Every field path the schema describes. */
  paths(): FieldPath[] {
    return [...this.english.keys()];
  }

  get(path: FieldPath, locale: UiLocale): FieldDoc | undefined {
    const en = this.english.get(path);
    if (!en) return undefined;
    const extra: FieldExtra | undefined = (FIELD_EXTRAS as FieldExtraTexts)[path];
    const description = (locale === 'zh-cn' ? this.chinese.get(path)?.description : undefined) ?? en.description ?? '';
    const unit = extra?.unit ? translate(locale, extra.unit) : undefined;
    const conflicts = (extra?.conflicts ?? []).map((c) => translate(locale, c));
    return { path, description, unit, conflicts, type: en.type };
  }
}

function withoutRef(node: SchemaNode): SchemaNode {
  const rest = { ...node };
  delete rest.$ref;
  return rest;
}

function props(node: SchemaNode | undefined): Record<string, SchemaNode> {
  return (node?.properties ?? {}) as Record<string, SchemaNode>;
}

function summary(node: SchemaNode | undefined): FieldSummary {
  const d = node?.markdownDescription ?? node?.description;
  const t = node?.type;
  return {
    description: typeof d === 'string' ? d : undefined,
    type: typeof t === 'string' ? t : Array.isArray(t) ? t.join(' | ') : undefined,
  };
}
