// A reference harness in Java (test/fixtures/<lib>/*.java): compiled with javac into a temp dir
// keyed by the source's hash, fed all queries on stdin in one JVM, one answer line per query.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface Harness {
  /** Shown in errors: "Quartz", "Spring". */
  name: string;
  source: string;
  /** Jar path -> the Debian package that installs it. */
  jars: Record<string, string>;
}

/** Compiles the harness once per source version; fails loudly if Java or a jar is missing. */
export function harnessClasspath(h: Harness): string {
  for (const [jar, pkg] of Object.entries(h.jars)) {
    if (!existsSync(jar)) throw new Error(`${jar} is missing: install ${pkg} (scripts/setup-system.sh does)`);
  }
  const jars = Object.keys(h.jars).join(':');
  const source = readFileSync(h.source);
  const hash = createHash('sha256').update(source).update(jars).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `dwtasks-${h.name.toLowerCase()}-${hash}`);
  if (!existsSync(join(dir, `${basename(h.source, '.java')}.class`))) {
    const work = `${dir}.${process.pid}.tmp`;
    mkdirSync(work, { recursive: true });
    try {
      execFileSync('javac', ['-nowarn', '-cp', jars, '-d', work, h.source], { stdio: 'pipe' });
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
  return `${dir}:${jars}`;
}

/** One JVM answers every input line, in order: the answer lines split on tabs. `fullJit` for peak speed (benchmarks); C1 starts faster. */
export function runHarness(h: Harness, className: string, lines: string[], opts: { fullJit?: boolean } = {}): Promise<string[][]> {
  const cp = harnessClasspath(h);
  return new Promise((resolvePromise, reject) => {
    const jit = opts.fullJit ? [] : ['-XX:TieredStopAtLevel=1'];
    const child = spawn('java', ['-Xshare:auto', ...jit, '-cp', cp, className], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new Error(`cannot run java: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${h.name} harness exited ${code}: ${Buffer.concat(err).toString()}`));
      const answers = Buffer.concat(out).toString('utf8').split('\n');
      answers.pop();
      if (answers.length !== lines.length) return reject(new Error(`${h.name} harness answered ${answers.length} of ${lines.length} queries`));
      resolvePromise(answers.map((a) => a.split('\t')));
    });
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}
