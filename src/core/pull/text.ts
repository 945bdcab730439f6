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
}

/** A whole .dwtasks.json of pulled entries (2-space indent, trailing newline). */
export function formatPulledPatch(entries: readonly PulledEntry[], opts: PulledPatchOptions = {}): string {
  const unit = '  ';
  const head = (opts.header ?? []).map((l) => `// ${oneLine(l)}\n`).join('');
  if (!entries.length) return `${head}{\n${unit}"Tasks": []\n}\n`;
  const items = entries.map((p) => `${unit}${unit}// ${entryComment(p)}\n${unit}${unit}${renderEntry(p.entry, unit, '\n', unit + unit)}`);
  return `${head}{\n${unit}"Tasks": [\n${items.join(',\n')}\n${unit}]\n}\n`;
}
