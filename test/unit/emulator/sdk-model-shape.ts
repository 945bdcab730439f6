// Test helper: walks an API answer against the SDK model facts (test/fixtures/sdk-models) and lists
// every field the model does not declare and every value of the wrong JSON type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLosslessNumber } from 'lossless-json';

interface Facts {
  responses: Record<string, string>;
  models: Record<string, Record<string, string>>;
}

export const SDK_FACTS = JSON.parse(readFileSync(join(__dirname, '../../fixtures/sdk-models/dataworks-public-20240518.json'), 'utf8')) as Facts;

export interface ShapeReport {
  problems: string[];
  /** `Model.Field` for every declared field the answer carried. */
  seen: Set<string>;
}

/** Checks a lossless-parsed answer of `action` against its response model. */
export function checkShape(action: string, body: unknown, report: ShapeReport = { problems: [], seen: new Set() }): ShapeReport {
  const model = SDK_FACTS.responses[action];
  if (!model) report.problems.push(`${action}: no response model in the facts`);
  else checkValue(model, body, action, report);
  return report;
}

function checkValue(type: string, v: unknown, path: string, report: ShapeReport): void {
  const fail = (why: string): void => { report.problems.push(`${path}: ${why} (model type ${type})`); };
  if (type === 'any') return;
  if (type === 'string') { if (typeof v !== 'string') fail(`is ${jsonType(v)}`); return; }
  if (type === 'number') { if (typeof v !== 'number' && !isLosslessNumber(v)) fail(`is ${jsonType(v)}`); return; }
  if (type === 'boolean') { if (typeof v !== 'boolean') fail(`is ${jsonType(v)}`); return; }
  if (type.endsWith('[]')) {
    if (!Array.isArray(v)) { fail(`is ${jsonType(v)}`); return; }
    v.forEach((item, i) => checkValue(type.slice(0, -2), item, `${path}[${i}]`, report));
    return;
  }
  const map = /^map<(.+)>$/.exec(type);
  if (map) {
    if (jsonType(v) !== 'an object') { fail(`is ${jsonType(v)}`); return; }
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) checkValue(map[1]!, item, `${path}.${k}`, report);
    return;
  }
  const fields = SDK_FACTS.models[type];
  if (!fields) { fail('names a model the facts do not hold (read it from the SDK first)'); return; }
  if (jsonType(v) !== 'an object') { fail(`is ${jsonType(v)}`); return; }
  for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
    const fieldType = fields[k];
    if (fieldType === undefined) { report.problems.push(`${path}.${k}: the model ${type} has no field ${k}`); continue; }
    report.seen.add(`${type}.${k}`);
    checkValue(fieldType, item, `${path}.${k}`, report);
  }
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (isLosslessNumber(v)) return 'a number';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
