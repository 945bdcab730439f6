// Shared by the apply tests: a real emulator over HTTP and the real client with its real retry policy.
import { startEmulator, type RunningEmulator, type FaultOptions, type TaskRecord } from '@src/emulator/index';
import { DataWorksClient } from '@src/dataworks/client';
import type { RetryPolicy } from '@src/dataworks/retry';
import type { EnvType } from '@src/core/patch/model';

export interface Fixture {
  emu: RunningEmulator;
  client: DataWorksClient;
  projectIds: string[];
  /** The emulator's own request log, one line per request answered ("BatchUpdateTasks 200 OK 3ms"). */
  requests: string[];
  /** The `Tasks` parameter of every BatchUpdateTasks call, as the emulator received the text. */
  sentTasks: string[];
}

/** Request lines of one action so far (e.g. 'BatchUpdateTasks'): what reached the emulator. */
export function requestsOf(fx: Fixture, action: string): string[] {
  return fx.requests.filter((l) => l.startsWith(`${action} `));
}

export async function startFixture(opts: { tasks?: number; faults?: FaultOptions; retry?: Partial<RetryPolicy>; readTimeoutMs?: number } = {}): Promise<Fixture> {
  const requests: string[] = [];
  const sentTasks: string[] = [];
  const emu = await startEmulator({
    tasks: opts.tasks ?? 400, seed: 7, log: (line) => requests.push(line), ...(opts.faults ? { faults: opts.faults } : {}),
    onParams: (action, params) => { if (action === 'BatchUpdateTasks') sentTasks.push(params.get('Tasks') ?? ''); },
  });
  const client = new DataWorksClient({
    endpoint: emu.endpoint,
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...opts.retry },
    ...(opts.readTimeoutMs ? { timeoutMs: { read: opts.readTimeoutMs } } : {}),
  });
  return { emu, client, projectIds: emu.snapshot().projects.map((p) => p.Id), requests, sentTasks };
}

/** Tasks of one environment in a stable order (by id digits). */
export function tasksOf(emu: RunningEmulator, env: EnvType): TaskRecord[] {
  return Object.values(emu.snapshot().tasks[env]).sort((a, b) => (BigInt(a.Id) < BigInt(b.Id) ? -1 : 1));
}
