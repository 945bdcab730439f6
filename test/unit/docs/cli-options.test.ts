// The docs cannot drift from what ships: every command in the CLI's table has a section in
// docs/cli.md whose options are exactly those its --help lists (a new command or option fails here
// until it is documented), every setting the manifest contributes is in both READMEs, every command
// it contributes is in the extension's README, and every ALIBABA_CLOUD_* variable src/ reads is in
// docs/cli.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commands } from '@src/cli/commands/index';
import { MAX_DEPTH, MAX_PATCH_BYTES } from '@src/core/patch/limits';
import { runCommand } from '../cli/apply-cli-io';

const root = resolve(__dirname, '../../..');
const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');
const cliDoc = read('docs/cli.md');
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** The options a --help text lists: each indented line that starts with --name. */
export function helpOptions(help: string): string[] {
  return sorted([...help.matchAll(/^\s+(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]));
}

/** The options a docs/cli.md section lists: the first cell of each table row. */
export function docOptions(section: string): string[] {
  return sorted([...section.matchAll(/^\| `(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]));
}

function docSection(name: string): string | undefined {
  const start = cliDoc.indexOf(`\n## \`dwtasks ${name}\`\n`);
  if (start < 0) return undefined;
  const end = cliDoc.indexOf('\n## ', start + 1);
  return cliDoc.slice(start, end < 0 ? undefined : end);
}

test('the option readers see options in both forms (the comparisons below can fail)', () => {
  assert.deepEqual(helpOptions('Usage: x --not-this\n  --json   print\n  --rps N  rate\n     --next N more'), ['--json', '--next', '--rps']);
  assert.deepEqual(docOptions('| `--json` | x |\n| `--rps N` | y |\ntext `--not-this`'), ['--json', '--rps']);
});

for (const name of Object.keys(commands)) {
  test(`dwtasks ${name}: docs/cli.md lists exactly the options of its --help`, async () => {
    const r = await runCommand(commands[name], ['--help'], {});
    assert.equal(r.code, 0, r.stderr);
    const fromHelp = helpOptions(r.stdout);
    assert.ok(fromHelp.length > 0, `dwtasks ${name} --help lists no option:\n${r.stdout}`);
    const section = docSection(name);
    assert.ok(section, `docs/cli.md has no section "## \`dwtasks ${name}\`": document the command and each of its options`);
    assert.deepEqual(docOptions(section), fromHelp, `docs/cli.md's table for dwtasks ${name} differs from its --help`);
    assert.ok(cliDoc.includes(`[${name}](#dwtasks-${name})`), `docs/cli.md's command list lacks ${name}`);
  });
}

interface Manifest { contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string }[] } }
const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;

test('every setting the manifest contributes is documented in the README and the extension README', () => {
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.ok(settings.length >= 10, settings.join(', '));
  for (const doc of ['README.md', 'docs/extension-readme.md']) {
    const text = read(doc);
    assert.deepEqual(settings.filter((s) => !text.includes(`\`${s}\``)), [], `${doc} lacks these settings`);
  }
});

test('every command the manifest contributes is named in the extension README', () => {
  const text = read('docs/extension-readme.md');
  const titles = manifest.contributes.commands.map((c) => nls[c.title.slice(1, -1)] ?? c.title);
  assert.ok(titles.length >= 20, titles.join(', '));
  assert.deepEqual(titles.filter((t) => !text.includes(`**${t}**`)), [], 'docs/extension-readme.md lacks these commands (as **Title**)');
});

test('the extension README names every dwtasks command', () => {
  const commands = readdirSync(join(root, 'src/cli/commands')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
  assert.ok(commands.length >= 10, commands.join(', '));
  const text = read('docs/extension-readme.md');
  assert.deepEqual(commands.filter((c) => !text.includes(`\`${c}\``)), [], 'docs/extension-readme.md lacks these commands');
});

test('every ALIBABA_CLOUD_* environment variable in src/ is documented in docs/cli.md', () => {
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const names = sorted(sources.flatMap((f) => [...read(join('src', f)).matchAll(/\bALIBABA_CLOUD_[A-Z_]+\b/g)].map((m) => m[0])));
  assert.ok(names.includes('ALIBABA_CLOUD_SECURITY_TOKEN'), names.join(', '));
  assert.deepEqual(names.filter((n) => !cliDoc.includes(`\`${n}\``)), []);
});

test('the limits and the exit codes are in docs/cli.md, each exit code with whether to retry', () => {
  assert.ok(cliDoc.includes(`**${MAX_PATCH_BYTES / 2 ** 20} MB**`), 'the size limit');
  assert.ok(cliDoc.includes(`**${MAX_DEPTH} levels**`), 'the nesting limit');
  for (const code of [0, 1, 2, 3]) assert.match(cliDoc, new RegExp(`^\\| ${code} \\| .+ \\| .+ \\|$`, 'm'), `exit code ${code}`);
});
