// Pretty JSON of a task as the service sent it: values under id-like keys (Id, ProjectId, ...) that
// the client kept as digit strings are written back as bare digits, so int64 ids read exactly.
const ID_KEY = /(Id|Ids|ID)$/;
const DIGITS = /^-?\d+$/;

export function taskJsonText(value: unknown): string {
  return write(value, undefined, 0) + '\n';
}

function write(value: unknown, key: string | undefined, depth: number): string {
  if (typeof value === 'string' && key !== undefined && ID_KEY.test(key) && DIGITS.test(value)) return value;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + write(v, key, depth + 1)).join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${write(v, k, depth + 1)}`).join(',\n')}\n${close}}`;
}
