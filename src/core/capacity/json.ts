// `dwtasks capacity --json`: the picture in the shape, epoch seconds, every slot.
import type { CapacityPicture } from './demand';

export interface CapacityJson {
  zone: string;
  from: number;
  to: number;
  slotMinutes: number;
  groups: { id: string; capacityCu: number | null; slots: number[]; peakCu: number; peakAt: number }[];
  tasks: { id: string; name: string | null; group: string; cu: number | null; durationSec: number | null; p90Sec: number | null; runs: number; fires: number[] }[];
  withoutHistory: string[];
}

export function capacityJson(p: CapacityPicture): CapacityJson {
  return {
    zone: p.zone,
    from: p.from,
    to: p.to,
    slotMinutes: p.slotMinutes,
    groups: p.groups.map((g) => ({ id: g.id, capacityCu: g.capacity?.cu ?? null, slots: Array.from(g.slots), peakCu: g.peakCu, peakAt: g.peakAt })),
    tasks: p.tasks.map((t) => ({
      id: t.task.id,
      name: t.task.name ?? null,
      group: t.group,
      cu: t.cu ?? null,
      durationSec: t.duration?.medianSec ?? null,
      p90Sec: t.duration?.p90Sec ?? null,
      runs: t.duration?.runs ?? 0,
      fires: t.fires.map((ms) => Math.floor(ms / 1000)),
    })),
    withoutHistory: p.withoutHistory.map((t) => t.task.id),
  };
}
