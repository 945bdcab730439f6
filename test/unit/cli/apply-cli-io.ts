// Runs a CLI command in-process with its own stdin/stdout/stderr/env (shared by the CLI command tests).
import { PassThrough, Readable } from 'node:stream';
import type { LazyCommand } from '@src/cli/commands/index';
import { type CliCommand, safeIO } from '@src/cli/io';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCommand(cmd: CliCommand | LazyCommand, args: string[], env: NodeJS.ProcessEnv, stdinText = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => { stdout += d.toString(); });
  err.on('data', (d: Buffer) => { stderr += d.toString(); });
  const io = { stdin: Readable.from(stdinText ? [stdinText] : []), stdout: out, stderr: err, env };
  // A command from the table gets the process's streams and makes them safe itself; a command's own object, made safe here.
  const code = 'load' in cmd ? await cmd.run(args, io) : await cmd.run(args, safeIO(io));
  return { code, stdout, stderr };
}
