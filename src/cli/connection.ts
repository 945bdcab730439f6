// Builds the DataWorks client for a command from --endpoint / --region / --profile and the environment.
import { DataWorksClient, type RequestLog } from '../dataworks/client';
import type { CredentialSpec } from '../dataworks/credentials';
import type { ApplyTarget } from '../core/apply/journal';
import { UsageError } from './args';
import { translate } from '../core/text/l10n';
import { cliLocale } from './locale';

export interface ConnectionFlags {
  endpoint?: string;
  region?: string;
  profile?: string;
}

export const CONNECTION_OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
} as const;

export const CONNECTION_HELP = `  --endpoint URL    API endpoint (e.g. http://127.0.0.1:18080 for the local emulator)
  --region R        Region id, endpoint dataworks.<R>.aliyuncs.com (default: $ALIBABA_CLOUD_REGION_ID or cn-hangzhou)
  --profile P       aliyun CLI profile for credentials (default: the default credential chain)
                    Credentials: $ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET (with _SECURITY_TOKEN for a
                    temporary pair), else $ALIBABA_CLOUD_PROFILE or the rest of the default chain
                    (every variable: docs/cli.md)`;

/**
 * Credentials: the default chain. The first link of that chain, ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET,
 * is read from the command's own environment (so in-process runs with their own env work the same);
 * an explicit --profile always wins over it.
 */
export function credentialsFor(flags: ConnectionFlags, env: NodeJS.ProcessEnv): { spec: CredentialSpec; source: string } {
  const profile = flags.profile ?? env.ALIBABA_CLOUD_PROFILE;
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!flags.profile && id && secret) {
    const token = env.ALIBABA_CLOUD_SECURITY_TOKEN;
    return { spec: { kind: 'accessKey', accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) }, source: 'environment' };
  }
  return { spec: { kind: 'defaultChain', ...(profile ? { profile } : {}) }, source: profile ? `profile ${profile}` : 'default chain' };
}

export interface Connection {
  client: DataWorksClient;
  target: ApplyTarget;
  /** One line naming where requests go and with which credentials (no secrets). */
  describe: string;
}

export function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv, onRequest?: (log: RequestLog) => void, readTimeoutMs?: number): Connection {
  if (flags.endpoint && flags.region) throw new UsageError(translate(cliLocale(env), 'give either --endpoint or --region, not both'));
  const region = flags.region ?? (flags.endpoint ? undefined : env.ALIBABA_CLOUD_REGION_ID);
  const { spec, source } = credentialsFor(flags, env);
  const client = new DataWorksClient({
    ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
    ...(region ? { region } : {}),
    credentials: spec,
    ...(onRequest ? { onRequest } : {}),
    ...(readTimeoutMs !== undefined ? { timeoutMs: { read: readTimeoutMs } } : {}),
  });
  const target: ApplyTarget = {
    endpoint: client.endpoint, ...(region ? { region } : {}), ...(flags.profile ? { profile: flags.profile } : {}), credentialSource: source,
  };
  const locale = cliLocale(env);
  // The journal keeps `source` in English (target.credentialSource); this line is for people.
  const credentials = spec.kind === 'accessKey' ? translate(locale, 'environment')
    : spec.profile ? translate(locale, 'profile {0}', [spec.profile]) : translate(locale, 'default chain');
  const describe = region ? translate(locale, '{0} ({1}), credentials: {2}', [client.endpoint, region, credentials])
    : translate(locale, '{0}, credentials: {1}', [client.endpoint, credentials]);
  return { client, target, describe };
}
