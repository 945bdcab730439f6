// Describing a cron expression in words: our describer (src/core/cron/describe-fields.ts) against
// the cronstrue-based one it replaced (test/unit/core/cron/cronstrue-reference.ts), in this process,
// warm, on the cron bench's generator set (seed 777, every field form, valid, Quartz numbering).
//  - describeFields on already-parsed fields (what `dwtasks cron -` pays once it has parsed the
//    line): goal <= 3 us per expression;
//  - describeCron (parse + describe) against the reference (parse + cronstrue), same inputs:
//    the ratio is the speed-up users get.
// Run: npm run bench -- describe (or node --import tsx bench/describe.bench.ts [--count N] [--runs N]).
import { checkCron } from '../src/core/cron/index';
import { describeCron, describeFields } from '../src/core/cron/describe';
import { parseCron, type ParsedField } from '../src/core/cron/parse';
import { describeCronReference } from '../test/unit/core/cron/cronstrue-reference';
import { CronGenerator } from '../test/unit/core/cron/generate';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const COUNT = arg('count', 30_000);
const RUNS = arg('runs', 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const Q = { weekdays: 'quartz' } as const;
const LOCALES = ['en', 'zh-cn'] as const;

const exprs: string[] = [];
for (const gen = new CronGenerator(777); exprs.length < COUNT;) {
  const e = gen.expression();
  if (checkCron(e, 'en', Q).valid) exprs.push(e);
}
const parsed: ParsedField[][] = exprs.map((e) => parseCron(e, 'en', 'quartz').fields!);

type Describe = (i: number, locale: 'en' | 'zh-cn', short: boolean) => string;

/** Microseconds per expression `f` takes over the set (one pass), per locale and form or English verbose alone (the CLI's). */
function pass(f: Describe, enOnly = false): number {
  let sink = 0;
  const forms = enOnly ? [['en', false]] as const : LOCALES.flatMap((l) => [[l, false], [l, true]] as const);
  const t0 = performance.now();
  for (const [locale, short] of forms) for (let i = 0; i < exprs.length; i++) sink += f(i, locale, short).length;
  const ms = performance.now() - t0;
  if (sink === 0) throw new Error('nothing described');
  return (ms * 1000) / (exprs.length * forms.length);
}

const fieldsOf: Describe = (i, locale, short) => describeFields(parsed[i], locale, { short });
const referenceOf: Describe = (i, locale, short) => describeCronReference(exprs[i], locale, { short, ...Q });
const cases = {
  fields: () => pass(fieldsOf),
  fieldsEn: () => pass(fieldsOf, true),
  ours: () => pass((i, locale, short) => describeCron(exprs[i], locale, { short, ...Q })),
  reference: () => pass(referenceOf),
  referenceEn: () => pass(referenceOf, true),
  parse: () => pass((i) => (parseCron(exprs[i], 'en', 'quartz').fields ? 'x' : '')),
};
type Case = keyof typeof cases;
const CASES = Object.keys(cases) as Case[];
// Rounds interleave the cases, so a load change on this shared machine hits them alike; medians per case.
const times = Object.fromEntries(CASES.map((k) => [k, [] as number[]])) as Record<Case, number[]>;
for (const k of CASES) cases[k](); // warm-up
for (let r = 0; r < RUNS; r++) for (const k of CASES) times[k].push(cases[k]());
const [fields, fieldsEn, ours, reference, referenceEn, parse] = CASES.map((k) => median(times[k]));

const us = (n: number): string => `${n.toFixed(2)} us`;
process.stdout.write(`${exprs.length} generated expressions (seed 777, ${new Set(exprs).size} distinct), en + zh-cn, verbose + short; medians of ${RUNS} interleaved warm rounds\n`);
process.stdout.write(`  describeFields (fields parsed already):      ${us(fields)} per expression (goal <= 3 us); reference / ours ${(reference / fields).toFixed(1)}x\n`);
process.stdout.write(`    English verbose alone (what the CLI asks): ${us(fieldsEn)} per expression; reference / ours ${(referenceEn / fieldsEn).toFixed(1)}x\n`);
process.stdout.write(`  describeCron (parse + describe):             ${us(ours)} per expression\n`);
process.stdout.write(`  cronstrue reference (parse + cronstrue):     ${us(reference)} per expression\n`);
process.stdout.write(`  parseCron alone, for scale:                  ${us(parse)} per expression\n`);
process.stdout.write(`  ratio describeCron / reference (both parse): ${(ours / reference).toFixed(3)}\n`);
