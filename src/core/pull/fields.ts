// The fields a pull can copy from a task into a patch, derived from the patch schema (one list: the
// schema's task properties and, for objects, their properties), as dotted paths.
import schemaJson from '../../../schemas/dwtasks.schema.json';

interface SchemaNode { type?: string; properties?: Record<string, SchemaNode> }

const taskProps = (schemaJson as { definitions: { task: SchemaNode } }).definitions.task.properties ?? {};

/** Fields that select the task rather than change it: always in an entry, never chosen. */
const IDENTITY = new Set(['Id', 'EnvType']);

/** Leaf paths in schema order: `Name`, ..., `Trigger.Cron`, ..., `RuntimeResource.ResourceGroupId`, ..., `Tags`. */
export const PULL_LEAVES: readonly string[] = Object.entries(taskProps).flatMap(([name, node]) => {
  if (IDENTITY.has(name)) return [];
  if (node.type === 'object' && node.properties) return Object.keys(node.properties).map((sub) => `${name}.${sub}`);
  return [name];
});

/** Every name `--fields` accepts: each leaf, and each object field standing for all its leaves. */
export const PULL_FIELDS: readonly string[] = Object.entries(taskProps).flatMap(([name, node]) => {
  if (IDENTITY.has(name)) return [];
  if (node.type === 'object' && node.properties) return [name, ...Object.keys(node.properties).map((sub) => `${name}.${sub}`)];
  return [name];
});

export class UnknownFieldError extends Error {
  constructor(readonly unknown: string[]) {
    super(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `'${f}'`).join(', ')}; the fields a patch can change are: ${PULL_FIELDS.join(', ')}`);
  }
}

/**
 * The leaf paths a selection stands for, in schema order and without repeats (`Trigger` and
 * `Trigger.Cron` together are just `Trigger`'s leaves). Throws UnknownFieldError naming every
 * name that is not a field, with the valid ones.
 */
export function resolveFields(names: readonly string[]): string[] {
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  const unknown = wanted.filter((n) => !PULL_FIELDS.includes(n));
  if (unknown.length) throw new UnknownFieldError(unknown);
  return PULL_LEAVES.filter((leaf) => wanted.some((w) => leaf === w || leaf.startsWith(`${w}.`)));
}

/** `--fields Owner,Trigger.Cron` as a list. */
export function splitFieldList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The value at a dotted path of an object, or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
