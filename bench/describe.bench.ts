// Describing a cron expression in words: our describer (src/core/cron/describe-fields.ts) against
// the cronstrue-based one it replaced (test/unit/core/cron/cronstrue-reference.ts), in this process,
// warm, on the cron bench's generator set (seed 777, every field form, valid, Quartz numbering).
//  - describeFields on already-parsed fields (what `dwtasks cron -` pays once it has parsed the
//    line): goal <= 3 us per expression;
//  - describeCron (parse + describe) against the reference (parse + cronstrue), same inputs:
//    the ratio is the speed-up users get.
// Run: npm run bench -- describe (or node --import tsx bench/describe.bench.ts [--count N] [--runs N]).
import { checkCron } from '@src/core/cron/index';
import { describeCron, describeFields } from '@src/core/cron/describe';
import { parseCron, type ParsedField } from '@src/core/cron/parse';
import { describeCronReference } from '../test/unit/core/cron/cronstrue-reference';
import { CronGenerator } from '../test/unit/core/cron/generate';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const COUNT = arg('count', 30_000);
const RUNS = arg('runs', 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const Q = { weekdays: 'quartz' } as const;
const LOCALES = ['en', 'zh-cn'] as const;

const exprs: string[] = [];
for (const gen = new CronGenerator(777); exprs.length < COUNT;) {
  const e = gen.expression();
  if (checkCron(e, 'en', Q).valid) exprs.push(e);
}
const parsed: ParsedField[][] = exprs.map((e) => parseCron(e, 'en', 'quartz').fields!);

const ALL_FORMS = LOCALES.flatMap((l) => [[l, false], [l, true]] as const);
const EN_VERBOSE = [['en', false]] as const;

/** Microseconds per expression and form of one pass (`loop` returns its output's total length). */
function timed(forms: readonly (readonly ['en' | 'zh-cn', boolean])[], loop: (forms: readonly (readonly ['en' | 'zh-cn', boolean])[]) => number): number {
  const t0 = performance.now();
  const sink = loop(forms);
  const ms = performance.now() - t0;
  if (sink === 0) throw new Error('nothing described');
  return (ms * 1000) / (exprs.length * forms.length);
}

// Each case has its own loop, so no call site is shared between them.
const fieldsLoop = (forms: readonly (readonly ['en' | 'zh-cn', boolean])[]): number => {
  let n = 0;
  for (const [locale, short] of forms) for (let i = 0; i < parsed.length; i++) n += describeFields(parsed[i], locale, { short }).length;
  return n;
};
const referenceLoop = (forms: readonly (readonly ['en' | 'zh-cn', boolean])[]): number => {
  let n = 0;
  for (const [locale, short] of forms) for (let i = 0; i < exprs.length; i++) n += describeCronReference(exprs[i], locale, { short, ...Q }).length;
  return n;
};
const cases = {
  fields: () => timed(ALL_FORMS, fieldsLoop),
  fieldsEn: () => timed(EN_VERBOSE, fieldsLoop),
  ours: () => timed(ALL_FORMS, (forms) => {
    let n = 0;
    for (const [locale, short] of forms) for (let i = 0; i < exprs.length; i++) n += describeCron(exprs[i], locale, { short, ...Q }).length;
    return n;
  }),
  reference: () => timed(ALL_FORMS, referenceLoop),
  referenceEn: () => timed(EN_VERBOSE, referenceLoop),
  parse: () => timed(EN_VERBOSE, () => {
    let n = 0;
    for (let i = 0; i < exprs.length; i++) n += parseCron(exprs[i], 'en', 'quartz').tokens.length;
    return n;
  }),
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
