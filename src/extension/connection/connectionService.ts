// Builds the one DataWorksClient the extension uses, from user-level settings and SecretStorage,
// lazily: nothing here touches the network or spawns anything until a feature asks for a client,
// and the client's code itself (the SDK) loads only then (clientLoader.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataWorksClient } from '../../dataworks/client';
import type { CredentialSpec } from '../../dataworks/credentials';
import { endpointFor } from '../../dataworks/endpoint';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../../core/emulator-defaults';
import { loadClientModules } from './clientLoader';
import { startEmulatorProcess, type RunningEmulator } from './emulatorProcess';
import { NotConfiguredError, accessKeyMissing } from './errors';
import type { RequestLog } from './requestLog';
import { readAccessKey, isSecretStorageKey } from './secrets';
import { affectsConnection, isLoopbackUrl, readConnectionSettings, type ConnectionSettings, type CredentialSource } from './settings';

/** Where requests go; safe to show (no credentials). */
export interface ConnectionTarget {
  label: string;
  region: string;
  endpoint: string;
  isEmulator: boolean;
  credentialSource: CredentialSource;
  profile?: string;
  /** With credentialSource 'accessKey': false once SecretStorage is known to hold no pair. */
  accessKeyStored?: boolean;
}

export interface Connection {
  client: DataWorksClient;
  target: ConnectionTarget;
}

export class ConnectionService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings, the stored AccessKey or the emulator change what getConnection returns. */
  readonly onDidChangeConnection = this.changed.event;
  private current: Promise<Connection> | undefined;
  private emulator: RunningEmulator | undefined;
  private emulatorStarting: Promise<RunningEmulator> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether SecretStorage holds a pair; undefined until the first read (one SecretStorage get, no network). */
  private storedKey: boolean | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: RequestLog,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsConnection(e)) this.invalidate();
      }),
      context.secrets.onDidChange((e) => {
        if (!isSecretStorageKey(e.key)) return;
        this.invalidate();
        void this.refreshStoredAccessKey();
      }),
    );
    void this.refreshStoredAccessKey();
  }

  /** Re-reads whether a pair is stored; fires onDidChangeConnection when that changed. */
  async refreshStoredAccessKey(): Promise<boolean> {
    const stored = (await readAccessKey(this.context.secrets)) !== undefined;
    if (stored !== this.storedKey) {
      this.storedKey = stored;
      this.changed.fire();
    }
    return stored;
  }

  /** The client and its target. Throws NotConfiguredError when credentials are missing. */
  getConnection(): Promise<Connection> {
    if (!this.current) {
      const attempt = this.build();
      this.current = attempt;
      // A failed build is not cached: the next call retries (after Set Access Key, say).
      attempt.catch(() => {
        if (this.current === attempt) this.current = undefined;
      });
    }
    return this.current;
  }

  async getClient(): Promise<DataWorksClient> {
    return (await this.getConnection()).client;
  }

  /** The target as far as it is known without starting anything (status bar, confirmations). */
  describe(settings: ConnectionSettings = readConnectionSettings()): ConnectionTarget {
    if (settings.credentialSource === 'emulator') {
      const endpoint = (isLoopbackUrl(settings.endpoint) ? settings.endpoint : '') || this.emulator?.info.endpoint || '';
      return emulatorTarget(settings, endpoint);
    }
    return cloudTarget(settings, this.storedKey);
  }

  /** Drops the cached client so the next call rebuilds it from the current settings. */
  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  /** Starts our own emulator now (Use Local Emulator), or returns the one already running. */
  async ensureEmulator(): Promise<RunningEmulator> {
    if (this.emulator) return this.emulator;
    if (!this.emulatorStarting) {
      const storage = this.context.globalStorageUri.fsPath;
      await vscode.workspace.fs.createDirectory(this.context.globalStorageUri);
      const stateFile = path.join(storage, 'emulator-state.json');
      this.emulatorStarting = startEmulatorProcess(this.context.extensionPath, stateFile);
      this.emulatorStarting.then(
        (running) => {
          this.emulator = running;
          this.log.info(`Local emulator started at ${running.info.endpoint} (pid ${running.pid ?? '?'})`);
          void running.exited.then((code) => {
            if (this.emulator !== running) return;
            this.emulator = undefined;
            this.log.warn(`Local emulator exited (code ${code ?? 'signal'})`);
            this.invalidate();
          });
        },
        () => undefined,
      );
      this.emulatorStarting.finally(() => (this.emulatorStarting = undefined)).catch(() => undefined);
    }
    return this.emulatorStarting;
  }

  dispose(): void {
    this.emulator?.stop();
    this.emulator = undefined;
    for (const d of this.disposables) d.dispose();
  }

  private async build(): Promise<Connection> {
    // Load first, then read the settings: a change while the bundle loads must not yield a client for the old target.
    const { DataWorksClient } = await loadClientModules();
    const settings = readConnectionSettings();
    this.log.info(`Connecting: credentials from ${settings.credentialSource}, region ${settings.region}, endpoint ${settings.endpoint || '(from region)'}`);
    const onRequest = (r: Parameters<RequestLog['request']>[0]): void => this.log.request(r);
    if (settings.credentialSource === 'emulator') {
      // A configured (user-level) endpoint means "connect to the emulator running there".
      // Only a loopback endpoint can be an emulator; a cloud override stays for when the user switches back.
      let endpoint = isLoopbackUrl(settings.endpoint) ? settings.endpoint : '';
      let accessKeyId = EMULATOR_ACCESS_KEY_ID;
      let accessKeySecret = EMULATOR_ACCESS_KEY_SECRET;
      if (!endpoint) {
        try {
          const running = await this.ensureEmulator();
          ({ endpoint, accessKeyId, accessKeySecret } = running.info);
        } catch (e) {
          throw new NotConfiguredError('emulatorUnavailable', (e as Error).message);
        }
      }
      const client = new DataWorksClient({
        region: settings.region,
        endpoint,
        credentials: { kind: 'accessKey', accessKeyId, accessKeySecret },
        onRequest,
      });
      return { client, target: emulatorTarget(settings, endpoint) };
    }
    let credentials: CredentialSpec;
    if (settings.credentialSource === 'accessKey') {
      const pair = await readAccessKey(this.context.secrets);
      if (!pair) throw accessKeyMissing();
      credentials = { kind: 'accessKey', ...pair };
    } else {
      credentials = { kind: 'defaultChain', profile: settings.profile || undefined };
    }
    const client = new DataWorksClient({
      region: settings.region,
      endpoint: settings.endpoint || undefined,
      credentials,
      onRequest,
    });
    return { client, target: cloudTarget(settings, this.storedKey) };
  }
}

function emulatorTarget(settings: ConnectionSettings, endpoint: string): ConnectionTarget {
  const where = endpoint ? hostOf(endpoint) : vscode.l10n.t('not started');
  return {
    label: vscode.l10n.t('Local emulator ({0})', where),
    region: settings.region,
    endpoint,
    isEmulator: true,
    credentialSource: 'emulator',
  };
}

function cloudTarget(settings: ConnectionSettings, accessKeyStored: boolean | undefined): ConnectionTarget {
  let endpoint = settings.endpoint;
  if (!endpoint) {
    try {
      endpoint = `https://${endpointFor(settings.region)}`;
    } catch {
      endpoint = ''; // an invalid region: the client reports it on first use
    }
  }
  const who =
    settings.credentialSource === 'accessKey'
      ? accessKeyStored === false ? vscode.l10n.t('No AccessKey') : vscode.l10n.t('AccessKey')
      : settings.profile
        ? vscode.l10n.t('Profile {0}', settings.profile)
        : vscode.l10n.t('Default credentials');
  return {
    label: `${who} · ${settings.region}`,
    region: settings.region,
    endpoint,
    isEmulator: false,
    credentialSource: settings.credentialSource,
    profile: settings.credentialSource === 'defaultChain' ? settings.profile || undefined : undefined,
    ...(settings.credentialSource === 'accessKey' && accessKeyStored !== undefined ? { accessKeyStored } : {}),
  };
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
