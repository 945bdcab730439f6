// The "DataWorks" log: one line per request (action, RequestId, duration, outcome). Built only from
// the client's request record, which carries no credentials, so no secret can reach it.
import * as vscode from 'vscode';
import type { RequestLog as RequestRecord } from '../../dataworks/client';
import { escapeControls } from '../../core/text/safe-text';

export type { RequestLog as RequestRecord } from '../../dataworks/client';

const KEEP = 2000;

export class RequestLog implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  /** Recent lines, for tests and for "Show Log" summaries; bounded. */
  private readonly recent: string[] = [];

  constructor() {
    this.channel = vscode.window.createOutputChannel('DataWorks', { log: true });
  }

  request(r: RequestRecord): void {
    const parts = [
      r.action,
      r.outcome,
      `${Math.round(r.durationMs)}ms`,
      `attempt=${r.attempt}`,
      r.statusCode !== undefined ? `status=${r.statusCode}` : undefined,
      r.code ? `code=${r.code}` : undefined,
      `RequestId=${r.requestId ?? '-'}`,
    ].filter((p): p is string => p !== undefined);
    const line = parts.join(' ');
    if (r.outcome === 'ok') this.info(line);
    else if (r.outcome === 'retry') this.warn(line);
    else this.error(line);
  }

  // Every line passes escapeControls: a message or name from the service shows its controls and
  // bidi characters as visible escapes, as the CLI prints them.
  info(line: string): void {
    this.channel.info(this.keep(line));
  }

  warn(line: string): void {
    this.channel.warn(this.keep(line));
  }

  /** `keep: 'lines'` for an entry of several lines we made (a failure with its stack): its newlines and
   * tabs stay, every other control is still escaped. */
  error(line: string, keep: 'lines' | 'none' = 'none'): void {
    this.channel.error(this.keep(line, keep));
  }

  show(): void {
    this.channel.show(true);
  }

  lines(): readonly string[] {
    return this.recent;
  }

  dispose(): void {
    this.channel.dispose();
  }

  private keep(raw: string, keep: 'lines' | 'none' = 'none'): string {
    const line = escapeControls(raw, keep);
    this.recent.push(line);
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
    return line;
  }
}
