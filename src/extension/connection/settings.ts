// Reads the connection settings. Where signed requests go and with which credentials is decided
// by the user alone: workspace and folder values are ignored even in a trusted workspace, because a
// settings file checked into a repository must never redirect requests (or their signatures).
import * as vscode from 'vscode';
import { isLoopbackHost } from '../../dataworks/endpoint';

export type CredentialSource = 'defaultChain' | 'accessKey' | 'emulator';

export interface ConnectionSettings {
  region: string;
  /** '' when the endpoint follows the region. */
  endpoint: string;
  credentialSource: CredentialSource;
  /** '' means the aliyun CLI's current profile. */
  profile: string;
}

export const SECTION = 'dataworks';
/** Keys whose change means a new connection. */
export const CONNECTION_KEYS = ['region', 'endpoint', 'credentialSource', 'profile'] as const;

const SOURCES: readonly CredentialSource[] = ['defaultChain', 'accessKey', 'emulator'];

/**
 * The user's value (global, or the remote machine's settings, which VS Code reports as global),
 * else the default. Region is treated like the endpoint: it picks the host that receives signed
 * requests, so a workspace may not switch it either (its manifest scope is `application` anyway).
 */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  const value = inspected?.globalValue ?? inspected?.defaultValue;
  return value === undefined || value === null ? fallback : value;
}

export function readConnectionSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const source = userValue<string>(config, 'credentialSource', 'defaultChain');
  return {
    region: String(userValue<string>(config, 'region', 'cn-hangzhou')).trim() || 'cn-hangzhou',
    endpoint: String(userValue<string>(config, 'endpoint', '')).trim(),
    credentialSource: (SOURCES as readonly string[]).includes(source) ? (source as CredentialSource) : 'defaultChain',
    profile: String(userValue<string>(config, 'profile', '')).trim(),
  };
}

/** Writes a connection setting at user level: the only level this extension reads them from. */
export async function writeUserSetting(key: (typeof CONNECTION_KEYS)[number], value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return CONNECTION_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}

/** True for http(s) URLs on a loopback host: only these may be plain http. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}
