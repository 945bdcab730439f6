// Runs the Spring reference harness (test/fixtures/spring/SpringNext.java): Spring 4.3's
// CronSequenceGenerator from Debian's libspring-context-java, the generator DataWorks' docs name.
import { resolve } from 'node:path';
import { runHarness, type Harness } from './java-harness';
import { queryLine, type QuartzQuery } from './quartz';

const SPRING: Harness = {
  name: 'Spring',
  source: resolve(__dirname, '../../../fixtures/spring/SpringNext.java'),
  // Debian names the 4.3 jars spring3-*; spring-core needs commons-logging at run time.
  jars: {
    '/usr/share/java/spring3-context.jar': 'libspring-context-java',
    '/usr/share/java/spring3-core.jar': 'libspring-core-java',
    '/usr/share/java/commons-logging.jar': 'libcommons-logging-java',
  },
};

/**
 * `ok`: the n fire times; `none`: Spring gave up looking (a schedule that never fires) after `times`;
 * `invalid`: the constructor rejected the expression; `error`: anything else.
 */
export type SpringAnswer = { kind: 'ok'; times: number[] } | { kind: 'none'; message: string; times: number[] } | { kind: 'invalid' | 'error'; message: string };

export async function runSpring(queries: QuartzQuery[]): Promise<SpringAnswer[]> {
  const answers = await runHarness(SPRING, 'SpringNext', queries.map(queryLine));
  return answers.map(([kind, ...rest]): SpringAnswer => {
    if (kind === 'OK') return { kind: 'ok', times: rest.map(Number) };
    if (kind === 'NONE') return { kind: 'none', message: rest[0] ?? '', times: rest.slice(1).map(Number) };
    return { kind: kind === 'INVALID' ? 'invalid' : 'error', message: rest.join(' ') };
  });
}
