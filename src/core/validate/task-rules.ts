// Per-task rules: they read only the task's own text, so their findings can be cached by it.
import type { Node } from 'jsonc-parser';
import { checkIdText } from '../patch/ids';
import { propertyValue } from '../patch/parse';
import { removePropertyEdit, type TaskContext } from './context';
import { checkTriggerRules } from './trigger-rules';
import { checkDuplicateKeys, checkIntegers } from './exact-rules';
import { INTEGER_FIELDS } from '../task-fields';

export function checkTask(c: TaskContext, lineOf: (offset: number) => number): void {
  const node = c.node;
  if (node.type !== 'object') return; // the schema says "Incorrect type"
  checkId(c, node);
  checkNoChanges(c, node);
  checkDuplicateKeys(c, lineOf);
  checkNumbers(c, checkIntegers(c));
  checkCu(c);
  checkTags(c);
  checkTriggerRules(c);
}

function checkId(c: TaskContext, node: Node): void {
  const id = propertyValue(node, 'Id');
  if (!id) {
    c.report('id-missing', 'error', 'Id', { offset: node.offset, length: 1 });
    return;
  }
  const raw = c.raw(id);
  if (id.type === 'string') {
    const inner = String(id.value);
    const checked = /^\d+$/.test(inner) ? checkIdText(inner) : undefined;
    const fixes = checked && 'digits' in checked
      ? [{ title: c.msg('fix.unquoteId'), edits: [{ offset: id.offset, length: id.length, newText: checked.digits }] }]
      : undefined;
    c.report('id-quoted', 'error', 'Id', id, { raw }, fixes);
    return;
  }
  if (id.type !== 'number') {
    c.report('id-not-integer', 'error', 'Id', id, { raw: raw.length > 30 ? raw.slice(0, 27) + '...' : raw });
    return;
  }
  const checked = checkIdText(raw);
  if ('problem' in checked) c.report(`id-${checked.problem}`, 'error', 'Id', id, { raw });
}

function checkNoChanges(c: TaskContext, node: Node): void {
  const props = node.children ?? [];
  let changes = false;
  for (let i = 0; i < props.length && !changes; i++) {
    const k = props[i].children?.[0]?.value;
    changes = k !== 'Id' && k !== 'EnvType';
  }
  if (!changes) {
    const id = propertyValue(node, 'Id');
    c.report('task-no-changes', 'warning', undefined, id ?? { offset: node.offset, length: 1 });
  }
}

function numberOf(c: TaskContext, field: string): { node: Node; value: number } | undefined {
  const n = c.get(field);
  return n?.type === 'number' && typeof n.value === 'number' ? { node: n, value: n.value } : undefined;
}

function duration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round((seconds % 60) * 1000) / 1000;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ') || '0 s';
}

/** `inexact`: integer fields already reported as not plain int64 digits (nothing more is said of them). */
function checkNumbers(c: TaskContext, inexact: Set<string> | undefined): void {
  const numberAt = (field: string): { node: Node; value: number } | undefined => (inexact?.has(field) ? undefined : numberOf(c, field));
  for (const field of INTEGER_FIELDS) {
    const n = numberAt(field);
    if (n && n.value < 0) c.report('negative-number', 'error', field, n.node, { field, value: c.raw(n.node) });
  }
  const timeout = numberAt('Timeout');
  if (timeout && timeout.value >= 0 && timeout.value <= 3600) {
    c.report('timeout-doc-minimum', 'warning', 'Timeout', timeout.node, { value: c.raw(timeout.node) });
  }
  const interval = numberAt('RerunInterval');
  if (interval && interval.value > 1_800_000) {
    c.report('rerun-interval-range', 'warning', 'RerunInterval', interval.node, { value: c.raw(interval.node) });
  } else if (interval && interval.value >= 1000) {
    // Large values read like milliseconds; as seconds they are a quarter of an hour or more.
    c.report('rerun-interval-unit', 'info', 'RerunInterval', interval.node, {
      value: c.raw(interval.node), asSeconds: duration(interval.value), asMillis: duration(interval.value / 1000),
    });
  }
  const mode = c.get('RerunMode');
  if (mode?.value === 'AllDenied') {
    for (const field of ['RerunTimes', 'RerunInterval']) {
      const n = c.get(field);
      if (!n) continue;
      const edit = removePropertyEdit(n);
      const fixes = edit ? [{ title: c.msg('fix.removeField', { field }), edits: [edit] }] : undefined;
      c.report('rerun-disabled-field', 'warning', field, c.keyOf(n), { field }, fixes);
    }
  }
}

const POSITIVE_DECIMAL = /^\d+(\.\d+)?$/;

function checkCu(c: TaskContext): void {
  const cu = c.get('RuntimeResource.Cu');
  if (!cu) return;
  const raw = c.raw(cu);
  if (cu.type === 'number') {
    const ok = POSITIVE_DECIMAL.test(raw) && Number(raw) > 0;
    const fixes = ok ? [{ title: c.msg('fix.quoteCu', { value: raw }), edits: [{ offset: cu.offset, length: cu.length, newText: `"${raw}"` }] }] : undefined;
    c.report('cu-invalid', 'error', 'RuntimeResource.Cu', cu, { raw }, fixes);
  } else if (cu.type === 'string') {
    const v = String(cu.value);
    if (!POSITIVE_DECIMAL.test(v) || !(Number(v) > 0)) c.report('cu-invalid', 'error', 'RuntimeResource.Cu', cu, { raw });
  }
  // other types: the schema's "Incorrect type"
}

function checkTags(c: TaskContext): void {
  const tags = c.get('Tags');
  if (tags?.type !== 'array') return;
  const seen = new Map<string, number>();
  (tags.children ?? []).forEach((tag, index) => {
    if (tag.type !== 'object') return;
    const key = propertyValue(tag, 'Key');
    if (key?.type !== 'string') return;
    const k = String(key.value);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else c.report('duplicate-tag-key', 'error', `Tags.${index}.Key`, key, { key: k, index, first });
  });
}
