// The built CLI as a child process against a test emulator: its credentials in the environment, its
// output collected, its exit awaited (asynchronously: the emulator answers from the test's process).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import { dirname } from 'node:path';
import type { Fixture } from '../../unit/core/apply/support/emulator-fixture';

export function spawnCli(cli: string, fx: Fixture, args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => ({ stdout, stderr }) };
}

/** Resolves once a journal holds `n` result records, checked on every change in its folder (inotify); rejects if the CLI exits first. */
export function journalResults(journal: string, n: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(journal));
    const done = (): void => { watcher.close(); child.off('exit', onExit); };
    const check = (): void => {
      if (existsSync(journal) && (readFileSync(journal, 'utf8').match(/"type":"result"/g)?.length ?? 0) >= n) { done(); resolve(); }
    };
    const onExit = (code: number | null): void => { done(); reject(new Error(`the CLI exited (${code}) before ${n} results in ${journal}`)); };
    watcher.on('change', check);
    child.once('exit', onExit);
    check();
  });
}

/** Runs the built CLI to its end without blocking this process (an emulator here answers it): exit code and output. */
export function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
