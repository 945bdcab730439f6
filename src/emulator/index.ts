// A local stand-in for the DataWorks OpenAPI 2024-05-18 (seven actions, ListTaskInstances among them), faithful enough that the
// unchanged client works against it: V3 signatures checked with our own code, state in a file,
// deterministic seed data and fault injection. Depends only on src/core.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../core/emulator-defaults';
import { FaultInjector, type FaultOptions } from './faults';
import { DEFAULT_SEED, DEFAULT_TASK_COUNT, seedState } from './seed';
import { createHandler } from './server';
import type { EmulatorState } from './state';
import { StateStore } from './store';

export type { FaultOptions } from './faults';
export type { EmulatorState, TaskRecord, ProjectRecord, ResourceGroupRecord, DataSourceRecord, TriggerRecord, QuotaCounter } from './state';
export { seedState, DEFAULT_TASK_COUNT, DEFAULT_SEED, FIRST_BIG_TASK_ID } from './seed';
export { DEFAULT_MAX_TASKS_PER_CALL, DEFAULT_SLOW_MS, validateFaults } from './faults';
export { API_VERSION } from './routes';
export { readStateFile } from './store';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** State file; undefined keeps the state in memory only. */
  statePath?: string;
  /** Tasks to seed when the state is new. Default 3000. */
  tasks?: number;
  /** Seed of the seed data. Default 1. */
  seed?: number;
  accessKeyId?: string;
  accessKeySecret?: string;
  faults?: FaultOptions;
  /** One line per request: action, HTTP status, code, time. */
  log?: (line: string) => void;
  /**
   * The clock the rate limits (qps, daily quota) count by; default the real one. A test can hold it
   * still, so a burst falls in one window however slowly a loaded machine delivers it.
   */
  gatewayClock?: () => number;
  /** Each signed request's parameters exactly as received (e.g. BatchUpdateTasks' `Tasks` JSON text). */
  onParams?: (action: string, params: ReadonlyMap<string, string>) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  port: number;
  close(): Promise<void>;
  /** A deep copy of the current state (for tests). */
  snapshot(): EmulatorState;
  /** Replaces the fault options (unset ones turn off); restarts the fault PRNG and the rate windows. */
  setFaults(f: FaultOptions): void;
  /**
   * Resolves once no request is being handled (at once when none is). Tests await it instead of
   * sleeping: after a caller gave up or died, what it had sent has then run to its end (or been
   * dropped) and the state is final. Idle keep-alive connections do not count.
   */
  idle(): Promise<void>;
  /** Resolves once the emulator has received `count` requests since it started (before it runs them). */
  received(count: number): Promise<void>;
  /** Requests received since it started. */
  readonly receivedCount: number;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const taskCount = options.tasks ?? DEFAULT_TASK_COUNT;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(taskCount) || taskCount < 0) throw new Error(`tasks must be a non-negative integer, got ${taskCount}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
  const faults = new FaultInjector(options.faults ?? {});
  const store = await StateStore.open(options.statePath, () => seedState(taskCount, seed));
  const accessKeyId = options.accessKeyId ?? EMULATOR_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? EMULATOR_ACCESS_KEY_SECRET;
  const shutdown = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const handler = createHandler({
    store, faults, accessKeyId, accessKeySecret, log: options.log ?? (() => undefined), onParams: options.onParams, shutdown: shutdown.signal,
    gatewayNow: options.gatewayClock ?? Date.now,
  });
  let idleWaiters: (() => void)[] = [];
  let receivedCount = 0;
  let receivedWaiters: { count: number; resolve: () => void }[] = [];
  const checkIdle = (): void => {
    if (inFlight.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };
  const server = createServer((req, res) => {
    receivedCount++;
    const due = receivedWaiters.filter((w) => w.count <= receivedCount);
    receivedWaiters = receivedWaiters.filter((w) => w.count > receivedCount);
    for (const w of due) w.resolve();
    const p = handler(req, res).finally(() => {
      inFlight.delete(p);
      checkIdle();
    });
    inFlight.add(p);
  });
  // Idle keep-alive connections outlive the client agent's own idle timeout (Node's is 5 s), so the
  // client, not the server, closes them: no request is ever sent on a socket the server is closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId,
    accessKeySecret,
    port,
    snapshot: () => structuredClone(store.state),
    setFaults: (f) => faults.set(f),
    idle: () => new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      checkIdle();
    }),
    received: (count) => new Promise<void>((resolve) => {
      if (receivedCount >= count) resolve();
      else receivedWaiters.push({ count, resolve });
    }),
    get receivedCount() { return receivedCount; },
    close() {
      closing ??= (async () => {
        shutdown.abort();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.allSettled([...inFlight]);
        await stopped;
        // Leaves the state file complete and current (quota counter included), with no log beside it.
        await store.close();
      })();
      return closing;
    },
  };
}
