// Keeps the state in a file without ever leaving a torn one, and fast enough for thousands of tasks.
//
// Rewriting the whole state for every change is too slow at the sizes we serve (10,000 tasks are
// ~18 MB of JSON; one stringify + write + fsync takes 1-2.5 s on the CI machine), so changes go to a
// write-ahead log next to the state file (`<file>.wal`, one JSON line per change, fsynced before the
// answer is sent; concurrent changes share one fsync). The state file itself is only ever replaced
// atomically (temp file in the same directory + fsync + rename + directory fsync), by a compaction
// that runs when the service is idle, when the log outgrows the state, at start and at close; a clean
// close leaves the state file alone, complete and current, with no log or temp files.
//
// Load = state file + replay of the log entries newer than the state's `walSeq`. A kill during an
// append leaves at most a torn last line, which was never acknowledged and is ignored.
import { closeSync, fsyncSync, openSync, promises as fs, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrateState, migrateTask } from './migrate';
import { STATE_VERSION, type EmulatorState, type QuotaCounter, type TaskRecord } from './state';
import type { EnvType } from '../core/patch/model';

export interface TaskChange { env: EnvType; task: TaskRecord }

interface WalEntry { seq: number; tasks: TaskChange[]; quota: QuotaCounter }

const IDLE_COMPACT_MS = 300;
const MIN_COMPACT_WAL_BYTES = 1 << 20;

export class StateStore {
  private seq = 0;
  private pending: { line: string; done: () => void; fail: (e: unknown) => void }[] = [];
  private io: Promise<void> = Promise.resolve();
  private walHandle: fs.FileHandle | undefined;
  private walBytes = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private tmpCounter = 0;
  private closed = false;

  private constructor(readonly path: string | undefined, readonly state: EmulatorState) {}

  /** Loads the state (file + log), or seeds a new one when the file does not exist, and compacts. */
  static async open(path: string | undefined, seed: () => EmulatorState): Promise<StateStore> {
    if (path === undefined) return new StateStore(undefined, seed());
    removeFiles(path, (name) => name.startsWith(`.${basename(path)}.`) && name.endsWith('.tmp'));
    const loaded = loadFromDisk(path);
    const store = new StateStore(path, loaded?.state ?? seed());
    store.seq = loaded?.seq ?? 0;
    if (!loaded) removeFiles(path, (name) => isWalName(path, name));
    await store.compact();
    return store;
  }

  /** Records changed tasks; resolves once they are durable (at once when in memory). */
  commit(tasks: TaskChange[]): Promise<void> {
    if (this.path === undefined) return Promise.resolve();
    const entry: WalEntry = { seq: ++this.seq, tasks, quota: { ...this.state.quota } };
    const line = `${JSON.stringify(entry)}\n`;
    return new Promise<void>((done, fail) => {
      this.pending.push({ line, done, fail });
      if (this.pending.length === 1) this.io = this.io.then(() => this.writePending());
    });
  }

  /** Writes the state file one last time (so it is current and alone) and stops. */
  async close(): Promise<void> {
    if (this.closed || this.path === undefined) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    await this.io;
    await this.compacting;
    await this.compact();
    await this.io;
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.walHandle ??= await fs.open(walPath(this.path!), 'a', 0o600);
      const text = batch.map((b) => b.line).join('');
      await this.walHandle.write(text);
      await this.walHandle.datasync();
      this.walBytes += Buffer.byteLength(text);
      for (const b of batch) b.done();
    } catch (err) {
      for (const b of batch) b.fail(err);
      return;
    }
    this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    if (this.closed) return;
    if (this.walBytes > Math.max(this.snapshotBytes, MIN_COMPACT_WAL_BYTES)) {
      void this.compact().catch(() => undefined);
      return;
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => { void this.compact().catch(() => undefined); }, IDLE_COMPACT_MS);
    this.idleTimer.unref();
  }

  /** Replaces the state file with the current state; then drops the log it covers. */
  private compact(): Promise<void> {
    this.compacting ??= (async () => {
      const path = this.path!;
      let upTo = 0;
      let text = '';
      // In the log's queue, so every entry already written to the old log is in the snapshot: the
      // old log becomes `<file>.wal.<upTo>`, newer entries go to a fresh log.
      await (this.io = this.io.then(async () => {
        upTo = this.seq;
        text = JSON.stringify({ ...this.state, walSeq: upTo });
        if (this.walHandle) {
          await this.walHandle.close();
          this.walHandle = undefined;
        }
        this.walBytes = 0;
        await fs.rename(walPath(path), `${walPath(path)}.${upTo}`).catch(ignoreMissing);
      }));
      await this.writeAtomically(text);
      this.snapshotBytes = text.length;
      for (const name of await fs.readdir(dirname(path))) {
        const n = rotatedSeq(path, name);
        if (n !== undefined && n <= upTo) await fs.unlink(join(dirname(path), name)).catch(ignoreMissing);
      }
    })().finally(() => { this.compacting = undefined; });
    return this.compacting;
  }

  private async writeAtomically(text: string): Promise<void> {
    const path = this.path!;
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++this.tmpCounter}.tmp`);
    try {
      const fh = await fs.open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, path);
    } catch (err) {
      await fs.unlink(tmp).catch(() => undefined);
      throw err;
    }
    const dir = openSync(dirname(path), 'r');
    try { fsyncSync(dir); } finally { closeSync(dir); }
  }
}

/**
 * Reads a state file as the emulator would load it (state file + its write-ahead log), without
 * changing anything. For tests and tools that inspect the state of an emulator that is running or was killed.
 */
export function readStateFile(path: string): EmulatorState {
  const loaded = loadFromDisk(path);
  if (!loaded) throw new Error(`${path}: no such emulator state file`);
  return loaded.state;
}

function loadFromDisk(path: string): { state: EmulatorState; seq: number } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const state = parseState(path, text);
  let seq = (state as EmulatorState & { walSeq?: number }).walSeq ?? 0;
  delete (state as EmulatorState & { walSeq?: number }).walSeq;
  const logs = readdirSync(dirname(path)).filter((n) => isWalName(path, n))
    .sort((a, b) => (rotatedSeq(path, a) ?? Infinity) - (rotatedSeq(path, b) ?? Infinity));
  for (const name of logs) {
    for (const line of readFileSync(join(dirname(path), name), 'utf8').split('\n')) {
      let entry: WalEntry;
      try {
        entry = JSON.parse(line) as WalEntry;
      } catch {
        break; // the torn tail of an append a kill interrupted: never acknowledged
      }
      if (entry.seq <= seq) continue;
      for (const { env, task } of entry.tasks) state.tasks[env][task.Id] = migrateTask(task);
      state.quota = entry.quota;
      seq = entry.seq;
    }
  }
  return { state, seq };
}

const walPath = (path: string): string => `${path}.wal`;
const isWalName = (path: string, name: string): boolean => name === basename(walPath(path)) || rotatedSeq(path, name) !== undefined;

function rotatedSeq(path: string, name: string): number | undefined {
  const prefix = `${basename(walPath(path))}.`;
  return name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)) ? Number(name.slice(prefix.length)) : undefined;
}

function removeFiles(path: string, match: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (match(name)) {
      try { unlinkSync(join(dirname(path), name)); } catch { /* gone already */ }
    }
  }
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}

function parseState(path: string, text: string): EmulatorState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not a readable emulator state file (${(err as Error).message})`);
  }
  let s = value as (Omit<Partial<EmulatorState>, 'version'> & { version?: unknown }) | null;
  if (s && typeof s === 'object' && s.version !== STATE_VERSION) s = migrateState(s) ?? s;
  if (!s || typeof s !== 'object' || s.version !== STATE_VERSION || !s.tasks || !s.projects) {
    throw new Error(`${path}: not an emulator state file of version ${STATE_VERSION}; delete it or pass another --state`);
  }
  return s as EmulatorState;
}

