// Progress of a long read on stderr: a line rewritten in place on a terminal, a plain line every few
// seconds otherwise (CI logs), nothing at all for reads under a second.
import { ProgressLine, type ProgressNoun } from '../core/listing/progress';
import { cliLocale } from './locale';
import type { CliIO } from './io';

/** ProgressLine's frame on a terminal: `\r` TEXT `ESC[K` (newline at the end); only TEXT is escaped. */
const FRAME = /^(\r?)([^]*?)(\x1b\[K)?(\n?)$/;

export function progressOnStderr(io: CliIO, rps: number, noun: ProgressNoun = 'tasks'): ProgressLine {
  return new ProgressLine({ write: progressWriter(io), isTTY: io.stderr.isTTY, rps, noun, locale: cliLocale(io.env) });
}

/** Writes one of ProgressLine's outputs to stderr: the frame's controls raw, the text through the escaping. */
export function progressWriter(io: CliIO): (t: string) => void {
  return (t) => {
    const [, cr, text, erase, nl] = FRAME.exec(t) ?? ['', '', t, '', ''];
    if (cr) io.stderr.control('\r');
    io.stderr.write(text ?? '');
    if (erase) io.stderr.control('\x1b[K');
    if (nl) io.stderr.write(nl);
  };
}
