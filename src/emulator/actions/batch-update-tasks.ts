// BatchUpdateTasks: applies each task's changes in its environment (EnvType, default Prod) and answers
// per task in SuccessInfo. A malformed call (Tasks not a JSON array, a task without Id, more tasks
// than allowed per call, an id named twice) is rejected whole with 400 before anything is applied; a task whose values
// the service would refuse (unknown id, wrong environment, invalid cron, unknown resource group...)
// gets `Success: false` with a message naming the field, and nothing of that task is applied.
import { isLosslessNumber, type LosslessNumber } from 'lossless-json';
import type { EnvType } from '../../core/patch/model';
import { RECURRENCES, RERUN_MODES, TRIGGER_TYPES } from '../../core/task-fields';
// check.ts directly, not the cron index: the emulator needs the checker only, not the describer's deps.
import { checkCron } from '../../core/cron/check';
import { invalidParameter, missingParameter } from '../errors';
import { idOf } from '../params';
import type { EmulatorState, TaskRecord } from '../state';
import type { TaskChange } from '../store';
import type { ActionHandler } from './context';
import { noteTaskChange } from '../revision';

export interface TaskOutcome { Success: boolean; Message: string }

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export const batchUpdateTasks: ActionHandler = ({ state, params, now, maxTasksPerCall }) => {
  const tasks = params.json('Tasks');
  if (tasks === undefined) throw missingParameter('Tasks');
  if (!Array.isArray(tasks)) throw invalidParameter('Tasks', 'it must be a JSON array of tasks.');
  if (tasks.length === 0) throw invalidParameter('Tasks', 'it must hold at least one task.');
  if (tasks.length > maxTasksPerCall) {
    throw invalidParameter('Tasks', `it holds ${tasks.length} tasks; at most ${maxTasksPerCall} tasks are allowed per call.`);
  }
  const items = tasks.map((t: unknown, i) => {
    if (!isObject(t)) throw invalidParameter(`Tasks.${i + 1}`, 'each task must be a JSON object.');
    if (t.Id === undefined || t.Id === null) throw missingParameter(`Tasks.${i + 1}.Id`);
    const id = idOf(t.Id);
    if (id === undefined) throw invalidParameter(`Tasks.${i + 1}.Id`, `${String(t.Id)} is not an int64 task id.`);
    return { id, patch: t };
  });
  // SuccessInfo is keyed by id alone: one entry cannot answer for two (Dev and Prod of one id go in
  // separate calls), so such a call is refused whole, before anything is applied.
  const seen = new Map<string, number>();
  items.forEach(({ id }, i) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw invalidParameter(`Tasks.${i + 1}.Id`, `the task ${id} is already Tasks.${first + 1}; one call may name a task once (SuccessInfo has one entry per id).`);
    }
    seen.set(id, i);
  });

  const successInfo: Record<string, TaskOutcome> = {};
  const changes: TaskChange[] = [];
  for (const { id, patch } of items) successInfo[id] = applyTask(state, id, patch, now, changes);
  return { body: { SuccessInfo: successInfo }, changes };
};

function applyTask(state: EmulatorState, id: string, patch: Record<string, unknown>, now: number, changes: TaskChange[]): TaskOutcome {
  const envValue = patch.EnvType ?? 'Prod';
  if (envValue !== 'Prod' && envValue !== 'Dev') {
    return fail(`EnvType: "${String(envValue)}" is not valid; use Prod or Dev.`);
  }
  const env: EnvType = envValue;
  const current = state.tasks[env][id];
  if (!current) {
    const other: EnvType = env === 'Prod' ? 'Dev' : 'Prod';
    return fail(state.tasks[other][id]
      ? `The task ${id} does not exist in the ${env} environment; it exists only in ${other} (EnvType).`
      : `The task ${id} does not exist.`);
  }
  const next = structuredClone(current);
  const problems: string[] = [];
  const f = new FieldReader(problems);

  if ('Name' in patch) { const v = f.text('Name', patch.Name, 1, 128); if (v !== undefined) next.Name = v; }
  if ('Description' in patch) { const v = f.text('Description', patch.Description, 0, 1024); if (v !== undefined) next.Description = v; }
  if ('Owner' in patch) { const v = f.text('Owner', patch.Owner, 1, 64); if (v !== undefined) next.Owner = v; }
  if ('Timeout' in patch) { const v = f.int('Timeout', patch.Timeout); if (v !== undefined) next.Timeout = v; }
  if ('RerunMode' in patch) { const v = f.oneOf('RerunMode', patch.RerunMode, RERUN_MODES); if (v) next.RerunMode = v; }
  if ('RerunTimes' in patch) { const v = f.int('RerunTimes', patch.RerunTimes); if (v !== undefined) next.RerunTimes = v; }
  if ('RerunInterval' in patch) { const v = f.int('RerunInterval', patch.RerunInterval); if (v !== undefined) next.RerunInterval = v; }
  if ('Trigger' in patch) applyTrigger(next, patch.Trigger, f);
  if ('RuntimeResource' in patch) applyRuntime(state, next, patch.RuntimeResource, f);
  if ('DataSource' in patch) applyDataSource(state, env, next, patch.DataSource, f);
  if ('Tags' in patch) applyTags(next, patch.Tags, f);

  if (problems.length > 0) return fail(problems.join('; '));
  next.ModifyTime = now;
  state.tasks[env][id] = next;
  noteTaskChange(state);
  changes.push({ env, task: next });
  return { Success: true, Message: '' };
}

function applyTrigger(next: TaskRecord, value: unknown, f: FieldReader): void {
  if (!isObject(value)) { f.problem('Trigger', 'must be an object.'); return; }
  const t = { ...next.Trigger };
  if ('Type' in value) { const v = f.oneOf('Trigger.Type', value.Type, TRIGGER_TYPES); if (v) t.Type = v; }
  if (t.Type === 'Manual') {
    for (const k of ['Cron', 'Recurrence'] as const) {
      if (k in value) f.problem(`Trigger.${k}`, 'applies only to Scheduler triggers; this trigger is Manual.');
    }
    delete t.Cron;
    delete t.Recurrence;
  } else {
    if ('Recurrence' in value) { const v = f.oneOf('Trigger.Recurrence', value.Recurrence, RECURRENCES); if (v) t.Recurrence = v; }
    if ('Cron' in value) {
      const cron = f.text('Trigger.Cron', value.Cron, 1, 256);
      if (cron !== undefined) {
        // Day-of-week numbers as DataWorks documents them (0 or 7 = Sunday, 1 = Monday).
        const check = checkCron(cron, 'en', { weekdays: 'dataworks' });
        if (check.valid) t.Cron = cron;
        else f.problem('Trigger.Cron', `"${cron}" is not a valid DataWorks cron expression: ${check.problems.map((p) => p.message).join(', ')}.`);
      }
    }
    if (!t.Cron && !('Cron' in value)) f.problem('Trigger.Cron', 'is required when Trigger.Type is Scheduler.');
    t.Recurrence ??= 'Normal';
  }
  for (const k of ['StartTime', 'EndTime'] as const) {
    if (k in value) {
      const v = f.text(`Trigger.${k}`, value[k], 19, 19);
      if (v !== undefined && !validTime(v)) f.problem(`Trigger.${k}`, `"${v}" must be a time "yyyy-mm-dd hh:mm:ss".`);
      else if (v !== undefined) t[k] = v;
    }
  }
  if (t.StartTime >= t.EndTime) f.problem('Trigger.StartTime', `${t.StartTime} must be before Trigger.EndTime ${t.EndTime}.`);
  next.Trigger = t;
}

function applyRuntime(state: EmulatorState, next: TaskRecord, value: unknown, f: FieldReader): void {
  if (!isObject(value)) { f.problem('RuntimeResource', 'must be an object.'); return; }
  const r = { ...next.RuntimeResource };
  if ('ResourceGroupId' in value) {
    const v = f.text('RuntimeResource.ResourceGroupId', value.ResourceGroupId, 1, 128);
    if (v !== undefined && !state.resourceGroups.some((g) => g.Id === v)) f.problem('RuntimeResource.ResourceGroupId', `the resource group "${v}" does not exist.`);
    else if (v !== undefined) r.ResourceGroupId = v;
  }
  if ('Cu' in value) {
    const v = f.text('RuntimeResource.Cu', value.Cu, 1, 16);
    if (v !== undefined && !(/^\d+(\.\d+)?$/.test(v) && Number(v) > 0)) f.problem('RuntimeResource.Cu', `"${v}" must be a positive decimal string such as "0.25".`);
    else if (v !== undefined) r.Cu = v;
  }
  if ('Image' in value) { const v = f.text('RuntimeResource.Image', value.Image, 0, 256); if (v !== undefined) r.Image = v; }
  next.RuntimeResource = r;
}

function applyDataSource(state: EmulatorState, env: EnvType, next: TaskRecord, value: unknown, f: FieldReader): void {
  if (!isObject(value)) { f.problem('DataSource', 'must be an object.'); return; }
  const name = f.text('DataSource.Name', value.Name, 1, 128);
  if (name === undefined) return;
  if (!(state.dataSources[next.ProjectId] ?? []).some((s) => s.Name === name && s.EnvType === env)) {
    f.problem('DataSource.Name', `the data source "${name}" does not exist in ${env} of workspace ${next.ProjectId}.`);
    return;
  }
  next.DataSource = { Name: name };
}

function applyTags(next: TaskRecord, value: unknown, f: FieldReader): void {
  if (!Array.isArray(value)) { f.problem('Tags', 'must be an array of {Key, Value}.'); return; }
  const tags: TaskRecord['Tags'] = [];
  value.forEach((tag, i) => {
    const where = `Tags[${i}]`;
    if (!isObject(tag)) { f.problem(where, 'must be an object.'); return; }
    const key = f.text(`${where}.Key`, tag.Key, 1, 128);
    const val = tag.Value === undefined ? '' : f.text(`${where}.Value`, tag.Value, 0, 256);
    if (key !== undefined && val !== undefined) tags.push({ Key: key, Value: val });
  });
  next.Tags = tags;
}

/** Reads typed values out of the patch, recording a problem (naming the field) for each bad one. */
class FieldReader {
  constructor(private readonly problems: string[]) {}

  problem(field: string, why: string): void {
    this.problems.push(`${field}: ${why}`);
  }

  text(field: string, v: unknown, min: number, max: number): string | undefined {
    if (typeof v !== 'string') { this.problem(field, `must be a string, not ${describe(v)}.`); return undefined; }
    if (v.length < min || v.length > max) {
      this.problem(field, min > 0 && v.length === 0 ? 'must not be empty.' : `must be ${min}-${max} characters long.`);
      return undefined;
    }
    return v;
  }

  int(field: string, v: unknown): number | undefined {
    const text = isLosslessNumber(v) ? (v as LosslessNumber).value : undefined;
    if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      this.problem(field, `must be a non-negative integer, not ${describe(v)}.`);
      return undefined;
    }
    return Number(text);
  }

  oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.problem(field, `${describe(v)} is not one of ${allowed.join(', ')}.`);
    return undefined;
  }
}

function describe(v: unknown): string {
  if (isLosslessNumber(v)) return (v as LosslessNumber).value;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v);
}

function validTime(v: string): boolean {
  const m = TIME.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);

const fail = (Message: string): TaskOutcome => ({ Success: false, Message });
