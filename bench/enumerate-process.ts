// Our side of bench/cron-enumerate.bench.ts as a process (bundled by the bench): lines
// "expr<TAB>zone<TAB>fromMs<TAB>toMs" in; per line "OK<TAB>count<TAB>sum of epoch seconds" out, over
// fireTimesBetween (compiled once per line, as the schedule picture does per task).
import { createInterface } from 'node:readline';
import { compileCron, fireTimesBetween } from '@src/core/cron/index';

async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out = '';
  for await (const line of rl) {
    const [expr, zone, from, to] = line.split('\t');
    let n = 0;
    let sum = 0;
    for (const t of fireTimesBetween(compileCron(expr, { weekdays: 'quartz' }) /* the set's weekday numbers are Quartz's, as the reference reads them */, Number(from), Number(to), zone)) {
      n++;
      sum += t / 1000;
    }
    out += `OK\t${n}\t${sum}\n`;
  }
  process.stdout.write(out);
}

void main();
