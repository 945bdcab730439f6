// examples/ci: the GitHub Actions workflow and the GitLab CI file, their own shell commands run
// against the emulator with the built CLI as `dwtasks` on PATH. Pull request: validate, the plan as
// markdown, the schedule as HTML, the saved plan; merge: apply that saved plan, keep the journal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeJournal } from '@src/core/apply/journal';
import { startFixture, tasksOf, type Fixture } from '../unit/core/apply/support/emulator-fixture';
import { builtCli, ROOT } from './built-cli';

let fx: Fixture;
let bin: string;
before(async () => {
  fx = await startFixture({ tasks: 300 });
  bin = mkdtempSync(join(tmpdir(), 'dwci-bin-'));
  writeFileSync(join(bin, 'dwtasks'), `#!/bin/sh\nexec "${process.execPath}" "${builtCli()}" "$@"\n`);
  chmodSync(join(bin, 'dwtasks'), 0o755);
});
after(async () => { await fx.emu.close(); });

/**
 * The shell of one job: its `run:` (GitHub) or `script:` items (GitLab), block scalars included, in
 * order; the `npm install` of dwtasks is left out (the built CLI is on PATH).
 */
function jobShell(yaml: string, job: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*${job}:\\s*$`).test(l));
  assert.ok(start >= 0, `job ${job}`);
  const jobIndent = lines[start].search(/\S/);
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && (lines[i].trim() === '' || lines[i].search(/\S/) > jobIndent); i++) {
    const run = /^(\s*)(?:- )?run: (.*)$/.exec(lines[i]) ?? (/^\s*script:\s*$/.test(lines[i]) ? null : undefined);
    const item = /^(\s*)- (.*)$/.exec(lines[i]);
    const inScript = out.length > 0 || lines.slice(start, i).some((l) => /^\s*script:\s*$/.test(l));
    const cmd = run ? run[2] : inScript && item && !/^\s*- (uses|name|if|with):/.test(lines[i]) ? item[2] : undefined;
    if (cmd === undefined) continue;
    if (cmd === '|') {
      const indent = lines[i + 1].search(/\S/);
      const block: string[] = [];
      for (i++; i < lines.length && (lines[i].trim() === '' || lines[i].search(/\S/) >= indent); i++) block.push(lines[i].slice(indent));
      i--;
      out.push(block.join('\n'));
    } else if (!cmd.startsWith('npm install')) {
      out.push(cmd);
    }
  }
  return out.join('\n');
}

/** Runs asynchronously: the emulator answers from this process. */
async function runShell(script: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-e', '-c', script], {
    cwd, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, DWTASKS_CONNECTION: `--endpoint ${fx.emu.endpoint}`, GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
      ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { status, stdout, stderr };
}

for (const [file, planJob, applyJob] of [['github-actions.yml', 'plan', 'apply'], ['gitlab-ci.yml', 'dataworks-plan', 'dataworks-apply']] as const) {
  test(`examples/ci/${file}: the pull request's plan (markdown, HTML schedule, saved plan), then the merge applies that plan and keeps the journal`, async () => {
    const yaml = readFileSync(join(ROOT, 'examples', 'ci', file), 'utf8');
    const repo = mkdtempSync(join(tmpdir(), 'dwci-repo-'));
    mkdirSync(join(repo, 'dataworks'));
    const tasks = tasksOf(fx.emu, 'Prod').filter((t) => t.Trigger.Type === 'Scheduler').slice(file.startsWith('github') ? 0 : 10, file.startsWith('github') ? 3 : 13);
    writeFileSync(join(repo, 'dataworks', 'nightly.dwtasks.json'), `{"Comment": "ci example", "Tasks": [${tasks.map((t) => `{"Id": ${t.Id}, "Trigger": {"Cron": "00 17 05 * * ?"}}`).join(', ')}]}`);

    const plan = await runShell(jobShell(yaml, planJob), repo);
    assert.equal(plan.status, 0, plan.stderr);
    const md = readFileSync(join(repo, 'out', 'nightly.plan.md'), 'utf8');
    assert.match(md, /\*\*3\*\* tasks to send/);
    for (const t of tasks) assert.ok(md.includes(`| ${t.Id} | Trigger.Cron |`), md);
    assert.match(readFileSync(join(repo, 'out', 'nightly.schedule.html'), 'utf8'), /<svg/);
    assert.ok(existsSync(join(repo, 'out', 'plans', 'nightly.plan.json')));
    assert.ok(tasks.every((t) => fx.emu.snapshot().tasks.Prod[t.Id].Trigger.Cron === t.Trigger.Cron), 'the plan sent nothing');

    // The reviewed plan is committed; the merge applies it.
    cpSync(join(repo, 'out', 'plans'), join(repo, 'dataworks', 'plans'), { recursive: true });
    const apply = await runShell(jobShell(yaml, applyJob), repo);
    assert.equal(apply.status, 0, apply.stderr);
    assert.match(apply.stderr, /Applying the saved plan dataworks\/plans\/nightly\.plan\.json/);
    for (const t of tasks) assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Trigger.Cron, '00 17 05 * * ?');
    const journals = readdirSync(join(repo, 'out', 'journal')).filter((n) => n.endsWith('.jsonl'));
    assert.deepEqual(journals, ['nightly.jsonl']);
    assert.equal(summarizeJournal(readFileSync(join(repo, 'out', 'journal', 'nightly.jsonl'), 'utf8')).counts.succeeded, 3);
  });
}
