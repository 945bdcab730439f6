// `npm start` stops code-server and the emulator on SIGINT (Ctrl+C), SIGTERM (a kill) and SIGHUP (the
// terminal window closed) alike. Both run in their own process groups, so a signal to start.mjs alone
// reaches neither: each test sends one signal to start.mjs only, then checks by pid that no process of
// either group is left. A process counts as gone when it is a zombie (it runs nothing) or when a SIGKILL
// is already pending on it (kill(2) returned; the kernel tears it down without running it again).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './built-cli';

let home = '';
before(() => { home = mkdtempSync(join(tmpdir(), 'dwtasks-start-signals-')); });
after(() => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

interface Stat { pid: number; state: string; pgrp: number }

/** Every process on the machine: pid, state and process group, from /proc/<pid>/stat. */
function processes(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone while we listed
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({ pid: Number(name), state: rest[0]!, pgrp: Number(rest[2]) });
  }
  return out;
}

/** Whether SIGKILL (signal 9, bit 8 of the masks) is pending on the process or its thread group; gone counts too. */
function killPending(pid: number): boolean {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return true; // gone already
  }
  return [...status.matchAll(/^(?:SigPnd|ShdPnd):\s*([0-9a-f]+)$/gm)].some((m) => (BigInt(`0x${m[1]}`) & 0x100n) !== 0n);
}

/** Processes that still run (not zombies, no SIGKILL pending) whose pid or process group is one of `pids`. */
function running(pids: number[]): Stat[] {
  return processes().filter((p) => p.state !== 'Z' && (pids.includes(p.pid) || pids.includes(p.pgrp)) && !killPending(p.pid));
}

async function startThenSignal(signal: NodeJS.Signals): Promise<void> {
  const start = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', '--home', home], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  start.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)));
  const pids = await new Promise<{ emulator: number; codeServer: number }>((resolve, reject) => {
    start.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      const emulator = /\[start\] emulator: \S+ \(pid (\d+)/.exec(output);
      const codeServer = /\[start\] code-server pid (\d+)/.exec(output);
      if (emulator && codeServer) resolve({ emulator: Number(emulator[1]), codeServer: Number(codeServer[1]) });
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code} before it was up:\n${output}`)));
  });
  const groups = [pids.emulator, pids.codeServer];
  assert.ok(running([pids.emulator]).length > 0 && running([pids.codeServer]).length > 0, 'both run before the signal');
  const all = processes();
  for (const pid of groups) assert.equal(all.find((p) => p.pid === pid)?.pgrp, pid, 'each leads a process group of its own');
  start.kill(signal);
  assert.equal(await exited, 0, output);
  // start.mjs waited for the emulator to exit and SIGKILLed what was left of code-server's group.
  assert.deepEqual(running(groups), [], `left running after ${signal}`);
  assert.match(output, /\[start\] stopping/);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} to npm start stops code-server and the emulator, every process of their groups`, () => startThenSignal(signal));
}
