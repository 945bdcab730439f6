// The apply journal: JSON lines, appended and flushed one record at a time, so a process killed at
// any point leaves a file that says exactly what was sent. A chunk with a 'sending' record but no
// 'result' record was (possibly) sent and its outcome is unknown; tasks of chunks never marked
// 'sending' were not sent. No secrets: the target is an endpoint/region/profile name only.
import type { EnvType, TaskPatch } from '../patch/model';
import type { BeforeEntry } from './before-state';
import type { OutcomeCounts, TaskOutcome, TaskStatus } from './outcome';
import { countOutcomes } from './outcome';
import type { ServiceErrorLike } from './service';

/** 2: the plan record names the revert patch (written before the first write) and the tasks held back. */
export const JOURNAL_VERSION = 2;

export interface ApplyTarget {
  endpoint?: string;
  region?: string;
  profile?: string;
  /** e.g. 'emulator', 'accessKey', 'defaultChain' (never the key itself). */
  credentialSource?: string;
}

export interface PlanRecord {
  type: 'plan';
  version: number;
  at: string;
  file?: string;
  target: ApplyTarget;
  batchSize: number;
  rps: number;
  comment?: string;
  envCounts: Record<EnvType, number>;
  /** Per chunk, its tasks in order: [file index, id, env]. */
  chunks: { index: number; tasks: { index: number; id: string; envType: EnvType }[] }[];
  /** Tasks of the patch not sent (unchanged, held back), with why. */
  held?: { index: number; id: string; envType: EnvType; message: string }[];
  /** The revert patch of every task planned to be sent, on disk before the first write (null: none). */
  revert?: string | null;
}

/** Current values read for the plan, before the first write: what the revert patch puts back. */
export interface BeforeRecord {
  type: 'before';
  at: string;
  calls: number;
  /** Skipped when the user chose no revert. */
  skipped?: boolean;
  tasks: BeforeEntry[];
}

export interface SendingRecord {
  type: 'sending';
  at: string;
  chunk: number;
  /** The tasks exactly as sent. */
  tasks: TaskPatch[];
}

export interface ResultRecord {
  type: 'result';
  at: string;
  chunk: number;
  requestId?: string;
  durationMs: number;
  error?: Pick<ServiceErrorLike, 'message' | 'code' | 'kind' | 'requestId' | 'statusCode'>;
  results: Pick<TaskOutcome, 'index' | 'id' | 'envType' | 'status' | 'message' | 'requestId'>[];
}

export interface EndRecord {
  type: 'end';
  at: string;
  status: 'done' | 'cancelled' | 'stopped';
  reason?: string;
  counts: OutcomeCounts;
  revert?: string | null;
}

export type JournalRecord = PlanRecord | BeforeRecord | SendingRecord | ResultRecord | EndRecord;

/** Where records go. `append` must not resolve before the record is durable (fsync for files). */
export interface JournalSink {
  append(record: JournalRecord): Promise<void> | void;
  readonly path?: string;
}

/** Collects records in memory (the extension's preview, tests). */
export class MemoryJournal implements JournalSink {
  readonly records: JournalRecord[] = [];
  append(record: JournalRecord): void {
    this.records.push(JSON.parse(JSON.stringify(record)) as JournalRecord);
  }
}

export interface JournalSummary {
  plan?: PlanRecord;
  before?: BeforeRecord;
  /** Final status per task in file order; derived from the records, never from the end record alone. */
  tasks: { index: number; id: string; envType: EnvType; status: TaskStatus; message: string; requestId?: string; chunk: number }[];
  counts: OutcomeCounts;
  /** Chunks with a 'sending' record and no 'result' record. */
  inFlight: number[];
  finished: boolean;
  end?: EndRecord;
  /** Lines that did not parse (a line cut short by a kill is expected at the end). */
  badLines: number;
}

export function parseJournal(text: string): { records: JournalRecord[]; badLines: number } {
  const records: JournalRecord[] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      badLines++;
    }
  }
  return { records, badLines };
}

export function summarizeJournal(text: string): JournalSummary {
  const { records, badLines } = parseJournal(text);
  const plan = records.find((r): r is PlanRecord => r.type === 'plan');
  const before = records.find((r): r is BeforeRecord => r.type === 'before');
  const end = records.find((r): r is EndRecord => r.type === 'end');
  const sending = new Set<number>();
  const results = new Map<number, ResultRecord>();
  for (const r of records) {
    if (r.type === 'sending') sending.add(r.chunk);
    if (r.type === 'result') results.set(r.chunk, r);
  }
  const tasks: JournalSummary['tasks'] = [];
  for (const c of plan?.chunks ?? []) {
    const res = results.get(c.index);
    for (const t of c.tasks) {
      const r = res?.results.find((x) => x.index === t.index);
      if (r) tasks.push({ ...t, status: r.status, message: r.message, requestId: r.requestId, chunk: c.index });
      else if (sending.has(c.index)) tasks.push({ ...t, status: 'unknown', message: 'Sent, but the run ended before its answer was recorded.', chunk: c.index });
      else tasks.push({ ...t, status: 'not-sent', message: 'Not sent.', chunk: c.index });
    }
  }
  for (const h of plan?.held ?? []) tasks.push({ index: h.index, id: h.id, envType: h.envType, status: 'not-sent', message: h.message, chunk: -1 });
  tasks.sort((a, b) => a.index - b.index);
  const inFlight = [...sending].filter((c) => !results.has(c));
  return { plan, before, tasks, counts: countOutcomes(tasks), inFlight, finished: !!end, end, badLines };
}
