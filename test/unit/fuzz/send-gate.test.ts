// Fuzz of the send side: thousands of seeded mutations of a valid patch through the one gate and the
// one pipeline against the real emulator. For every case: no exception escapes, the gate's verdict is
// validate's (no error finding <=> sendable; `dwtasks validate` itself on a sample), a case with errors
// sends nothing (the emulator's request log), and a case that validates clean is sent exactly: the
// tasks the emulator receives equal the file's, every number compared by its digits as written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '@src/cli/commands/validate';
import { checkBeforeSend } from '@src/core/apply/gate';
import { MemoryJournal } from '@src/core/apply/journal';
import { applyPatch } from '@src/core/apply/pipeline';
import { stripBom } from '@src/core/patch/limits';
import { validateText } from '@src/core/validate/index';
import { runCommand } from '../cli/apply-cli-io';
import { startFixture, type Fixture } from '../core/apply/support/emulator-fixture';
import { mutatedPatches } from './mutate-patch';
import { sameAsWritten } from './lossless-compare';

const SEED = 20269;
const COUNT = 2000;
/** Every Nth case also goes through `dwtasks validate` on a file (the CLI's own read and exit code). */
const CLI_EVERY = 25;

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 50 }); });
after(async () => { await fx.emu.close(); });

test(`${COUNT} mutated patches (seed ${SEED}): gate = validate, refused sends nothing, clean is sent, nothing throws`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dwfuzz-'));
  const problems: string[] = [];
  let refused = 0;
  let sent = 0;
  let i = 0;
  for (const c of mutatedPatches(SEED, COUNT)) {
    try {
      const verdict = checkBeforeSend(c.text, 'fuzz.dwtasks.json');
      const validateErrors = validateText(stripBom(c.text), { schema: true }).findings.filter((f) => f.severity === 'error').length;
      if (verdict.ok !== (validateErrors === 0)) problems.push(`${c.name}: gate ${verdict.ok ? 'sends' : 'refuses'}, validate has ${validateErrors} error(s)`);
      if (i++ % CLI_EVERY === 0) {
        const file = join(dir, `case-${i}.dwtasks.json`);
        writeFileSync(file, c.text);
        const v = await runCommand(validateCommand, [file], {});
        if ((v.code === 0) !== verdict.ok) problems.push(`${c.name}: dwtasks validate exits ${v.code}, gate ${verdict.ok ? 'sends' : 'refuses'}`);
      }
      const seen = fx.requests.length;
      const seenSent = fx.sentTasks.length;
      const out = await applyPatch({ text: c.text, file: 'fuzz.dwtasks.json' }, fx.client, { rps: 1000, readBefore: false }, {
        openJournal: () => new MemoryJournal(), writeRevert: () => 'unused',
      });
      const calls = fx.requests.slice(seen);
      if (!verdict.ok) {
        refused++;
        if (out.kind !== 'refused') problems.push(`${c.name}: the pipeline did not refuse (${out.kind})`);
        if (calls.length) problems.push(`${c.name}: refused, yet the emulator saw ${calls.join(' | ')}`);
      } else {
        sent++;
        if (out.kind !== 'ran') problems.push(`${c.name}: validates clean but was not sent (${out.kind})`);
        if (!calls.some((l) => l.startsWith('BatchUpdateTasks '))) problems.push(`${c.name}: validates clean, no BatchUpdateTasks reached the emulator`);
        const differs = sameAsWritten(stripBom(c.text), fx.sentTasks.slice(seenSent));
        if (differs) problems.push(`${c.name}: sent is not as written: ${differs}`);
      }
    } catch (e) {
      problems.push(`${c.name}: threw ${(e as Error).stack ?? String(e)}`);
    }
    if (problems.length > 20) break;
  }
  assert.deepEqual(problems, []);
  // The corpus must exercise both sides, or the test proves nothing.
  assert.ok(refused > COUNT / 4 && sent > COUNT / 10, `refused ${refused}, sent ${sent}`);
});
