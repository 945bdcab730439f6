// One mapping from what a command throws to the CLI's exit codes, so every command agrees:
// 2 = usage or invalid input (with the findings, each naming file, task and field),
// 3 = the service could not be reached or refused (auth, network, quota, throttled, server, timeout).
import { UsageError } from './args';
import type { CliIO } from './io';
import { escapeControls } from '../core/text/safe-text';
import { WriteRefusedError } from '../files/write-report';
import { DwtasksFolderError } from '../files/dwtasks-folder';
import { formatFinding, PatchInputError } from './patch-file';

/** Kinds of service error that mean the input was wrong rather than the service unavailable. */
const INPUT_KINDS = new Set(['parameter', 'notFound']);

export async function runWithExitCodes(name: string, help: string, args: string[], io: CliIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`dwtasks ${name}: ${e.message}\n\n${help}`);
      return 2;
    }
    if (e instanceof PatchInputError) {
      const file = args.find((a) => !a.startsWith('-')) ?? 'FILE';
      for (const f of e.findings) io.stderr.write(`${formatFinding(file, f)}\n`);
      io.stderr.write(`dwtasks ${name}: ${escapeControls(e.message)}\n`);
      return 2;
    }
    if (e instanceof WriteRefusedError || e instanceof DwtasksFolderError) {
      io.stderr.write(`dwtasks ${name}: ${escapeControls(e.message)}\n`);
      return 2;
    }
    const kind = (e as { kind?: unknown }).kind;
    if (typeof kind === 'string') {
      io.stderr.write(`dwtasks ${name}: ${escapeControls((e as Error).message)}\n`);
      return INPUT_KINDS.has(kind) ? 2 : 3;
    }
    throw e;
  }
}
