// Appends task entries to a .dwtasks.json text without disturbing the rest: comments, order and
// formatting stay; ids are written as bare digits (never through a JS number); each entry may carry
// a `//` comment line above it (the task's name). Pure text in, text out.
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { parsePatch } from '../../core/patch';
import type { TaskPatch } from '../../core/patch/model';
import { formatCommentedPatch, renderItems } from '../../core/pull/text';

export interface InsertResult {
  text: string;
  added: TaskPatch[];
  /** Entries whose Id and EnvType are already in the file. */
  skipped: TaskPatch[];
}

/** EnvType missing in the file counts as Prod, the service's default environment. */
function key(id: string, env: string | undefined): string {
  return `${env ?? 'Prod'}:${id}`;
}

export function insertTaskEntries(
  text: string, entries: TaskPatch[], fmt: FormattingOptions, commentOf: (e: TaskPatch) => string | undefined = () => undefined,
): InsertResult {
  const eol = fmt.eol ?? '\n';
  const unit = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const items = (list: TaskPatch[]) => list.map((entry) => ({ entry, comment: commentOf(entry) }));
  if (!text.trim()) {
    return { text: formatCommentedPatch(items(entries), { unit, eol }), added: entries, skipped: [] };
  }
  const parsed = parsePatch(text);
  if (!parsed.root || parsed.root.type !== 'object') {
    throw new Error('The file is not a JSON object with a "Tasks" array, so tasks cannot be added to it.');
  }
  const present = new Set(parsed.tasks.filter((t) => t.id).map((t) => key(t.id!, t.envType)));
  const added: TaskPatch[] = [];
  const skipped: TaskPatch[] = [];
  for (const e of entries) {
    const k = key(e.Id, e.EnvType);
    if (present.has(k)) skipped.push(e);
    else {
      present.add(k);
      added.push(e);
    }
  }
  if (!added.length) return { text, added, skipped };

  const array = parsed.tasksNode;
  if (!array || array.type !== 'array') {
    if (array) throw new Error('"Tasks" is not an array, so tasks cannot be added to it.');
    // No Tasks yet: let jsonc-parser place an empty array, then fill it like any empty one.
    const withArray = applyEdits(text, modify(text, ['Tasks'], [], { formattingOptions: fmt }));
    return { ...insertTaskEntries(withArray, added, fmt, commentOf), skipped };
  }
  const arrayIndent = lineIndent(text, array.offset);
  const children = array.children ?? [];
  const itemIndent = children.length ? lineIndent(text, children[0]!.offset) || arrayIndent + unit : arrayIndent + unit;
  const body = renderItems(items(added), unit, eol, itemIndent);
  if (children.length) {
    const last = children[children.length - 1]!;
    const at = last.offset + last.length;
    // Keep the last entry's comma and line comment on its own line; insert after them.
    const rest = /^([ \t]*)(,?)([ \t]*(?:\/\/[^\n\r]*)?)/.exec(text.slice(at))!;
    const lineEnd = at + rest[0].length;
    const head = rest[2] ? text.slice(0, lineEnd) : `${text.slice(0, at)},${text.slice(at, lineEnd)}`;
    return { text: `${head}${eol}${itemIndent}${body}${text.slice(lineEnd)}`, added, skipped };
  }
  // Empty array: rewrite `[ ... ]` keeping any comments inside it.
  const inner = text.slice(array.offset + 1, array.offset + array.length - 1).trim();
  const replacement = `[${eol}${itemIndent}${body}${inner ? ` ${inner}` : ''}${eol}${arrayIndent}]`;
  return { text: text.slice(0, array.offset) + replacement + text.slice(array.offset + array.length), added, skipped };
}

/** The whitespace before `offset` on its line, when only whitespace precedes it. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  if (/^[ \t]*$/.test(before)) return before;
  const lead = /^[ \t]*/.exec(before);
  return lead ? lead[0] : '';
}
