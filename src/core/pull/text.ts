// Pulled entries as .dwtasks.json text: the task's name as a `//` comment above each entry, ids as
// bare digits straight from their strings (never through a JS number).
import { checkIdText } from '../patch/ids';
import type { TaskPatch } from '../patch/model';
import type { PulledEntry } from './entry';

const WHY: Record<PulledEntry['leftOut'][number]['why'], string> = {
  'no-value': 'no current value',
  manual: 'Manual task',
  'reruns-off': 'RerunMode AllDenied',
};

/** The comment text above an entry: its name, and what was chosen but not pulled. */
export function entryComment(p: PulledEntry): string {
  const parts: string[] = [];
  const byWhy = new Map<string, string[]>();
  for (const l of p.leftOut) byWhy.set(l.why, [...(byWhy.get(l.why) ?? []), l.path]);
  const notes = [...byWhy].map(([why, paths]) => `${paths.join(', ')} not pulled: ${WHY[why as keyof typeof WHY]}`);
  parts.push(oneLine(p.name ?? `task ${p.entry.Id}`));
  if (notes.length) parts.push(`(${notes.join('; ')})`);
  return parts.join(' ');
}

/** A name on one line: a line break in it would end the `//` comment and break the file. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * One entry as pretty JSON: the first line unindented, the following ones prefixed with `indent`,
 * lines joined with `eol`. `unit` is one level of indentation.
 */
export function renderEntry(entry: TaskPatch, unit: string, eol: string, indent: string): string {
  const { Id, ...rest } = entry;
  const checked = checkIdText(Id);
  if (!('digits' in checked)) throw new Error(`Task Id '${Id}' is not a positive int64 (${checked.problem})`);
  const body = JSON.stringify(rest, null, unit);
  const lines = body === '{}' ? ['{', `${unit}"Id": ${checked.digits}`, '}'] : ['{', `${unit}"Id": ${checked.digits},`, ...body.split('\n').slice(1)];
  return lines.join(eol + indent);
}

export interface PulledPatchOptions {
  /** Comment lines at the top of the file (what was pulled, from where, when). */
  header?: string[];
  /** One level of indentation (default two spaces) and the line end (default \n). */
  unit?: string;
  eol?: string;
}

export interface CommentedEntry {
  entry: TaskPatch;
  /** Written as `// comment` on the line above the entry. */
  comment?: string;
}

/** A whole .dwtasks.json of entries, each with its comment line above it; trailing line end. */
export function formatCommentedPatch(items: readonly CommentedEntry[], opts: PulledPatchOptions = {}): string {
  const unit = opts.unit ?? '  ';
  const eol = opts.eol ?? '\n';
  const head = (opts.header ?? []).map((l) => `// ${oneLine(l)}${eol}`).join('');
  if (!items.length) return `${head}{${eol}${unit}"Tasks": []${eol}}${eol}`;
  const indent = unit + unit;
  return `${head}{${eol}${unit}"Tasks": [${eol}${indent}${renderItems(items, unit, eol, indent)}${eol}${unit}]${eol}}${eol}`;
}

/** Entries (comment lines included) joined for a place inside a Tasks array indented by `indent`; the first line unindented. */
export function renderItems(items: readonly CommentedEntry[], unit: string, eol: string, indent: string): string {
  return items
    .map((i) => `${i.comment !== undefined ? `// ${oneLine(i.comment)}${eol}${indent}` : ''}${renderEntry(i.entry, unit, eol, indent)}`)
    .join(`,${eol}${indent}`);
}

/** A whole .dwtasks.json of pulled entries (2-space indent, trailing newline), each under its name. */
export function formatPulledPatch(entries: readonly PulledEntry[], opts: PulledPatchOptions = {}): string {
  return formatCommentedPatch(entries.map((p) => ({ entry: p.entry, comment: entryComment(p) })), opts);
}
