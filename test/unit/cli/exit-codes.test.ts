// Every command maps what it throws to the same exit codes and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { UsageError } from '@src/cli/args';
import { runWithExitCodes } from '@src/cli/exit-codes';
import { safeIO } from '@src/cli/io';
import { PatchInputError } from '@src/cli/patch-file';
import { classifyServiceError, DataWorksError } from '@src/dataworks/errors';

async function run(thrown: unknown, args = ['p.dwtasks.json']): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runWithExitCodes('demo', 'HELP TEXT\n', args, safeIO({ stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {} }), () =>
    thrown === undefined ? Promise.resolve(1) : Promise.reject(thrown));
  return { code, err };
}

test('the body\'s own exit code passes through', async () => {
  assert.deepEqual(await run(undefined), { code: 1, err: '' });
});

test('usage errors exit 2 with the message and the help', async () => {
  const r = await run(new UsageError('missing FILE'));
  assert.equal(r.code, 2);
  assert.equal(r.err, 'dwtasks demo: missing FILE\n\nHELP TEXT\n');
});

// Findings print exactly as `dwtasks validate` prints them (the core messages name the task themselves).
test('invalid patches exit 2 and print every finding as validate does', async () => {
  const finding = { code: 'cron.range', severity: 'error' as const, message: 'day-of-week: 8 is out of range', taskId: '8604388726201130001', field: 'Trigger.Cron',
    range: { start: { line: 4, character: 16 }, end: { line: 4, character: 30 } } };
  const r = await run(new PatchInputError('1 error; nothing was sent', [finding]), ['--yes', 'nightly.dwtasks.json']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^nightly\.dwtasks\.json:5:17: error \[cron\.range\] day-of-week: 8 is out of range\n/);
  assert.match(r.err, /dwtasks demo: 1 error; nothing was sent\n$/);
});

test('service errors: input mistakes exit 2, an unavailable or refusing service exits 3', async () => {
  const make = (code: string, statusCode: number) =>
    new DataWorksError({ code, statusCode, serviceMessage: `${code} happened`, action: 'ListTasks', requestId: 'R-1', ...classifyServiceError(code, statusCode) });
  assert.equal((await run(make('InvalidParameter', 400))).code, 2);
  assert.equal((await run(make('Project.NotFound', 404))).code, 2);
  assert.equal((await run(make('InvalidAccessKeyId.NotFound', 404))).code, 3);
  assert.equal((await run(make('Throttling.Resource', 429))).code, 3);
  assert.equal((await run(make('InternalError.System', 500))).code, 3);
  assert.match((await run(make('Throttling.Resource', 429))).err, /dwtasks demo: .*Throttling\.Resource happened/);
});

test('anything else is a bug and is rethrown, not hidden behind an exit code', async () => {
  await assert.rejects(run(new TypeError('boom')), /boom/);
});
