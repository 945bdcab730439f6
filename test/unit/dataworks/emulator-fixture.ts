// Test helper: an emulator on a free loopback port and clients signed with its keys (real HTTP,
// real V3 signatures; nothing mocked).
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@src/emulator';
import { DataWorksClient, type ClientOptions, type RequestLog } from '@src/dataworks/client';

export type { RunningEmulator };

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ tasks: 800, seed: 7, ...options });
}

export interface LoggedClient {
  client: DataWorksClient;
  logs: RequestLog[];
  /** Resolves once `n` attempts are logged (the client logs an attempt before it waits to retry). */
  logged(n: number): Promise<RequestLog[]>;
}

/** A client for `emu` that records every attempt; fast retries unless `options.retry` says otherwise. */
export function clientFor(emu: RunningEmulator, options: Partial<ClientOptions> = {}): LoggedClient {
  const logs: RequestLog[] = [];
  const waiters: { n: number; resolve: (l: RequestLog[]) => void }[] = [];
  const client = new DataWorksClient({
    endpoint: emu.endpoint,
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    onRequest: (l) => {
      logs.push(l);
      for (const w of waiters.filter((x) => logs.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(logs);
      }
    },
    ...options,
  });
  const logged = (n: number): Promise<RequestLog[]> =>
    logs.length >= n ? Promise.resolve(logs) : new Promise((resolve) => waiters.push({ n, resolve }));
  return { client, logs, logged };
}
