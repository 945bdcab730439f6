// Writing patches back out: the API's `Tasks` JSON string and pretty .dwtasks.json files.
// Ids are emitted as bare digits straight from their strings, never through a JS number.
import type { BatchUpdateRequest, TaskPatch } from './model';
import { checkIdText } from './ids';
import { INTEGER_FIELDS } from '../task-fields';
import type { ParsedPatch } from './parse';

/** A JSON value written verbatim (an int64 id). */
class Raw {
  constructor(readonly json: string) {}
}

function idJson(id: string): Raw {
  const checked = checkIdText(id);
  if (!('digits' in checked)) throw new Error(`Task Id '${id}' is not a positive int64 (${checked.problem})`);
  return new Raw(checked.digits);
}

/** Integer fields held as digit strings (beyond 2^53: see IntegerValue) are written bare, digit for digit. */
function withRawId(task: TaskPatch): Record<string, unknown> {
  const { Id, ...rest } = task;
  const out: Record<string, unknown> = { Id: idJson(Id), ...rest };
  for (const f of INTEGER_FIELDS) {
    const v = out[f];
    if (typeof v === 'string' && /^-?\d+$/.test(v)) out[f] = new Raw(v);
  }
  return out;
}

function write(value: unknown, indent: string, depth: number): string {
  if (value instanceof Raw) return value.json;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pad = indent ? '\n' + indent.repeat(depth + 1) : '';
  const close = indent ? '\n' + indent.repeat(depth) : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((v) => pad + write(v, indent, depth + 1)).join(',') + close + ']';
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return '{' + entries.map(([k, v]) => pad + JSON.stringify(k) + colon + write(v, indent, depth + 1)).join(',') + close + '}';
}

/** The API's `Tasks` parameter: compact JSON as the official SDK sends it, ids as bare digits. */
export function serializeTasksParam(tasks: TaskPatch[]): string {
  return write(tasks.map(withRawId), '', 0);
}

/** A pretty .dwtasks.json text (2-space indent, trailing newline), ids as bare digits. */
export function formatPatchFile(req: BatchUpdateRequest): string {
  const body: Record<string, unknown> = {};
  if (req.Comment !== undefined) body.Comment = req.Comment;
  body.Tasks = req.Tasks.map(withRawId);
  return write(body, '  ', 0) + '\n';
}

/** The request a parsed patch stands for. Validate first: tasks without a valid Id make this throw on serialize. */
export function toRequest(p: ParsedPatch): BatchUpdateRequest {
  const req: BatchUpdateRequest = { Tasks: p.tasks.map((t) => t.value) };
  if (p.comment !== undefined) req.Comment = p.comment;
  return req;
}
