// Findings in offsets while rules run (cheap, and cacheable relative to a task's start);
// converted to line/character ranges once at the end.
import type { Node } from 'jsonc-parser';
import type { Severity } from '../types';
import type { ParsedTask } from '../patch/parse';
import type { WeekdayNumbering } from '../cron/weekdays';
import { t, withSubject, type Locale } from './messages';

export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
}

export interface OffsetFinding {
  code: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  taskId?: string;
  field?: string;
  fixes?: OffsetFix[];
}

export type Args = Record<string, string | number>;

/** What a per-task rule sees: the task, the text, and a way to report against it. */
export class TaskContext {
  readonly out: OffsetFinding[] = [];
  readonly subject: string;

  constructor(readonly task: ParsedTask, readonly node: Node, readonly text: string, readonly locale: Locale,
    readonly weekdays?: WeekdayNumbering) {
    this.subject = task.id !== undefined
      ? t(locale, 'subject.task', { id: task.id })
      : t(locale, 'subject.taskNoId', { n: task.index + 1 });
  }

  /** The value node at a dotted path inside the task, e.g. `Trigger.Cron` (no allocation: hot on big files). */
  get(path: string): Node | undefined {
    let node: Node | undefined = this.node;
    let from = 0;
    while (node && from <= path.length) {
      let to = path.indexOf('.', from);
      if (to < 0) to = path.length;
      node = child(node, path, from, to);
      from = to + 1;
    }
    return node;
  }

  raw(node: Node): string {
    return this.text.slice(node.offset, node.offset + node.length);
  }

  msg(key: string, args: Args = {}): string {
    return t(this.locale, key, args);
  }

  /** Reports `key`'s message about `field`, at `at` (a node or an explicit span). */
  report(code: string, severity: Severity, field: string | undefined, at: Node | { offset: number; length: number },
    args: Args = {}, fixes?: OffsetFix[], message?: string): void {
    const finding: OffsetFinding = {
      code: `dwtasks/${code}`,
      severity,
      message: withSubject(this.locale, this.subject, message ?? t(this.locale, code, args)),
      offset: at.offset,
      length: at.length,
    };
    if (this.task.id !== undefined) finding.taskId = this.task.id;
    if (field) finding.field = field;
    if (fixes?.length) finding.fixes = fixes;
    this.out.push(finding);
  }

  /** The key node of a value node's property. */
  keyOf(value: Node): Node {
    return value.parent?.type === 'property' && value.parent.children?.[0] ? value.parent.children[0] : value;
  }
}

/** The member of `node` named by path[from, to): the last property of that name, or an array index. */
function child(node: Node, path: string, from: number, to: number): Node | undefined {
  const items = node.children;
  if (!items) return undefined;
  if (node.type === 'object') {
    for (let i = items.length - 1; i >= 0; i--) {
      const kv = items[i].children;
      const key = kv?.[0].value as string | undefined;
      if (kv && kv.length > 1 && key !== undefined && key.length === to - from && path.startsWith(key, from)) return kv[1];
    }
    return undefined;
  }
  if (node.type === 'array') {
    let index = 0;
    for (let i = from; i < to; i++) {
      const d = path.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      index = index * 10 + d;
    }
    return to > from ? items[index] : undefined;
  }
  return undefined;
}

/** An edit that removes the property holding `value`, with the comma that separates it. */
export function removePropertyEdit(value: Node): OffsetEdit | undefined {
  const prop = value.parent;
  const obj = prop?.parent;
  if (prop?.type !== 'property' || !obj?.children) return undefined;
  const i = obj.children.indexOf(prop);
  const end = prop.offset + prop.length;
  if (i > 0) {
    const prev = obj.children[i - 1];
    const start = prev.offset + prev.length;
    return { offset: start, length: end - start, newText: '' };
  }
  const next = obj.children[i + 1];
  if (next) return { offset: prop.offset, length: next.offset - prop.offset, newText: '' };
  return { offset: prop.offset, length: prop.length, newText: '' };
}
