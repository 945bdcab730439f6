// Which command arguments Set Access Key takes. Only the extension's test mode passes a pair this
// way (the host tests have no way to type into an input box); in normal use a command can be run by
// a keybinding, a link in a workspace file or another extension, and none of them may hand us a
// secret (or swap the account writes go to) behind the user's back: the prompts always run.
// Pure (no vscode import) so a unit test can check the normal-mode refusal.
import type { AccessKeyPair } from './secrets';

export function accessKeyFromArgs(args: unknown, testMode: boolean): Partial<AccessKeyPair> | undefined {
  if (!testMode || !args || typeof args !== 'object') return undefined;
  const { accessKeyId, accessKeySecret } = args as Record<string, unknown>;
  const out: Partial<AccessKeyPair> = {};
  if (typeof accessKeyId === 'string') out.accessKeyId = accessKeyId;
  if (typeof accessKeySecret === 'string') out.accessKeySecret = accessKeySecret;
  return Object.keys(out).length ? out : undefined;
}

/** Whether the arguments try to pass credentials (worth a line in the log when they are ignored). */
export function argsCarryCredentials(args: unknown): boolean {
  return !!args && typeof args === 'object' && ('accessKeyId' in args || 'accessKeySecret' in args);
}
