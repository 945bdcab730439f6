// Keeps the state in a file. Every write goes to a temp file in the same directory, is fsynced and
// renamed over the state file (then the directory is fsynced), so a kill at any moment leaves either
// the old or the new state, never a torn one. Writes are coalesced: a request that changed the state
// waits for the first write that started after its change, so a burst of changes costs few writes.
import { promises as fs, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { STATE_VERSION, type EmulatorState } from './state';

export class StateStore {
  private changedGen = 0;
  private writtenGen = 0;
  private writing: Promise<void> | undefined;
  private tmpCounter = 0;

  private constructor(readonly path: string | undefined, readonly state: EmulatorState) {}

  /** Loads the state file, or seeds a new state (and writes it) when the file does not exist. */
  static async open(path: string | undefined, seed: () => EmulatorState): Promise<StateStore> {
    if (path === undefined) return new StateStore(undefined, seed());
    removeStaleTempFiles(path);
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text === undefined) {
      const store = new StateStore(path, seed());
      store.changed();
      await store.flush();
      return store;
    }
    return new StateStore(path, parseState(path, text));
  }

  /** Marks the state as changed; returns the generation a later flush must cover. */
  changed(): number {
    return ++this.changedGen;
  }

  /** Resolves once the state as of the latest change is on disk (no-op in memory). */
  async flush(gen = this.changedGen): Promise<void> {
    if (this.path === undefined) {
      this.writtenGen = this.changedGen;
      return;
    }
    while (this.writtenGen < gen) {
      if (!this.writing) {
        const target = this.changedGen;
        this.writing = this.write(target).then(
          () => { this.writtenGen = Math.max(this.writtenGen, target); },
        ).finally(() => { this.writing = undefined; });
      }
      await this.writing;
    }
  }

  private async write(gen: number): Promise<void> {
    const path = this.path!;
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++this.tmpCounter}.${gen}.tmp`);
    const text = JSON.stringify(this.state);
    const fh = await fs.open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await fs.rename(tmp, path);
    } catch (err) {
      await fs.unlink(tmp).catch(() => undefined);
      throw err;
    }
    const dir = await fs.open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

/** Temp files of writes that a killed emulator never finished: safe to delete, the state file is intact. */
function removeStaleTempFiles(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      try { unlinkSync(join(dirname(path), name)); } catch { /* another process may own it */ }
    }
  }
}

function parseState(path: string, text: string): EmulatorState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not a readable emulator state file (${(err as Error).message})`);
  }
  const s = value as Partial<EmulatorState> | null;
  if (!s || typeof s !== 'object' || s.version !== STATE_VERSION || !s.tasks || !s.projects) {
    throw new Error(`${path}: not an emulator state file of version ${STATE_VERSION}; delete it or pass another --state`);
  }
  return s as EmulatorState;
}
