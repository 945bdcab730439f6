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

/** Median over RUNS (after one warm-up) of the microseconds per expression `f` takes over the set, per locale and form. */
function usPerExpression(f: (i: number, locale: 'en' | 'zh-cn', short: boolean) => string): number {
  const once = (): number => {
    let sink = 0;
    const t0 = performance.now();
    for (const locale of LOCALES) for (const short of [false, true]) for (let i = 0; i < exprs.length; i++) sink += f(i, locale, short).length;
    const ms = performance.now() - t0;
    if (sink === 0) throw new Error('nothing described');
    return (ms * 1000) / (exprs.length * LOCALES.length * 2);
  };
  once();
  return median(Array.from({ length: RUNS }, once));
}

const fields = usPerExpression((i, locale, short) => describeFields(parsed[i], locale, { short }));
const ours = usPerExpression((i, locale, short) => describeCron(exprs[i], locale, { short, ...Q }));
const reference = usPerExpression((i, locale, short) => describeCronReference(exprs[i], locale, { short, ...Q }));
const parse = usPerExpression((i) => (parseCron(exprs[i], 'en', 'quartz').fields ? 'x' : ''));

const us = (n: number): string => `${n.toFixed(2)} us`;
process.stdout.write(`${exprs.length} generated expressions (seed 777, ${new Set(exprs).size} distinct), en + zh-cn, verbose + short; medians of ${RUNS} warm runs\n`);
process.stdout.write(`  describeFields (fields parsed already):      ${us(fields)} per expression (goal <= 3 us); reference / ours ${(reference / fields).toFixed(1)}x\n`);
process.stdout.write(`  describeCron (parse + describe):             ${us(ours)} per expression\n`);
process.stdout.write(`  cronstrue reference (parse + cronstrue):     ${us(reference)} per expression\n`);
process.stdout.write(`  parseCron alone, for scale:                  ${us(parse)} per expression\n`);
process.stdout.write(`  ratio ours / reference, parse included: ${(ours / reference).toFixed(3)}; describe part only: ${((ours - parse) / (reference - parse)).toFixed(3)}\n`);
