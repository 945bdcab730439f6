// Finds the `Trigger.Cron` string values of a parsed patch: at an offset (hover, completion) or all
// of them (inlay hints). Pure (no vscode).
import type { Node } from 'jsonc-parser';
import type { ParsedPatch, ParsedTask } from '../../core/patch';

export interface CronValue {
  task: ParsedTask;
  /** The string node, quotes included. */
  node: Node;
  /** The expression as JSON decodes it. */
  expr: string;
  /** Offsets of the text between the quotes (end exclusive; excludes a missing closing quote). */
  contentStart: number;
  contentEnd: number;
}

function cronOf(task: ParsedTask, text: string): CronValue | undefined {
  const node = task.fieldNode('Trigger.Cron');
  if (!node || node.type !== 'string') return undefined;
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text.charCodeAt(end - 1) === 34 /* " */;
  return { task, node, expr: String(node.value), contentStart: node.offset + 1, contentEnd: closed ? end - 1 : end };
}

/** The task whose object contains `offset` (tasks are in file order: binary search). */
export function taskAt(patch: ParsedPatch, offset: number): ParsedTask | undefined {
  const tasks = patch.tasks;
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = tasks[mid].node;
    if (offset < n.offset) hi = mid - 1;
    else if (offset > n.offset + n.length) lo = mid + 1;
    else return tasks[mid];
  }
  return undefined;
}

/** The Cron value whose string (quotes included) contains `offset`. */
export function cronAt(patch: ParsedPatch, offset: number): CronValue | undefined {
  const task = taskAt(patch, offset);
  if (!task) return undefined;
  const c = cronOf(task, patch.text);
  return c && offset >= c.node.offset && offset <= c.node.offset + c.node.length ? c : undefined;
}

/** Every Cron value whose string overlaps [from, to). */
export function cronsIn(patch: ParsedPatch, from = 0, to = Infinity): CronValue[] {
  const out: CronValue[] = [];
  for (const task of patch.tasks) {
    if (task.node.offset + task.node.length < from) continue;
    if (task.node.offset > to) break;
    const c = cronOf(task, patch.text);
    if (c) out.push(c);
  }
  return out;
}
