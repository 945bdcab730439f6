// What a CLI command gets instead of touching process globals, so unit tests run commands in-process.
// A command never holds the raw streams: its stdout and stderr are SafeOut, which escapes every
// control and bidi character (and redacts the credentials' secrets) before anything reaches a
// terminal or a log. Only the command table (commands/index.ts) turns ProcessIO into CliIO.
import { escapeControls } from '../core/text/safe-text';
import { redactSecrets } from '../core/text/redact';

/** The process's own streams, as main.ts (or a test) has them. */
export interface ProcessIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** What a command writes to: text only, made safe on the way out. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: SafeOut;
  stderr: SafeOut;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** The terminal controls the CLI writes itself (the progress line rewritten in place). */
export type TerminalControl = '\r' | '\x1b[K';

export class SafeOut {
  constructor(private readonly raw: NodeJS.WritableStream, private readonly secrets: readonly string[] = []) {}

  get isTTY(): boolean {
    return (this.raw as NodeJS.WriteStream).isTTY === true;
  }

  /** Writes `text` with its controls and bidi characters escaped (newline and tab kept) and secrets as ***. */
  write(text: string): boolean {
    return this.raw.write(escapeControls(this.secrets.length ? redactSecrets(text, this.secrets) : text, 'lines'));
  }

  /** One of the CLI's own terminal controls, written as is. */
  control(sequence: TerminalControl): boolean {
    return this.raw.write(sequence);
  }

  once(event: 'drain', listener: () => void): this {
    this.raw.once(event, listener);
    return this;
  }

  /** For readline's prompt, which echoes what the user types; the question itself goes through write's escaping. */
  get rawForPrompt(): NodeJS.WritableStream {
    return this.raw;
  }
}

/**
 * The process's streams made safe. `redactEnv`: also replace the AccessKey secret and security token
 * of the command's environment wherever they would be printed (not for the emulator, whose local key
 * is printed on purpose).
 */
export function safeIO(io: ProcessIO, redactEnv = true): CliIO {
  const secrets = redactEnv ? [io.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, io.env.ALIBABA_CLOUD_SECURITY_TOKEN].filter((s): s is string => !!s) : [];
  return { stdin: io.stdin, stdout: new SafeOut(io.stdout, secrets), stderr: new SafeOut(io.stderr, secrets), env: io.env };
}
