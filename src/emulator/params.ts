// Request parameters of an RPC call: query and form body merged (the gateway takes either), with
// JSON-string parameters parsed losslessly so int64 ids keep every digit.
import { isLosslessNumber, parse as parseLossless, type LosslessNumber } from 'lossless-json';
import { invalidParameter, missingParameter } from './errors';

export class Params {
  constructor(private readonly values: Map<string, string>) {}

  has(name: string): boolean {
    const v = this.values.get(name);
    return v !== undefined && v !== '';
  }

  str(name: string): string | undefined {
    const v = this.values.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  required(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw missingParameter(name);
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw invalidParameter(name, `"${v}" is not one of ${allowed.join(', ')}.`);
    return v as T;
  }

  int(name: string, min: number, max: number): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw invalidParameter(name, `"${v}" must be an integer from ${min} to ${max}.`);
    }
    return Number(v);
  }

  /** An int64 id as digits. */
  id(name: string): string | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!isIdDigits(v)) throw invalidParameter(name, `"${v}" is not an int64 id.`);
    return normalizeDigits(v);
  }

  /** A JSON-string parameter, numbers kept as LosslessNumber. */
  json(name: string): unknown {
    const v = this.str(name);
    if (v === undefined) return undefined;
    try {
      return parseLossless(v);
    } catch (err) {
      throw invalidParameter(name, `it must be one JSON value (${(err as Error).message}).`);
    }
  }

  /** A JSON array of int64 ids (numbers or digit strings). */
  idList(name: string): string[] | undefined {
    const v = this.json(name);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw invalidParameter(name, 'it must be a JSON array of ids.');
    return v.map((item, i) => {
      const digits = idOf(item);
      if (digits === undefined) throw invalidParameter(`${name}.${i + 1}`, `${String(item)} is not an int64 id.`);
      return digits;
    });
  }
}

const INT64_MAX = 9223372036854775807n;

export function isIdDigits(s: string): boolean {
  return /^\d{1,19}$/.test(s) && BigInt(s) > 0n && BigInt(s) <= INT64_MAX;
}

const normalizeDigits = (s: string): string => BigInt(s).toString();

/** Digits of an int64 id given as a JSON number (lossless) or a digit string; undefined otherwise. */
export function idOf(v: unknown): string | undefined {
  const text = isLosslessNumber(v) ? (v as LosslessNumber).value : typeof v === 'string' ? v : undefined;
  return text !== undefined && isIdDigits(text) ? normalizeDigits(text) : undefined;
}
