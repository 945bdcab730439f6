// Credentials for the client: an AccessKey pair handed in (the extension keeps it in SecretStorage),
// or the Alibaba Cloud default chain of @alicloud/credentials. We assemble the chain from the
// library's own providers instead of using DefaultCredentialsProvider because
//  - its ECS metadata lookup stalls for seconds off ECS: we add it only when asked;
//  - a chosen profile must be honoured even when environment variables are set;
//  - its "nothing found" error concatenates provider messages, and the CLI-profile provider puts the
//    whole ~/.aliyun/config.json (secrets included) into its message when the file is not valid JSON.
// Failures here become one DataWorksError (kind 'auth') naming every source tried, with no secrets.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Credential, {
  CLIProfileCredentialsProvider,
  Config as CredentialConfig,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from '@alicloud/credentials';
import type CredentialsProvider from '@alicloud/credentials/dist/src/credentials_provider';
import { DataWorksError } from './errors';

export { endpointFor } from './endpoint';

export type CredentialSpec =
  | { kind: 'defaultChain'; profile?: string; allowEcsMetadata?: boolean }
  | { kind: 'accessKey'; accessKeyId: string; accessKeySecret: string; securityToken?: string };

export interface AliyunProfileInfo { name: string; mode: string; current: boolean }

/** The profiles of the aliyun CLI (`~/.aliyun/config.json`): names and modes only, never keys. */
export async function listAliyunProfiles(home: string = homedir()): Promise<AliyunProfileInfo[]> {
  const path = join(home, '.aliyun', 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  let conf: unknown;
  try {
    conf = JSON.parse(text);
  } catch {
    throw credentialsError(`${path} is not valid JSON`, 'Fix or recreate it with `aliyun configure`.');
  }
  if (!isRecord(conf) || !Array.isArray(conf['profiles'])) return [];
  const current = typeof conf['current'] === 'string' ? conf['current'] : undefined;
  return conf['profiles'].filter(isRecord).map((p) => ({
    name: String(p['name'] ?? ''),
    mode: String(p['mode'] ?? ''),
    current: p['name'] === current,
  }));
}

/** The Credential object openapi-client's `config.credential` takes. */
export function createCredential(spec: CredentialSpec): Credential {
  if (spec.kind === 'accessKey') {
    if (!spec.accessKeyId || !spec.accessKeySecret) {
      throw credentialsError('the AccessKey id or secret is empty', 'Set both the AccessKey id and secret.');
    }
    const config = new CredentialConfig({
      type: spec.securityToken ? 'sts' : 'access_key',
      accessKeyId: spec.accessKeyId,
      accessKeySecret: spec.accessKeySecret,
      ...(spec.securityToken ? { securityToken: spec.securityToken } : {}),
    });
    return new Credential(config);
  }
  return new Credential(null, new ChainProvider(spec.profile, spec.allowEcsMetadata === true));
}

interface Source { label: string; provider: CredentialsProvider }

/** Tries each source in order, remembers the first that works, and explains every failure. */
class ChainProvider implements CredentialsProvider {
  private readonly sources: Source[];
  private readonly skipped: string[] = [];
  private chosen?: CredentialsProvider;

  constructor(private readonly profile: string | undefined, allowEcs: boolean) {
    this.sources = profile ? profileSources(profile) : defaultSources(allowEcs, this.skipped);
  }

  async getCredentials(): Promise<Awaited<ReturnType<CredentialsProvider['getCredentials']>>> {
    if (this.chosen) return this.chosen.getCredentials();
    const tried: string[] = [];
    for (const source of this.sources) {
      try {
        const creds = await source.provider.getCredentials();
        if (creds && creds.accessKeyId && creds.accessKeySecret) {
          this.chosen = source.provider;
          return creds;
        }
        tried.push(`${source.label}: no AccessKey in it`);
      } catch (e) {
        tried.push(`${source.label}: ${safeReason(e)}`);
      }
    }
    const what = this.profile ? `no usable credentials for profile "${this.profile}"` : 'no credentials found';
    const skipped = this.skipped.length ? ` Skipped: ${this.skipped.join('; ')}.` : '';
    if (tried.length === 0) tried.push('no credential source is enabled (ALIBABA_CLOUD_CLI_PROFILE_DISABLED?)');
    throw credentialsError(
      `${what}. Tried: ${tried.join('; ')}.${skipped}`,
      this.profile
        ? `Create it with \`aliyun configure --profile ${this.profile}\`, or choose another profile.`
        : 'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, or store an AccessKey in the editor (DataWorks: Set Access Key…).',
    );
  }

  getProviderName(): string {
    return 'dwtasks_chain';
  }
}

function profileSources(profile: string): Source[] {
  const sources: Source[] = [];
  tryAdd(sources, `aliyun CLI profile "${profile}" (~/.aliyun/config.json)`,
    () => CLIProfileCredentialsProvider.builder().withProfileName(profile).build());
  tryAdd(sources, `profile [${profile}] in ${process.env['ALIBABA_CLOUD_CREDENTIALS_FILE'] ?? '~/.alibabacloud/credentials'}`,
    () => ProfileCredentialsProvider.builder().withProfileName(profile).build());
  return sources;
}

function defaultSources(allowEcs: boolean, skipped: string[]): Source[] {
  const env = process.env;
  const sources: Source[] = [{
    label: 'environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET)',
    provider: EnvironmentVariableCredentialsProvider.builder().build(),
  }];
  // The library's builders throw when a source is not configured at all; such sources are not "tried".
  tryAdd(sources, 'OIDC role (ALIBABA_CLOUD_ROLE_ARN / ALIBABA_CLOUD_OIDC_PROVIDER_ARN / ALIBABA_CLOUD_OIDC_TOKEN_FILE)',
    () => OIDCRoleArnCredentialsProvider.builder().build());
  const cliProfile = env['ALIBABA_CLOUD_PROFILE'];
  tryAdd(sources, `aliyun CLI ${cliProfile ? `profile "${cliProfile}"` : 'current profile'} (~/.aliyun/config.json)`,
    () => CLIProfileCredentialsProvider.builder().build());
  tryAdd(sources, `profile [${cliProfile ?? 'default'}] in ${env['ALIBABA_CLOUD_CREDENTIALS_FILE'] ?? '~/.alibabacloud/credentials'}`,
    () => ProfileCredentialsProvider.builder().build());
  if (allowEcs) {
    tryAdd(sources, 'ECS instance RAM role (metadata service)',
      () => ECSRAMRoleCredentialsProvider.builder().withRoleName(env['ALIBABA_CLOUD_ECS_METADATA'] ?? '').build());
  } else {
    skipped.push('ECS instance RAM role (metadata service lookup is off unless enabled)');
  }
  if (env['ALIBABA_CLOUD_CREDENTIALS_URI']) {
    tryAdd(sources, 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
      () => URICredentialsProvider.builder().withCredentialsURI(env['ALIBABA_CLOUD_CREDENTIALS_URI']!).build());
  }
  return sources;
}

function tryAdd(sources: Source[], label: string, build: () => CredentialsProvider): void {
  try {
    sources.push({ label, provider: build() });
  } catch {
    // not configured: nothing to try
  }
}

/**
 * A provider's failure reason, short and without file content: the library quotes a malformed
 * config file in full ("parse aliyun cli config from '...' failed: <content>").
 */
function safeReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const parse = /parse aliyun cli config from '([^']*)' failed/.exec(msg);
  if (parse) return `${parse[1]} is not valid JSON`;
  const read = /reading aliyun cli config from '([^']*)' failed/.exec(msg);
  if (read) return `${read[1]} not found or unreadable`;
  if (/ENOENT/.test(msg)) return 'file not found';
  const envVar = /must be specified via environment variable \((\w+)\)/.exec(msg);
  if (envVar) return `${envVar[1]} is not set`;
  const cut = msg.split(/failed:|\n/)[0]!.trim();
  return cut.length > 200 ? `${cut.slice(0, 200)}…` : cut;
}

function credentialsError(message: string, hint: string): DataWorksError {
  return new DataWorksError({
    code: 'NoCredentials', kind: 'auth', action: 'credentials', retryable: false, serviceMessage: message, hint,
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
