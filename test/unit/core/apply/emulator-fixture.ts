// Shared by the apply tests: a real emulator over HTTP and the real client with its real retry policy.
import { startEmulator, type RunningEmulator, type FaultOptions, type TaskRecord } from '../../../../src/emulator/index';
import { DataWorksClient } from '../../../../src/dataworks/client';
import type { RetryPolicy } from '../../../../src/dataworks/retry';
import type { EnvType } from '../../../../src/core/patch/model';

export interface Fixture {
  emu: RunningEmulator;
  client: DataWorksClient;
  projectIds: string[];
}

export async function startFixture(opts: { tasks?: number; faults?: FaultOptions; retry?: Partial<RetryPolicy>; readTimeoutMs?: number } = {}): Promise<Fixture> {
  const emu = await startEmulator({ tasks: opts.tasks ?? 400, seed: 7, ...(opts.faults ? { faults: opts.faults } : {}) });
  const client = new DataWorksClient({
    endpoint: emu.endpoint,
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...opts.retry },
    ...(opts.readTimeoutMs ? { timeoutMs: { read: opts.readTimeoutMs } } : {}),
  });
  return { emu, client, projectIds: emu.snapshot().projects.map((p) => p.Id) };
}

/** Tasks of one environment in a stable order (by id digits). */
export function tasksOf(emu: RunningEmulator, env: EnvType): TaskRecord[] {
  return Object.values(emu.snapshot().tasks[env]).sort((a, b) => (BigInt(a.Id) < BigInt(b.Id) ? -1 : 1));
}
