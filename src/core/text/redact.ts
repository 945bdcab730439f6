// Secrets out of text: whoever echoes them back (a proxy, a server that copies request headers into
// its error body, a stack trace), the access key secret and security token never reach a terminal,
// an error, a log or the journal. Pure: callers pass the secret values they hold.

export const REDACTED = '***';

/** Secrets shorter than this are not searched for: replacing a 3-letter secret would mangle ordinary text. */
const MIN_SECRET = 6;

/** `text` with every occurrence of each secret replaced by ***. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s === undefined || s.length < MIN_SECRET) continue;
    if (out.includes(s)) out = out.split(s).join(REDACTED);
    // Also as it would appear percent-encoded (in a URL or a form body echoed back).
    const encoded = encodeURIComponent(s);
    if (encoded !== s && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/** A URL (or endpoint text) without its user:password@ part, for messages that name it. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}
