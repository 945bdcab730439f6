// Starts our own CLI's emulator in the background and reads the first JSON line it prints
// ({"endpoint","accessKeyId","accessKeySecret"}). The process lives as long as the extension.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface EmulatorInfo {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface RunningEmulator {
  info: EmulatorInfo;
  pid: number | undefined;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): void;
}

const START_TIMEOUT_MS = 30_000;

export function startEmulatorProcess(extensionPath: string, stateFile: string): Promise<RunningEmulator> {
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  // In Electron hosts process.execPath is the app itself; ELECTRON_RUN_AS_NODE makes it plain Node.
  const child = spawn(process.execPath, [cli, 'emulator', '--json', '--state', stateFile, '--port', '0'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<RunningEmulator>((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`Emulator (${cli}) did not start: ${why}${err ? `\n${err.trim().slice(-2000)}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no JSON line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      err = (err + d).slice(-8000);
    });
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.stdout?.setEncoding('utf8');
    const onData = (d: string): void => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      child.stdout?.off('data', onData);
      // Keep draining stdout so the child never blocks on a full pipe.
      child.stdout?.resume();
      child.removeAllListeners('exit');
      let info: EmulatorInfo;
      try {
        info = parseInfo(out.slice(0, nl));
      } catch (e) {
        fail((e as Error).message);
        return;
      }
      clearTimeout(timer);
      resolve({ info, pid: child.pid, exited, stop: () => stop(child) });
    };
    child.stdout?.on('data', onData);
  });
}

function parseInfo(line: string): EmulatorInfo {
  const v = JSON.parse(line) as Partial<EmulatorInfo>;
  if (typeof v.endpoint !== 'string' || typeof v.accessKeyId !== 'string' || typeof v.accessKeySecret !== 'string') {
    throw new Error('first line lacks endpoint, accessKeyId or accessKeySecret');
  }
  return { endpoint: v.endpoint, accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret };
}

function stop(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
