// `dwtasks schedule --json`: the picture in the shape, epoch seconds, every slot (zeros too).
import type { SchedulePicture } from './picture';

export interface ScheduleJson {
  zone: string;
  from: number;
  to: number;
  slotMinutes: number;
  slots: { start: number; fires: number }[];
  tasks: { id: string; fires: number }[];
  skipped: string[];
}

export function pictureJson(p: SchedulePicture): ScheduleJson {
  const slotS = p.slotMinutes * 60;
  return {
    zone: p.zone,
    from: p.from,
    to: p.to,
    slotMinutes: p.slotMinutes,
    slots: Array.from(p.slots, (fires, i) => ({ start: p.from + i * slotS, fires })),
    tasks: p.tasks.map((t) => ({ id: t.task.id, fires: t.fires })),
    skipped: p.skipped.map((s) => s.task.id),
  };
}
