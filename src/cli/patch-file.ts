// Reading a patch file for the commands that check, send or compare it (validate, apply, diff,
// schedule): the one place the CLI reads one. Only a regular file is read (a FIFO would block, a link
// to /dev/zero would never end), never past the size limit, and only as strict UTF-8. The checking
// itself is the core gate (checkBeforeSend); a refusal is printed as `validate` prints findings.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Refusal } from '../core/apply/index';
import { MAX_PATCH_BYTES } from '../core/patch/limits';
import { decodeUtf8 } from '../core/patch/utf8';
import { fileSizeFinding, notUtf8Finding } from '../core/validate/file-findings';
import type { Finding } from '../core/types';
import { escapeControls } from '../core/text/safe-text';

export class PatchInputError extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

/**
 * The file's text (a BOM is the gate's to strip). Throws PatchInputError: without findings when the
 * file cannot be read at all, with the one finding when it is too large or not UTF-8.
 */
export async function readPatchText(file: string): Promise<string> {
  const cannot = (why: string): PatchInputError => new PatchInputError(`cannot read '${file}': ${why}`);
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    throw cannot(describeReadError(e));
  }
  if (!st.isFile()) throw cannot(notRegular(st));
  const tooLarge = fileSizeFinding(st.size);
  if (tooLarge) throw new PatchInputError(`${file}: ${tooLarge.message}`, [tooLarge]);
  // O_NONBLOCK: should the path have become a FIFO since stat, open returns at once instead of waiting for a writer.
  let fd;
  try {
    fd = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw cannot(describeReadError(e));
  }
  let bytes: Uint8Array;
  try {
    const now = await fd.stat();
    if (!now.isFile()) throw cannot(notRegular(now));
    // One byte more than the limit allows tells a file that grew past it since stat.
    const buf = Buffer.alloc(Math.min(now.size, MAX_PATCH_BYTES) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fd.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > MAX_PATCH_BYTES) {
      const f = fileSizeFinding(n) as Finding;
      throw new PatchInputError(`${file}: ${f.message}`, [f]);
    }
    bytes = buf.subarray(0, n);
  } catch (e) {
    if (e instanceof PatchInputError) throw e;
    throw cannot(describeReadError(e));
  } finally {
    await fd.close();
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw new PatchInputError(`${file}: not valid UTF-8; nothing was sent.`, [notUtf8Finding(decoded.problem)]);
}

function notRegular(st: Stats): string {
  const what = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket'
    : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : 'not a regular file';
  return `it is ${what}; a patch must be a regular file`;
}

export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return err instanceof Error ? err.message : String(err);
}

/** A gate refusal as the error every command maps to exit 2, with every finding validate would print. */
export function refusalError(v: Refusal): PatchInputError {
  return new PatchInputError(v.message, v.findings);
}

/** `file:line:col: severity [code] message`, 1-based like compilers, so terminals and problem matchers link it. */
export function formatFinding(file: string, f: Finding): string {
  // One finding, one line: a key or value the message quotes cannot break it or reach the terminal raw.
  return `${escapeControls(file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.code}] ${escapeControls(f.message)}`;
}
