// A notification with progress and Cancel whose token becomes an AbortSignal for the work; resolves
// to undefined when the user cancelled, rethrows anything else.
import * as vscode from 'vscode';
import { ui } from './ui';

export type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

export function withCancellableProgress<T>(
  title: string, work: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>,
): Thenable<T | undefined> {
  return ui().withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const cancel = (): void => controller.abort(new Error('cancelled by the user'));
    const sub = token.onCancellationRequested(cancel);
    try {
      return await work(progress, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return undefined;
      throw e;
    } finally {
      sub.dispose();
    }
  });
}
