// Progress of a long read on stderr: a line rewritten in place on a terminal, a plain line every few
// seconds otherwise (CI logs), nothing at all for reads under a second.
import { ProgressLine } from '../core/listing/progress';
import type { CliIO } from './io';

export function progressOnStderr(io: CliIO, rps: number, noun = 'tasks'): ProgressLine {
  const isTTY = (io.stderr as NodeJS.WriteStream).isTTY === true;
  return new ProgressLine({ write: (t) => io.stderr.write(t), isTTY, rps, noun });
}
