// The extension's main bundle and its lazily loaded client bundle each carry a copy of
// DataWorksError; an error thrown by one copy must still be `instanceof` the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { DataWorksError } from '@src/dataworks/errors';

type ErrorsModule = typeof import('@src/dataworks/errors');

test('a DataWorksError from another bundled copy of errors.ts is instanceof this one, and other errors are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-errors-'));
  try {
    const copy = (name: string): ErrorsModule => {
      const outfile = join(dir, name);
      esbuild.buildSync({ entryPoints: ['src/dataworks/errors.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
      return createRequire(__filename)(outfile) as ErrorsModule;
    };
    const a = copy('a.js');
    const b = copy('b.js');
    assert.notEqual(a.DataWorksError, b.DataWorksError, 'two distinct class objects');
    const init = { code: 'Throttling', kind: 'throttled', action: 'ListTasks', retryable: true, serviceMessage: 'slow down' } as const;
    const fromA = new a.DataWorksError(init);
    assert.ok(fromA instanceof b.DataWorksError);
    assert.ok(fromA instanceof DataWorksError);
    assert.ok(new DataWorksError(init) instanceof a.DataWorksError);
    assert.ok(fromA instanceof Error);
    assert.equal(new Error('x') instanceof b.DataWorksError, false);
    assert.equal(Object.assign(new Error('x'), { name: 'DataWorksError', code: 'X' }) instanceof DataWorksError, false);
    assert.equal((null as unknown) instanceof DataWorksError, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
