// Verifies ACS3-HMAC-SHA256 (V3) request signatures with our own code, written from the published
// algorithm, not from the client SDK, so a signing bug in the client cannot pass its own test.
//   CanonicalRequest = METHOD \n "/" \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
//   StringToSign     = "ACS3-HMAC-SHA256" \n HexSHA256(CanonicalRequest)
//   Signature        = Hex(HMAC-SHA256(secret, StringToSign))
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors';

export const ALGORITHM = 'ACS3-HMAC-SHA256';
/** The gateway accepts a request whose x-acs-date is at most this far from its clock, and remembers nonces this long. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface IncomingSignedRequest {
  method: string;
  /** The part of the URL after `?`, still percent-encoded ('' when none). */
  rawQuery: string;
  /** Header name (lower case) to every value received. */
  headers: Record<string, string[]>;
  body: Buffer;
}

/** RFC 3986 percent-encoding: encodeURIComponent plus the five characters it leaves alone. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Decodes `a=1&b=x%20y` (form or query encoding: `+` is a space). Later duplicates win. */
export function decodeUrlEncoded(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    out.set(decodeComponent(k), decodeComponent(v));
  }
  return out;
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    throw new ApiError(400, 'InvalidParameter', `The request contains a malformed percent-encoding: "${s.slice(0, 40)}"`);
  }
}

export function canonicalQuery(rawQuery: string): string {
  const params = [...decodeUrlEncoded(rawQuery)].map(([k, v]) => [rfc3986(k), rfc3986(v)] as const);
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}

export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string | undefined): ParsedAuthorization {
  if (!value) throw incomplete('The request has no Authorization header.');
  const space = value.indexOf(' ');
  if (space < 0) throw incomplete('The Authorization header must be "ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=...".');
  const algorithm = value.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new ApiError(400, 'IncompleteSignature', `The signature algorithm "${algorithm}" is not supported; use ${ALGORITHM}.`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signed || !signature) {
    throw incomplete('The Authorization header lacks Credential, SignedHeaders or Signature.');
  }
  return { algorithm, accessKeyId, signedHeaders: signed.split(';').map((h) => h.trim().toLowerCase()), signature };
}

/** True for headers every V3 request must sign when present. */
const mustSign = (name: string): boolean => name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

export interface VerifyOptions {
  secretOf(accessKeyId: string): string | undefined;
  /** Records the nonce; false when it was already used within the window. */
  useNonce(accessKeyId: string, nonce: string, now: number): boolean;
  now: number;
}

/** Throws the gateway's ApiError when the request is not correctly signed; returns the AccessKey id otherwise. */
export function verifyRequest(req: IncomingSignedRequest, opts: VerifyOptions): string {
  const header = (name: string): string | undefined => req.headers[name]?.[0];
  const auth = parseAuthorization(header('authorization'));
  const secret = opts.secretOf(auth.accessKeyId);
  if (secret === undefined) {
    throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  for (const required of ['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (header(required) === undefined) throw incomplete(`The request must carry the "${required}" header.`);
  }
  for (const name of Object.keys(req.headers)) {
    if (mustSign(name) && !auth.signedHeaders.includes(name)) {
      throw incomplete(`The header "${name}" must be listed in SignedHeaders.`);
    }
  }
  for (const name of auth.signedHeaders) {
    if (req.headers[name] === undefined) throw incomplete(`The signed header "${name}" is not in the request.`);
  }

  const date = header('x-acs-date')!;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new ApiError(400, 'InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted: "${date}" (expected YYYY-MM-DDThh:mm:ssZ).`);
  }
  if (Math.abs(opts.now - Date.parse(date)) > MAX_CLOCK_SKEW_MS) {
    throw new ApiError(400, 'InvalidTimeStamp.Expired', `Specified time stamp or date value is expired: x-acs-date ${date} is more than 15 minutes from the server time ${new Date(opts.now).toISOString().replace(/\.\d{3}Z$/, 'Z')}.`);
  }

  const bodyHash = sha256Hex(req.body);
  if (header('x-acs-content-sha256') !== bodyHash) {
    throw new ApiError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation: x-acs-content-sha256 is not the SHA-256 of the request body.');
  }

  const canonicalHeaders = [...auth.signedHeaders].sort()
    .map((name) => `${name}:${req.headers[name].map((v) => v.trim()).sort().join(',')}\n`).join('');
  const signedList = [...auth.signedHeaders].sort().join(';');
  const canonicalRequest = [req.method.toUpperCase(), '/', canonicalQuery(req.rawQuery), canonicalHeaders, signedList, bodyHash].join('\n');
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest('hex');
  const given = Buffer.from(auth.signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw new ApiError(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign.replace('\n', '\\n')}`);
  }

  if (!opts.useNonce(auth.accessKeyId, header('x-acs-signature-nonce')!, opts.now)) {
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return auth.accessKeyId;
}

const incomplete = (why: string): ApiError => new ApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`);

/** Remembers nonces for the skew window; forgets older ones so memory stays bounded. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  use(accessKeyId: string, nonce: string, now: number): boolean {
    if (this.seen.size > 10_000) this.prune(now);
    const key = `${accessKeyId}\n${nonce}`;
    const at = this.seen.get(key);
    if (at !== undefined && now - at <= MAX_CLOCK_SKEW_MS * 2) return false;
    this.seen.set(key, now);
    return true;
  }

  private prune(now: number): void {
    for (const [k, at] of this.seen) if (now - at > MAX_CLOCK_SKEW_MS * 2) this.seen.delete(k);
  }
}
