// Response bodies: int64 fields (task, project, workflow ids) are written as bare JSON numbers with
// every digit, as the real service does; everything else is ordinary JSON.
import { LosslessNumber, stringify } from 'lossless-json';

/** Marks a digit string to be written as a bare JSON number. */
export const int64 = (digits: string): LosslessNumber => new LosslessNumber(digits);

export function toWireJson(body: unknown): string {
  return stringify(body) ?? 'null';
}
