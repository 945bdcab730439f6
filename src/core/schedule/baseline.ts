// The baseline of a picture: tasks that fire more often than hourly (on average over the window).
// They fill every hour alike, so a picture can hide them and let the nightly batch stand out.
import { computePicture, type PictureOptions, type SchedulePicture } from './picture';
import type { ScheduleWindow } from './window';

/** More fires in the window than it has hours. */
export function isBaseline(fires: number, window: ScheduleWindow): boolean {
  return fires > (window.to - window.from) / 3600;
}

/** The same picture without its baseline tasks (undefined when it has none). */
export function withoutBaseline(p: SchedulePicture, opts: PictureOptions): SchedulePicture | undefined {
  const kept = p.tasks.filter((t) => !isBaseline(t.fires, p));
  if (kept.length === p.tasks.length) return undefined;
  return computePicture([...kept.map((t) => t.task), ...p.skipped.map((s) => s.task)], p, opts);
}
