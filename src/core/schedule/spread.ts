// "Spread these tasks' start minutes": the tasks of a peak get start times on the 5-minute grid
// across a window (round robin in patch order, so the load is even), written as text edits to the
// patch's Trigger.Cron for review. Only the minute (and a single hour) field changes; a task whose
// minute field is not one number (every few minutes) is left alone and said so.
import { modify } from 'jsonc-parser';
import { checkCron } from '../cron/index';
import type { ParsedPatch } from '../patch/parse';
import { PEAK_MINUTES } from './peaks';
import { pad2 } from './wall';

export interface SpreadInput {
  /** Index in the patch's Tasks. */
  patchIndex: number;
  id: string;
  /** The cron the task has after the patch (its current one when the patch has none). */
  cron: string;
}

/** A text edit on the patch: offsets into its text. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface SpreadMove {
  patchIndex: number;
  id: string;
  from: string;
  to: string;
}

export interface SpreadPlan {
  moves: SpreadMove[];
  /** Tasks that stay: already on their slot, or a cron that cannot be moved this way. */
  kept: { patchIndex: number; id: string; reason: string }[];
  /** Text edits on the patch (offsets into its text), non-overlapping. */
  edits: TextEdit[];
  /** The grid slots used, minutes since midnight. */
  slots: number[];
}

/**
 * @param peakMinute minutes since local midnight where the peak starts (on the 5-minute grid)
 * @param windowMinutes how far to spread (clipped at midnight: a day's run stays on its day)
 */
export function planSpread(patch: ParsedPatch, tasks: readonly SpreadInput[], peakMinute: number, windowMinutes: number): SpreadPlan {
  const start = Math.floor(peakMinute / PEAK_MINUTES) * PEAK_MINUTES;
  const span = Math.max(PEAK_MINUTES, Math.min(windowMinutes, 1440 - start));
  const slotCount = Math.floor(span / PEAK_MINUTES);
  const slots = Array.from({ length: slotCount }, (_, i) => start + i * PEAK_MINUTES);
  const plan: SpreadPlan = { moves: [], kept: [], edits: [], slots };
  // Tasks that fire at several hours can only move within the hour (the minute is shared by all).
  const inHour = Math.max(1, Math.floor((60 - (start % 60)) / PEAK_MINUTES));
  let next = 0;
  let nextInHour = 0;
  for (const t of [...tasks].sort((a, b) => a.patchIndex - b.patchIndex)) {
    const scope = retimeScope(t.cron);
    if (!scope) {
      plan.kept.push({ patchIndex: t.patchIndex, id: t.id, reason: 'its minute field is not a single minute' });
      continue;
    }
    const target = scope === 'day' ? slots[next++ % slotCount] : start + (nextInHour++ % Math.min(inHour, slotCount)) * PEAK_MINUTES;
    const r = moveTo(patch, t, target);
    if (r.kind === 'same') plan.kept.push({ patchIndex: t.patchIndex, id: t.id, reason: 'already on its slot' });
    else if (r.kind === 'invalid') plan.kept.push({ patchIndex: t.patchIndex, id: t.id, reason: `"${r.to}" would not be a valid cron` });
    else { plan.moves.push(r.move); plan.edits.push(...r.edits); }
  }
  return plan;
}

/**
 * How a cron's start can move: 'day' (a single minute and hour: anywhere in the day), 'hour' (a
 * single minute shared by several hours: only within the hour), undefined (the minute field is not
 * one number, e.g. every few minutes).
 */
export function retimeScope(cron: string): 'day' | 'hour' | undefined {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 6 || !/^\d{1,2}$/.test(f[1])) return undefined;
  return /^\d{1,2}$/.test(f[2]) ? 'day' : 'hour';
}

/** The cron started at `target` minutes after midnight: its minute, and its hour when it has one. */
export function retimedCron(cron: string, target: number): string {
  const f = cron.trim().split(/\s+/);
  f[1] = pad2(target % 60);
  if (retimeScope(cron) === 'day') f[2] = pad2(Math.floor(target / 60));
  return f.join(' ');
}

export type MoveResult =
  | { kind: 'move'; move: SpreadMove; edits: TextEdit[] }
  | { kind: 'same' }
  | { kind: 'invalid'; to: string };

/** One task to `target` minutes after midnight: the move and its edits, or why it does not move. */
export function moveTo(patch: ParsedPatch, t: SpreadInput, target: number): MoveResult {
  const f = t.cron.trim().split(/\s+/);
  if (Number(f[1]) === target % 60 && (retimeScope(t.cron) !== 'day' || Number(f[2]) === Math.floor(target / 60))) return { kind: 'same' };
  const to = retimedCron(t.cron, target);
  if (!checkCron(to).valid) return { kind: 'invalid', to };
  return { kind: 'move', move: { patchIndex: t.patchIndex, id: t.id, from: t.cron, to }, edits: cronEdits(patch, t.patchIndex, to) };
}

/** Edits setting Trigger.Cron of one task: replace the value, or insert it (and Trigger) in the task. */
export function cronEdits(patch: ParsedPatch, index: number, cron: string): TextEdit[] {
  const task = patch.tasks[index];
  if (!task) throw new RangeError(`no task at index ${index}`);
  const node = task.fieldNode('Trigger.Cron');
  if (node && node.type === 'string') return [{ offset: node.offset, length: node.length, newText: JSON.stringify(cron) }];
  const text = patch.text.slice(task.offset, task.offset + task.length);
  const lineStart = patch.text.lastIndexOf('\n', task.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(patch.text.slice(lineStart, task.offset))![0];
  const tabs = indent.includes('\t');
  const edits = modify(text, ['Trigger', 'Cron'], cron, { formattingOptions: { insertSpaces: !tabs, tabSize: 2, eol: '\n' } });
  return edits.map((e) => ({ offset: task.offset + e.offset, length: e.length, newText: e.content.replace(/\n/g, `\n${indent}`) }));
}

/** Applies non-overlapping edits to a text (tests, the CLI). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
