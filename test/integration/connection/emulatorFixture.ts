// Starts our own CLI's emulator from the test (a child process of the extension host), reads its
// first JSON line, and exposes the seed data from its state file as the oracle for the tree tests.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { EXTENSION_ID, withTimeout } from '../helpers';
import { scriptedUi } from '../support/scriptedUi';

export interface SeedTask {
  Id: string;
  Name: string;
  ProjectId: string;
  ProjectEnv: 'Dev' | 'Prod';
  Owner?: string;
  Trigger?: { Type?: string; Cron?: string };
}

export interface RunningEmulator {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  stateFile: string;
  child: ChildProcess;
  /** Seed as written to the state file at start. */
  projects(): { Id: string; Name: string }[];
  tasks(env: 'Dev' | 'Prod', projectId?: string): SeedTask[];
  /** Ids of the seeded resource groups, of the given types when named. */
  resourceGroupIds(types?: string[]): string[];
  dataSourceNames(projectId: string): string[];
  /**
   * The requests it answered, from its own log (stderr): "Action status code time". Waits until at
   * least `atLeast` are there: a line reaches us a moment after its answer reached the client.
   */
  requests(atLeast?: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** Request lines of an emulator log ("ListProjects 200 OK 3ms"), without its other messages. */
export function requestLines(log: string): string[] {
  return log.split('\n').filter((l) => /^[A-Z]\w+ (\d{3}|-) \S+/.test(l));
}

export async function startEmulator(taskCount = 500, extra: string[] = []): Promise<RunningEmulator> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dwtasks-emu-'));
  const stateFile = path.join(dir, 'state.json');
  const child = spawn(
    process.execPath,
    [path.join(ext.extensionPath, 'dist', 'cli.js'), 'emulator', '--json', '--port', '0', '--tasks', String(taskCount), '--state', stateFile, ...extra],
    { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const first = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(await withTimeout(first, 60_000, 'the emulator JSON line')) as { endpoint: string; accessKeyId: string; accessKeySecret: string };
  const read = (): {
    projects: { Id: string; Name: string }[];
    tasks: Record<'Dev' | 'Prod', Record<string, SeedTask>>;
    resourceGroups: { Id: string; ResourceGroupType: string }[];
    dataSources: Record<string, { Name: string }[]>;
  } => JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    ...info,
    stateFile,
    child,
    projects: () => read().projects,
    tasks: (env, projectId) => Object.values(read().tasks[env]).filter((t) => !projectId || t.ProjectId === projectId),
    resourceGroupIds: (types) => read().resourceGroups.filter((g) => !types || types.includes(g.ResourceGroupType)).map((g) => g.Id),
    dataSourceNames: (projectId) => (read().dataSources[projectId] ?? []).map((d) => d.Name),
    requests: (atLeast = 0) => {
      const got = new Promise<string[]>((resolve) => {
        const check = (): void => {
          const lines = requestLines(stderr);
          if (lines.length < atLeast) return;
          child.stderr?.off('data', check);
          resolve(lines);
        };
        child.stderr?.on('data', check); // after the listener that appends to stderr
        check();
      });
      return withTimeout(got, 10_000, `${atLeast} request lines in the emulator log`);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await withTimeout(exited, 10_000, 'the emulator to exit');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Activates the extension (through one of its commands) and returns its API. */
export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext);
  const api = await ext.activate();
  assert.ok(api?.connection && api.tree, 'activate() returns { connection, tree }');
  return api;
}

/**
 * Set Access Key as a user runs it: the pair typed into its two input boxes (the second one masked).
 * `args` are what else the command is given (it must ignore credentials in them).
 */
export async function typeAccessKey(api: ExtensionApi, accessKeyId: string, accessKeySecret: string, args?: object): Promise<unknown> {
  const ui = scriptedUi(api).input(accessKeyId).input(accessKeySecret);
  let ok: unknown;
  try {
    ok = await vscode.commands.executeCommand('dataworks.setAccessKey', ...(args ? [args] : []));
  } finally {
    ui.end();
  }
  assert.deepEqual(ui.inputs.map((i) => [i.prompt, i.password === true]), [['AccessKey ID', false], ['AccessKey Secret (kept in SecretStorage, never in settings or logs)', true]]);
  return ok;
}

/** Points the extension at a running emulator (user-level settings, as the command writes them). */
export async function connectTo(api: ExtensionApi, endpoint: string): Promise<void> {
  const ok = await vscode.commands.executeCommand<boolean>('dataworks.useLocalEmulator', { mode: 'connect', endpoint });
  assert.equal(ok, true);
  const target = api.connection.describe();
  assert.equal(target.endpoint, endpoint);
  assert.equal(target.isEmulator, true);
}
