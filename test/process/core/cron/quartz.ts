// Runs the Quartz 2.3.2 reference harness (test/fixtures/quartz/QuartzNext.java): compiled with javac
// into a temp dir keyed by the source's hash, fed all queries on stdin in one JVM.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const QUARTZ_JAR = '/usr/share/java/quartz2.jar';
const SOURCE = resolve(__dirname, '../../../fixtures/quartz/QuartzNext.java');

export interface QuartzQuery { expr: string; zone: string; from: number; n: number }
export type QuartzAnswer = { kind: 'ok'; times: number[] } | { kind: 'invalid' | 'error'; message: string };

/** Compiles the harness once per source version; fails loudly if Java or Quartz is missing. */
export function quartzClasspath(): string {
  if (!existsSync(QUARTZ_JAR)) throw new Error(`${QUARTZ_JAR} is missing: install libquartz2-java (.ci/run does)`);
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `dwtasks-quartz-${hash}`);
  if (!existsSync(join(dir, 'QuartzNext.class'))) {
    const work = `${dir}.${process.pid}.tmp`;
    mkdirSync(work, { recursive: true });
    try {
      execFileSync('javac', ['-nowarn', '-cp', QUARTZ_JAR, '-d', work, SOURCE], { stdio: 'pipe' });
    } catch (e) {
      rmSync(work, { recursive: true, force: true });
      const err = e as { code?: string; stderr?: Buffer };
      throw new Error(err.code === 'ENOENT' ? 'javac not found: install a JDK (default-jdk-headless)' : `javac failed: ${err.stderr?.toString() ?? String(e)}`);
    }
    try {
      renameSync(work, dir);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another process won the race
    }
  }
  return `${dir}:${QUARTZ_JAR}`;
}

/** Answers every query with one JVM, in order. `fullJit` for peak speed (benchmarks); C1 starts faster. */
export function runQuartz(queries: QuartzQuery[], opts: { fullJit?: boolean } = {}): Promise<QuartzAnswer[]> {
  const cp = quartzClasspath();
  return new Promise((resolvePromise, reject) => {
    const jit = opts.fullJit ? [] : ['-XX:TieredStopAtLevel=1'];
    const child = spawn('java', ['-Xshare:auto', ...jit, '-cp', cp, 'QuartzNext'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new Error(`cannot run java: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Quartz harness exited ${code}: ${Buffer.concat(err).toString()}`));
      const lines = Buffer.concat(out).toString('utf8').split('\n');
      lines.pop();
      if (lines.length !== queries.length) return reject(new Error(`Quartz harness answered ${lines.length} of ${queries.length} queries`));
      resolvePromise(lines.map((line) => {
        const [kind, ...rest] = line.split('\t');
        if (kind === 'OK') return { kind: 'ok', times: rest.map(Number) };
        return { kind: kind === 'INVALID' ? 'invalid' : 'error', message: rest.join(' ') };
      }));
    });
    child.stdin.end(queries.map((q) => `${q.expr}\t${q.zone}\t${q.from}\t${q.n}\n`).join(''));
  });
}
