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
import { translate, type Locale, type Messages } from '../core/text/l10n';

export class PatchInputError extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

/**
 * The file's text (a BOM is the gate's to strip). Throws PatchInputError: without findings when the
 * file cannot be read at all, with the one finding when it is too large or not UTF-8.
 */
export async function readPatchText(file: string, locale: Locale = 'en'): Promise<string> {
  const cannot = (why: string): PatchInputError => new PatchInputError(translate(locale, "cannot read '{0}': {1}", [file, why]));
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    throw cannot(describeReadError(e, locale));
  }
  if (!st.isFile()) throw cannot(notRegular(st, locale));
  const tooLarge = fileSizeFinding(st.size, locale);
  if (tooLarge) throw new PatchInputError(`${file}: ${tooLarge.message}`, [tooLarge]);
  // O_NONBLOCK: should the path have become a FIFO since stat, open returns at once instead of waiting for a writer.
  let fd;
  try {
    fd = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw cannot(describeReadError(e, locale));
  }
  let bytes: Uint8Array;
  try {
    const now = await fd.stat();
    if (!now.isFile()) throw cannot(notRegular(now, locale));
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
      const f = fileSizeFinding(n, locale) as Finding;
      throw new PatchInputError(`${file}: ${f.message}`, [f]);
    }
    bytes = buf.subarray(0, n);
  } catch (e) {
    if (e instanceof PatchInputError) throw e;
    throw cannot(describeReadError(e, locale));
  } finally {
    await fd.close();
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw new PatchInputError(`${file}: ${translate(locale, 'not valid UTF-8; nothing was sent.')}`, [notUtf8Finding(decoded.problem, locale)]);
}

/** Why a path cannot be read (English; the Chinese is in the l10n bundle). */
const READ_ERRORS = {
  directory: 'it is a directory; a patch must be a regular file',
  fifo: 'it is a FIFO (named pipe); a patch must be a regular file',
  socket: 'it is a socket; a patch must be a regular file',
  charDevice: 'it is a character device; a patch must be a regular file',
  blockDevice: 'it is a block device; a patch must be a regular file',
  notRegular: 'it is not a regular file; a patch must be a regular file',
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
} as const satisfies Messages;

function notRegular(st: Stats, locale: Locale): string {
  const why = st.isDirectory() ? 'directory' : st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket'
    : st.isCharacterDevice() ? 'charDevice' : st.isBlockDevice() ? 'blockDevice' : 'notRegular';
  return translate(locale, READ_ERRORS[why]);
}

export function describeReadError(err: unknown, locale: Locale = 'en'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(READ_ERRORS, code)) return translate(locale, READ_ERRORS[code as keyof typeof READ_ERRORS]);
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
