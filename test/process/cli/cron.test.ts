// `dwtasks cron` as the built CLI, fed 10,000 lines on stdin.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { checkCron } from '@src/core/cron';
import { CronGenerator } from '../../unit/core/cron/generate';
import { builtCli } from '../built-cli';

const FROM_S = String(Date.parse('2026-11-28T00:00:00Z') / 1000);

describe('built dist/cli.js cron', () => {
  let cli = '';
  before(() => { cli = builtCli(); });

  test('streams 10,000 stdin lines: count and order kept, validity as checkCron', async () => {
    const gen = new CronGenerator(42);
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 97 === 3 ? `broken ${i}` : gen.expression()));
    const child = spawn(process.execPath, [cli, 'cron', '--from', FROM_S, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    child.stdin.end(`${lines.join('\n')}\n`);
    const code = await done;
    assert.equal(err, '');
    const out = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
    assert.equal(out.length, lines.length);
    for (let i = 0; i < lines.length; i += 1) {
      const o = JSON.parse(out[i]) as { expr: string; valid: boolean; next: number[] };
      assert.equal(o.expr, lines[i], `line ${i + 1} out of order`);
      assert.equal(o.valid, checkCron(lines[i]).valid, `line ${i + 1}: ${lines[i]}`);
    }
    assert.equal(code, 1);
  });
});
