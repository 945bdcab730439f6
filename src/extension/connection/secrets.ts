// The AccessKey pair lives only in SecretStorage (the OS keychain or VS Code's encrypted store).
import type * as vscode from 'vscode';

const KEY = 'dataworks.accessKey';

export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

export async function readAccessKey(secrets: vscode.SecretStorage): Promise<AccessKeyPair | undefined> {
  const raw = await secrets.get(KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<AccessKeyPair>;
    if (typeof parsed.accessKeyId === 'string' && typeof parsed.accessKeySecret === 'string') {
      return { accessKeyId: parsed.accessKeyId, accessKeySecret: parsed.accessKeySecret };
    }
  } catch {
    // A damaged entry counts as missing; Set Access Key overwrites it.
  }
  return undefined;
}

export async function storeAccessKey(secrets: vscode.SecretStorage, pair: AccessKeyPair): Promise<void> {
  await secrets.store(KEY, JSON.stringify(pair));
}

export async function deleteAccessKey(secrets: vscode.SecretStorage): Promise<void> {
  await secrets.delete(KEY);
}

export function isSecretStorageKey(key: string): boolean {
  return key === KEY;
}
