// The window options every picture command shares (--from, --days, a slot size, --tz): one parse,
// one clock (the region's zone unless --tz), one set of usage errors.
import { makeWindow, MAX_DAYS, parseFrom, slotMinutesProblem, type ScheduleWindow } from '../core/schedule/window';
import type { ResolvedZone } from '../core/time/regions';
import { numberOption, UsageError } from './args';
import { cliZone } from './zone';

/** The options of a picture command besides its source and slot: window, zone, numbering, rate, outputs. */
export const PICTURE_OPTIONS = {
  from: { type: 'string' },
  days: { type: 'string' },
  tz: { type: 'string' },
  weekdays: { type: 'string' },
  rps: { type: 'string' },
  json: { type: 'boolean' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface WindowFlags {
  from?: string;
  days?: string;
  tz?: string;
}

export function windowOptions(flags: WindowFlags, slot: { flag: string; value: string | undefined; default: number }, defaultDays: number, region: string | undefined): { clock: ResolvedZone; window: ScheduleWindow } {
  const days = numberOption(flags.days, 'days', defaultDays, { integer: true, min: 1, max: MAX_DAYS });
  const slotMinutes = numberOption(slot.value, slot.flag, slot.default, { integer: true, min: 1, max: 1440 });
  const slotProblem = slotMinutesProblem(slotMinutes);
  if (slotProblem) throw new UsageError(`--${slot.flag} ${slotProblem}, got ${slotMinutes}`);
  const clock = cliZone(flags.tz, region);
  const from = flags.from === undefined ? undefined : parseFrom(flags.from, clock.zone);
  if (flags.from !== undefined && from === undefined) throw new UsageError(`--from takes an ISO date/time or epoch seconds, got '${flags.from}'`);
  return { clock, window: makeWindow({ zone: clock.zone, days, slotMinutes, ...(from !== undefined ? { from } : {}) }) };
}
