// Test helpers: real V3-signed requests through @alicloud/openapi-client (the SDK, not our client),
// and raw node:http requests signed by an independent implementation written here from the spec.
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { parse as parseLossless, isLosslessNumber, isSafeNumber, LosslessNumber } from 'lossless-json';
import type { RunningEmulator } from '@src/emulator/index';

export interface SdkResult { statusCode: number; text: string; body: Record<string, unknown> }
export interface SdkError { code: string; statusCode: number; data: Record<string, unknown> }

export const GET_ACTIONS = new Set(['GetTask', 'ListResourceGroups', 'ListDataSources']);

/** Calls an action with the Alibaba Cloud SDK as the real client does (RPC, V3, form body or query, string body). */
export async function sdkCall(
  emu: Pick<RunningEmulator, 'port' | 'accessKeyId' | 'accessKeySecret'>, action: string, values: Record<string, string>,
  opts: { secret?: string; accessKeyId?: string; readTimeout?: number } = {},
): Promise<SdkResult> {
  const client = new OpenApiClient(new Config({
    accessKeyId: opts.accessKeyId ?? emu.accessKeyId,
    accessKeySecret: opts.secret ?? emu.accessKeySecret,
    endpoint: `127.0.0.1:${emu.port}`,
    protocol: 'http',
  }));
  const method = GET_ACTIONS.has(action) ? 'GET' : 'POST';
  const params = new Params({
    action, version: '2024-05-18', protocol: 'http', pathname: '/', method,
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'string',
  });
  const req = new OpenApiRequest(method === 'GET' ? { query: values } : { body: values });
  const res = (await client.callApi(params, req, new RuntimeOptions({ autoretry: false, connectTimeout: 30000, readTimeout: opts.readTimeout ?? 30000 }))) as { statusCode: number; body: string };
  return { statusCode: res.statusCode, text: res.body, body: parse(res.body) as Record<string, unknown> };
}

/** The SDK's error for a call that must fail. */
export async function sdkError(
  emu: Pick<RunningEmulator, 'port' | 'accessKeyId' | 'accessKeySecret'>, action: string, values: Record<string, string>,
  opts: { secret?: string; accessKeyId?: string } = {},
): Promise<SdkError> {
  try {
    await sdkCall(emu, action, values, opts);
  } catch (err) {
    const e = err as { code?: string; data?: Record<string, unknown> };
    return { code: String(e.code), statusCode: Number(e.data?.statusCode), data: e.data ?? {} };
  }
  throw new Error(`${action} was expected to fail`);
}

/** JSON with safe numbers as numbers and the others (ids above 2^53) as LosslessNumber. */
export const parse = (text: string): unknown => parseLossless(text, null, (s) => (isSafeNumber(s) ? Number(s) : new LosslessNumber(s)));

/** Digits of a lossless-parsed int64. */
export const digits = (v: unknown): string => (isLosslessNumber(v) ? (v as LosslessNumber).value : String(v));

// ---- independent V3 signer for hand-made requests ----

const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const hex = (d: string | Buffer): string => createHash('sha256').update(d).digest('hex');

export interface RawRequest {
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  /** Form values (POST). */
  form?: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

export function timestamp(d = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Builds and signs a request the way the V3 spec describes, without the SDK. */
export function signedRequest(
  emu: Pick<RunningEmulator, 'port' | 'accessKeyId' | 'accessKeySecret'>, action: string,
  opts: { method?: 'GET' | 'POST'; query?: Record<string, string>; form?: Record<string, string>; date?: string; nonce?: string; secret?: string; accessKeyId?: string } = {},
): RawRequest {
  const method = opts.method ?? 'POST';
  const body = Buffer.from(opts.form ? Object.entries(opts.form).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') : '');
  const headers: Record<string, string> = {
    host: `127.0.0.1:${emu.port}`,
    'x-acs-action': action,
    'x-acs-version': '2024-05-18',
    'x-acs-date': opts.date ?? timestamp(),
    'x-acs-signature-nonce': opts.nonce ?? randomUUID(),
    'x-acs-content-sha256': hex(body),
  };
  if (opts.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const req: RawRequest = { method, query: opts.query ?? {}, headers, body };
  if (opts.form) req.form = opts.form;
  sign(req, opts.accessKeyId ?? emu.accessKeyId, opts.secret ?? emu.accessKeySecret);
  return req;
}

export function sign(req: RawRequest, accessKeyId: string, secret: string): void {
  delete req.headers.authorization;
  const names = Object.keys(req.headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${req.headers[n].trim()}\n`).join('');
  const query = Object.entries(req.query ?? {}).map(([k, v]) => [enc(k), enc(v)]).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
  const canonical = [req.method, '/', query, canonicalHeaders, names.join(';'), hex(req.body)].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${hex(canonical)}`;
  const signature = createHmac('sha256', secret).update(toSign).digest('hex');
  req.headers.authorization = `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
}

export interface RawResponse { status: number; text: string; json: Record<string, unknown>; headers: import('node:http').IncomingHttpHeaders }

/** Sends a raw request; chunked (no content-length) unless `contentLength` is set. */
export function send(port: number, req: RawRequest, { contentLength = false } = {}): Promise<RawResponse> {
  const qs = Object.entries(req.query ?? {}).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (contentLength) headers['content-length'] = String(req.body.length);
    const r = request({ host: '127.0.0.1', port, method: req.method, path: qs ? `/?${qs}` : '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try { json = parse(text) as Record<string, unknown>; } catch { /* left empty: the test asserts on it */ }
        resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
      });
    });
    r.on('error', reject);
    if (req.body.length > 0) {
      // Two writes force Transfer-Encoding: chunked when no content-length is set.
      const half = Math.floor(req.body.length / 2);
      r.write(req.body.subarray(0, half));
      r.write(req.body.subarray(half));
    }
    r.end();
  });
}
