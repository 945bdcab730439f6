// The capacity picture of 10,000 tasks over 7 days in 15-minute slots (durations and CUs known for
// every task: the load of every run added to its group's slots, peaks, capacity marks) against the
// schedule picture's own enumeration of the same fire times, measured in the same run: the ratio says
// what adding load costs on top of finding when the tasks fire.
// Run: npm run bench -- capacity (or node --import tsx bench/capacity.bench.ts [--runs N]).
import { computeCapacity, type GroupCapacity, type TaskDuration } from '@src/core/capacity/index';
import { computePicture, fromState, makeWindow, type ScheduleTask } from '@src/core/schedule/index';
import { seedState } from '@src/emulator/seed';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const RUNS = arg('runs', 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const window = makeWindow({ zone: 'Asia/Shanghai', from: Date.parse('2026-11-29T16:00:00Z') / 1000, days: 7, slotMinutes: 15 });

const tasks: ScheduleTask[] = Object.values(seedState(10_000, 3).tasks.Dev).slice(0, 10_000).map((t) => fromState(t, 'Dev'));
// Most runs short, a few long (up to 3 hours), from the task's position: stable across runs.
const durations = new Map<string, TaskDuration>(tasks.map((t, i) => {
  const sec = i % 50 === 0 ? 3600 + (i % 7) * 1200 : 30 + (i * 37) % 900;
  return [t.id, { medianSec: sec, p90Sec: sec * 1.5, runs: 7 }];
}));
const capacities = new Map<string, GroupCapacity>([...new Set(tasks.map((t) => t.resourceGroupId ?? ''))].map((g) => [g, { cu: 50, source: 'user' }]));

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

let fires = 0;
let peak = 0;
const capacity = (): void => { const p = computeCapacity(tasks, window, { weekdays: 'dataworks', durations, capacities }); peak = p.groups[0]?.peakCu ?? 0; fires = p.tasks.reduce((a, t) => a + t.fires.length, 0); };
const picture = (): void => { computePicture(tasks, window, { weekdays: 'dataworks' }); };
const coldCapacity = time(capacity);
const coldPicture = time(picture);
const ours: number[] = [];
const ref: number[] = [];
for (let i = 0; i < RUNS; i++) { ours.push(time(capacity)); ref.push(time(picture)); }
const c = median(ours);
const s = median(ref);
process.stdout.write(`\n10,000 tasks (seed mix), ${fires.toLocaleString('en-US')} fires in 7 days, 15-minute slots, busiest group peak ${peak.toFixed(1)} CU\n`);
process.stdout.write(`  capacity picture (fires + load per group and slot + marks): ${c.toFixed(1)} ms (median of ${RUNS}; first run ${coldCapacity.toFixed(1)} ms)\n`);
process.stdout.write(`  schedule picture enumerating the same fire times:          ${s.toFixed(1)} ms (first run ${coldPicture.toFixed(1)} ms)\n`);
process.stdout.write(`  ratio capacity / schedule:                                 ${(c / s).toFixed(2)} (the cost of load on top of the enumeration)\n`);
