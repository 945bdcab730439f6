// The one error the connection throws itself: nothing to connect with yet. Everything else comes
// from the client as a DataWorksError.
import * as vscode from 'vscode';

export type NotConfiguredReason = 'accessKeyMissing' | 'emulatorUnavailable';

export class NotConfiguredError extends Error {
  readonly code = 'DataWorks.NotConfigured';

  constructor(
    readonly reason: NotConfiguredReason,
    message: string,
  ) {
    super(message);
    this.name = 'NotConfiguredError';
  }
}

export function isNotConfigured(e: unknown): e is NotConfiguredError {
  return e instanceof NotConfiguredError || (e as { code?: unknown } | undefined)?.code === 'DataWorks.NotConfigured';
}

export function accessKeyMissing(): NotConfiguredError {
  return new NotConfiguredError(
    'accessKeyMissing',
    vscode.l10n.t('No AccessKey is stored. Run "Set Access Key" or choose another credential source.'),
  );
}
