// Every fire time of an expression in a window, for pictures of many tasks over days: compile once,
// then enumerate without re-parsing: exactly the chain of nextFireTimes (Quartz 2.3.2), FireTimeChain.
import { FireTimeChain, scheduleOf } from './next';
import type { Schedule } from './schedule';
import type { CronOptions } from './weekdays';
import { zoneOffsets } from './zone';

/** A checked, compiled expression; make one with compileCron. */
export interface CompiledCron {
  readonly expr: string;
  readonly schedule: Schedule;
}

/** Compiles a valid expression once for fireTimesBetween; throws for an invalid one (as nextFireTimes does). */
export function compileCron(expr: string, options: CronOptions = {}): CompiledCron {
  return { expr, schedule: scheduleOf(expr, options.weekdays === 'quartz') };
}

/**
 * Fire times t (epoch ms) with fromMs <= t < toMs in `timeZone`, ascending. Throws RangeError for an
 * unknown zone or a non-finite bound.
 */
export function* fireTimesBetween(compiled: CompiledCron, fromMs: number, toMs: number, timeZone: string): Generator<number, void, undefined> {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('fireTimesBetween: the window bounds must be finite');
  // timeAfter(x) is the first fire time at or after x + 1 s (milliseconds dropped): start 1 s early.
  const chain = new FireTimeChain(compiled.schedule, zoneOffsets(timeZone), fromMs - 1000);
  for (let t = chain.next(); t !== undefined && t < toMs; t = chain.next()) if (t >= fromMs) yield t;
}
