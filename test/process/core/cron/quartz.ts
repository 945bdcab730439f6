// Runs the Quartz 2.3.2 reference harness (test/fixtures/quartz/QuartzNext.java), all queries in one JVM.
import { resolve } from 'node:path';
import { harnessClasspath, runHarness, type Harness } from './java-harness';

export const QUARTZ_JAR = '/usr/share/java/quartz2.jar';
const QUARTZ: Harness = { name: 'Quartz', source: resolve(__dirname, '../../../fixtures/quartz/QuartzNext.java'), jars: { [QUARTZ_JAR]: 'libquartz2-java' } };

export interface QuartzQuery { expr: string; zone: string; from: number; n: number }
export type QuartzAnswer = { kind: 'ok'; times: number[] } | { kind: 'invalid' | 'error'; message: string };

/** The harness's classpath (compiled on first use). */
export function quartzClasspath(): string {
  return harnessClasspath(QUARTZ);
}

/** Answers every query with one JVM, in order. `fullJit` for peak speed (benchmarks); C1 starts faster. */
export async function runQuartz(queries: QuartzQuery[], opts: { fullJit?: boolean } = {}): Promise<QuartzAnswer[]> {
  const answers = await runHarness(QUARTZ, 'QuartzNext', queries.map(queryLine), opts);
  return answers.map(([kind, ...rest]) => {
    if (kind === 'OK') return { kind: 'ok', times: rest.map(Number) };
    return { kind: kind === 'INVALID' ? 'invalid' : 'error', message: rest.join(' ') };
  });
}

/** The harnesses' input line: expression, zone, start (epoch ms) and how many fire times. */
export function queryLine(q: QuartzQuery): string {
  return `${q.expr}\t${q.zone}\t${q.from}\t${q.n}`;
}
