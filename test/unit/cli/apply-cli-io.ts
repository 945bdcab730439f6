// Runs a CLI command in-process with its own stdin/stdout/stderr/env (shared by the CLI command tests).
import { PassThrough, Readable } from 'node:stream';
import type { CliCommand } from '../../../src/cli/io';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCommand(cmd: CliCommand, args: string[], env: NodeJS.ProcessEnv, stdinText = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => { stdout += d.toString(); });
  err.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await cmd.run(args, { stdin: Readable.from(stdinText ? [stdinText] : []), stdout: out, stderr: err, env });
  return { code, stdout, stderr };
}
