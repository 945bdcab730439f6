// Test helper: a temporary HOME with optional aliyun CLI config and credentials INI, and the
// ALIBABA_CLOUD_* environment cleared (then set as the test asks) for the duration of `fn`.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sandbox { home: string }

export interface SandboxSetup {
  aliyunConfig?: unknown;
  /** Raw text for ~/.aliyun/config.json (to write a malformed file). */
  aliyunConfigText?: string;
  credentialsIni?: string;
  env?: Record<string, string>;
}

export async function withSandbox<T>(setup: SandboxSetup, fn: (s: Sandbox) => Promise<T>): Promise<T> {
  const home = await mkdtemp(join(tmpdir(), 'dw-home-'));
  const saved = { ...process.env };
  try {
    if (setup.aliyunConfig !== undefined || setup.aliyunConfigText !== undefined) {
      await mkdir(join(home, '.aliyun'));
      await writeFile(join(home, '.aliyun', 'config.json'), setup.aliyunConfigText ?? JSON.stringify(setup.aliyunConfig));
    }
    if (setup.credentialsIni !== undefined) {
      await mkdir(join(home, '.alibabacloud'));
      await writeFile(join(home, '.alibabacloud', 'credentials'), setup.credentialsIni);
    }
    for (const k of Object.keys(process.env)) if (k.startsWith('ALIBABA_CLOUD_')) delete process.env[k];
    process.env['HOME'] = home;
    process.env['USERPROFILE'] = home;
    Object.assign(process.env, setup.env ?? {});
    return await fn({ home });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await rm(home, { recursive: true, force: true });
  }
}

/** An aliyun CLI config with AK profiles `name -> [id, secret]`. */
export function aliyunConfig(current: string, profiles: Record<string, [string, string]>): unknown {
  return {
    current,
    profiles: Object.entries(profiles).map(([name, [id, secret]]) => ({
      name, mode: 'AK', access_key_id: id, access_key_secret: secret, region_id: 'cn-hangzhou', output_format: 'json', language: 'en',
    })),
    meta_path: '',
  };
}
