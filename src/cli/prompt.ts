// A yes/no question on the terminal (the Prod confirmation, the pulled-values warning): "y" or "yes" is yes;
// anything else, Enter, Ctrl+D or the end of input is no.
import { createInterface } from 'node:readline';
import type { CliIO } from './io';
import { escapeControls } from '../core/text/safe-text';

export function askYesNo(io: CliIO, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr.rawForPrompt });
  return new Promise((resolve) => {
    // Resolve before close(): close() emits 'close' synchronously, which would settle this as "no".
    rl.question(escapeControls(question, 'lines'), (answer) => { resolve(/^y(es)?$/i.test(answer.trim())); rl.close(); });
    rl.once('close', () => resolve(false)); // Ctrl+D / end of input: no
  });
}
