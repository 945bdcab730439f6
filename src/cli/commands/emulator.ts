// `dwtasks emulator`: runs the local DataWorks OpenAPI emulator until SIGINT/SIGTERM.
import { EMULATOR_DEFAULT_PORT } from '../../core/emulator-defaults';
import { DEFAULT_MAX_TASKS_PER_CALL, DEFAULT_SEED, DEFAULT_SLOW_MS, DEFAULT_TASK_COUNT, startEmulator, validateFaults, type FaultOptions } from '../../emulator/index';
import type { CliCommand, CliIO } from '../io';

const HELP = `Usage: dwtasks emulator [options]

Runs a local DataWorks OpenAPI (2024-05-18) on 127.0.0.1 for trying and testing without a cloud account.

Options:
  --port N                  port to listen on (default ${EMULATOR_DEFAULT_PORT}; 0 picks a free one)
  --state FILE              keep the state in FILE (created with seed data when missing); default: in memory
  --tasks N                 tasks to seed when the state is new (default ${DEFAULT_TASK_COUNT})
  --seed N                  random seed of the seed data (default ${DEFAULT_SEED})
  --json                    print {"endpoint","accessKeyId","accessKeySecret"} as the first stdout line
Faults:
  --latency MS              add MS to every answer
  --qps N                   at most N requests per second, beyond it 429 Throttling.User with x-acs-retry-after
  --read-qps N              at most N reads (List*, GetTask) per second, counted apart from writes
  --write-qps N             at most N writes (BatchUpdateTasks) per second (Enterprise: 50 reads, 20 writes)
  --daily-quota N           at most N requests per UTC day, then 429 Throttling.Resource
  --max-tasks-per-call N    BatchUpdateTasks takes at most N tasks (default ${DEFAULT_MAX_TASKS_PER_CALL}), beyond it 400 InvalidParameter
  --error-rate P            share of requests answered 500 InternalError.System (nothing applied)
  --throttle-rate P         share answered 429 Throttling.Api (nothing applied)
  --drop-rate P             share whose connection is closed without an answer (nothing applied)
  --drop-after-apply-rate P share applied and saved, then closed without an answer (outcome unknown to the caller)
  --slow-rate P             share held for --slow-ms before running; not run if the caller gives up first
  --slow-ms MS              delay of slow requests (default ${DEFAULT_SLOW_MS})
  --fault-seed N            seed of the fault draws (default 1)
  --stall-writes-after N    BatchUpdateTasks calls after the first N are held until the caller gives up, never run
Requests are logged to stderr, one line each: action, HTTP status, code, time.
`;

type Spec = { key: keyof FaultOptions | 'port' | 'tasks' | 'seed'; kind: 'int' | 'number' | 'rate' };
const VALUED: Record<string, Spec> = {
  '--port': { key: 'port', kind: 'int' },
  '--tasks': { key: 'tasks', kind: 'int' },
  '--seed': { key: 'seed', kind: 'int' },
  '--latency': { key: 'latencyMs', kind: 'number' },
  '--qps': { key: 'qps', kind: 'number' },
  '--read-qps': { key: 'readQps', kind: 'number' },
  '--write-qps': { key: 'writeQps', kind: 'number' },
  '--daily-quota': { key: 'dailyQuota', kind: 'int' },
  '--max-tasks-per-call': { key: 'maxTasksPerCall', kind: 'int' },
  '--error-rate': { key: 'errorRate', kind: 'rate' },
  '--throttle-rate': { key: 'throttleRate', kind: 'rate' },
  '--drop-rate': { key: 'dropRate', kind: 'rate' },
  '--drop-after-apply-rate': { key: 'dropAfterApplyRate', kind: 'rate' },
  '--slow-rate': { key: 'slowRate', kind: 'rate' },
  '--slow-ms': { key: 'slowMs', kind: 'number' },
  '--fault-seed': { key: 'seed', kind: 'int' },
  '--stall-writes-after': { key: 'stallWritesAfter', kind: 'int' },
};

interface Parsed { port: number; state?: string; tasks?: number; seed?: number; json: boolean; help: boolean; faults: FaultOptions }

export function parseEmulatorArgs(args: string[]): Parsed {
  const out: Parsed = { port: EMULATOR_DEFAULT_PORT, json: false, help: false, faults: {} };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (flag === '--json') { out.json = true; continue; }
    if (flag === '--help' || flag === '-h') { out.help = true; continue; }
    if (flag !== '--state' && !VALUED[flag]) throw new Error(`unknown option '${args[i]}'`);
    const value = inline ?? args[++i];
    if (flag === '--state') {
      if (!value) throw new Error('--state needs a file path');
      out.state = value;
      continue;
    }
    const spec = VALUED[flag];
    if (value === undefined || value.trim() === '' || !Number.isFinite(Number(value))) throw new Error(`${flag} needs a number, got ${value === undefined ? 'nothing' : `'${value}'`}`);
    const n = Number(value);
    if (spec.kind === 'int' && (!Number.isInteger(n) || n < 0)) throw new Error(`${flag} needs a non-negative integer, got '${value}'`);
    if (spec.kind === 'rate' && (n < 0 || n > 1)) throw new Error(`${flag} needs a share from 0 to 1, got '${value}'`);
    if (spec.kind === 'number' && n < 0) throw new Error(`${flag} needs a non-negative number, got '${value}'`);
    if (flag === '--port') { if (n > 65535) throw new Error(`--port must be at most 65535, got ${n}`); out.port = n; }
    else if (flag === '--tasks') out.tasks = n;
    else if (flag === '--seed') out.seed = n;
    else (out.faults as Record<string, number>)[spec.key] = n;
  }
  validateFaults(out.faults);
  return out;
}

export const emulatorCommand: CliCommand = {
  summary: 'Run a local DataWorks OpenAPI emulator (seed data, V3 signatures, fault injection)',
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed: Parsed;
    try {
      parsed = parseEmulatorArgs(args);
    } catch (err) {
      io.stderr.write(`dwtasks emulator: ${(err as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (parsed.help) {
      io.stdout.write(HELP);
      return 0;
    }
    let emu;
    try {
      emu = await startEmulator({
        port: parsed.port, statePath: parsed.state, tasks: parsed.tasks, seed: parsed.seed, faults: parsed.faults,
        log: (line) => io.stderr.write(`${line}\n`),
      });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'EADDRINUSE' ? `port ${parsed.port} is in use; pass --port 0 for a free one or another --port` : e.message;
      io.stderr.write(`dwtasks emulator: ${why}\n`);
      return 2;
    }
    // Listen before printing: a script may signal us as soon as it has read the first line.
    const stopped = new Promise<void>((resolve) => {
      // SIGHUP too (the terminal closed): the state file is written on the way out.
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const stop = (): void => {
        for (const s of signals) process.off(s, stop);
        resolve();
      };
      for (const s of signals) process.on(s, stop);
    });
    if (parsed.json) {
      io.stdout.write(`${JSON.stringify({ endpoint: emu.endpoint, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret })}\n`);
    } else {
      const s = emu.snapshot();
      io.stdout.write([
        `DataWorks emulator listening on ${emu.endpoint}`,
        `AccessKey id:     ${emu.accessKeyId}`,
        `AccessKey secret: ${emu.accessKeySecret}  (a local key, not a cloud secret)`,
        `State:            ${parsed.state ?? 'in memory'} (${Object.keys(s.tasks.Dev).length} Dev / ${Object.keys(s.tasks.Prod).length} Prod tasks in ${s.projects.length} workspaces)`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'));
    }
    await stopped;
    await emu.close();
    io.stderr.write('dwtasks emulator: stopped\n');
    return 0;
  },
};
