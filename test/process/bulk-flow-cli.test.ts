// Issue 12's "Done when", the CI half: against a `dwtasks emulator` process, the built CLI pulls one
// owner's tasks of a project with only RuntimeResource.ResourceGroupId, the file is rewritten (a
// string replace, as a script would), `dwtasks schedule --html` writes a self-contained page for the
// review, `dwtasks apply --yes` sends it, and `dwtasks list` shows the new group on exactly those tasks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parsePatch } from '@src/core/patch/index';
import { builtCli } from './built-cli';

interface SeedTask { Id: string; ProjectId: string; Owner: string; RuntimeResource?: { ResourceGroupId?: string } }
interface Seed {
  projects: { Id: string; Name: string }[];
  tasks: Record<'Dev' | 'Prod', Record<string, SeedTask>>;
  resourceGroups: { Id: string; ResourceGroupType: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'dw-bulk-cli-'));
const state = join(dir, 'state.json');
let cli = '';
let emulator: ChildProcessWithoutNullStreams | undefined;
let endpoint = '';
let env: NodeJS.ProcessEnv = process.env;

before(async () => {
  cli = builtCli();
  emulator = spawn(process.execPath, [cli, 'emulator', '--json', '--port', '0', '--tasks', '600', '--state', state], { cwd: dir });
  const child = emulator;
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const info = JSON.parse(first) as { endpoint: string; accessKeyId: string; accessKeySecret: string };
  endpoint = info.endpoint;
  env = { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: info.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.accessKeySecret };
});

after(async () => {
  if (emulator && emulator.exitCode === null) {
    const exited = new Promise((r) => emulator!.once('exit', r));
    emulator.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function dwtasks(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CI: dwtasks pull --owner --fields ResourceGroupId -> rewrite -> schedule --html -> apply --yes -> list', () => {
  const seed = JSON.parse(readFileSync(state, 'utf8')) as Seed;
  const prod = Object.values(seed.tasks.Prod);
  // The owner with the fewest Prod tasks of a project, at least 5: a small, real bulk change.
  const counts = new Map<string, SeedTask[]>();
  for (const t of prod) counts.set(`${t.ProjectId}/${t.Owner}`, [...(counts.get(`${t.ProjectId}/${t.Owner}`) ?? []), t]);
  const [key, owned] = [...counts].filter(([, ts]) => ts.length >= 5).sort((a, b) => a[1].length - b[1].length)[0]!;
  const [project, owner] = key.split('/') as [string, string];
  const ids = owned.map((t) => t.Id).sort();
  // The CommonV2 group the fewest of them use now, so most of them change.
  const groups = seed.resourceGroups.filter((g) => g.ResourceGroupType === 'CommonV2').map((g) => g.Id);
  const target = groups.map((g) => ({ g, n: owned.filter((t) => t.RuntimeResource?.ResourceGroupId === g).length })).sort((a, b) => a.n - b.n)[0]!.g;
  assert.ok(owned.some((t) => t.RuntimeResource?.ResourceGroupId !== target));

  const file = join(dir, 'owner.dwtasks.json');
  let r = dwtasks(['pull', '--project', project, '--owner', owner, '--fields', 'RuntimeResource.ResourceGroupId', '--out', file, '--endpoint', endpoint, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { file, count: ids.length, total: ids.length });
  const pulled = readFileSync(file, 'utf8');
  const entries = parsePatch(pulled).tasks;
  assert.deepEqual(entries.map((t) => t.id).sort(), ids, 'exactly the owner\'s tasks');
  for (const e of entries) {
    const v = e.value as { RuntimeResource?: Record<string, unknown> };
    assert.deepEqual(Object.keys(e.value).sort(), ['EnvType', 'Id', 'RuntimeResource'], JSON.stringify(e.value));
    assert.deepEqual(Object.keys(v.RuntimeResource ?? {}), ['ResourceGroupId']);
  }

  // The CI script's edit: every group id in the file becomes the target group.
  const edited = pulled.replace(/("ResourceGroupId":\s*")[^"]+"/g, `$1${target}"`);
  assert.equal(edited.split(target).length - 1, ids.length);
  writeFileSync(file, edited);

  const html = join(dir, 'out.html');
  r = dwtasks(['schedule', file, '--endpoint', endpoint, '--html', html]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(html), 'the page is written');
  const page = readFileSync(html, 'utf8');
  assert.match(page, /<svg[\s>]/, 'inline SVG');
  assert.doesNotMatch(page, /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i, 'no network reference');
  assert.doesNotMatch(page, /<script[^>]+src=|<link[^>]+href=/i, 'nothing loaded from elsewhere');

  r = dwtasks(['apply', file, '--yes', '--project', project, '--endpoint', endpoint]);
  assert.equal(r.status, 0, r.stdout + r.stderr);

  r = dwtasks(['list', '--project', project, '--json', '--endpoint', endpoint]);
  assert.equal(r.status, 0, r.stderr);
  const now = JSON.parse(r.stdout) as SeedTask[];
  const onTarget = now.filter((t) => t.RuntimeResource?.ResourceGroupId === target).map((t) => t.Id);
  const wasOnTarget = prod.filter((t) => t.ProjectId === project && t.RuntimeResource?.ResourceGroupId === target).map((t) => t.Id);
  assert.deepEqual(onTarget.sort(), [...new Set([...wasOnTarget, ...ids])].sort(), 'the new group on exactly those tasks (and the ones already on it)');
  for (const t of now.filter((x) => !ids.includes(x.Id))) {
    assert.equal(t.RuntimeResource?.ResourceGroupId, seed.tasks.Prod[t.Id]?.RuntimeResource?.ResourceGroupId ?? t.RuntimeResource?.ResourceGroupId, `task ${t.Id} untouched`);
  }
});
