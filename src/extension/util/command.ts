// Every command of the extension is registered here, so each handles failure the same way: the
// error and its stack go to the DataWorks log (a LogOutputChannel, with levels) and the user sees
// ONE error message with "Show Log"; a cancelled command (the user pressed Cancel, or its token or
// AbortSignal fired) says nothing. Without this, whatever a command let escape showed VS Code's
// generic "command resulted in an error". Sites keep their own messages for failures they expect.
import * as vscode from 'vscode';
import { ui } from './ui';

/** Where failures are written (connection/requestLog.ts's channel). */
export interface CommandLog {
  info(line: string): void;
  /** `'lines'`: the entry spans lines (a stack); controls other than newline and tab are still escaped. */
  error(line: string, keep?: 'lines' | 'none'): void;
  show(): void;
}

let commandLog: CommandLog | undefined;

/** Sets the log every command's failure goes to (once, at activation, before any command can run). */
export function useCommandLog(log: CommandLog): void {
  commandLog = log;
}

// `unknown[]` would make every handler cast its arguments; VS Code passes whatever the caller gave.
type Handler<R> = (...args: never[]) => R | Thenable<R>;

/** vscode.commands.registerCommand through the one error and cancellation policy. */
export function registerCommand<R>(id: string, handler: Handler<R>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (e) {
      reportFailure(id, e);
      return undefined;
    }
  });
}

/** Whether `e` means the command was cancelled rather than failed. */
export function isCancellation(e: unknown): boolean {
  if (e instanceof vscode.CancellationError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const { name, kind } = e as { name?: unknown; kind?: unknown };
  // AbortSignal's reason; the client's own 'cancelled' DataWorksError (dataworks/retry.ts).
  return name === 'AbortError' || name === 'Canceled' || kind === 'cancelled';
}

function reportFailure(id: string, e: unknown): void {
  const log = commandLog;
  if (isCancellation(e)) {
    log?.info(`${id}: cancelled`);
    return;
  }
  const message = e instanceof Error ? e.message : String(e);
  log?.error(`${id} failed: ${e instanceof Error && e.stack ? e.stack : message}`, 'lines');
  const showLog = vscode.l10n.t('Show Log');
  // Not awaited: the command ends now, whenever the user answers the message.
  void ui().showErrorMessage(vscode.l10n.t('DataWorks: {0}', message), showLog).then((chosen) => {
    if (chosen === showLog) log?.show();
  });
}
