// Integration-test entry, loaded by the VS Code extension host (real VS Code: code-server here,
// desktop VS Code when DWTASKS_VSCODE=desktop). Harness contract:
// - Put tests in test/integration/<feature>/*.test.ts, mocha 'tdd' UI (suite/test/suiteSetup),
//   importing 'vscode' and ../helpers. scripts/build.mjs bundles each file to out/test/integration/.
// - The workspace is a throwaway copy of test/fixtures/workspace/ with examples/ copied in as
//   examples/ (edits and auto-save are fine).
// - Run all: `npm run test:integration`; a subset: `npm run test:integration -- --grep "RerunMode"`
//   (the pattern reaches this file as DWTASKS_TEST_GREP).
// - Wait on events (helpers.waitForDiagnostics ...), never on fixed sleeps.
// - What a command shows or asks (quick picks, input boxes, modals, dialogs, progress, trust, the
//   clock) goes through the extension's injected UI: a test puts support/scriptedUi.ts in its place
//   (`api.ui.use`), queues the answers and calls end(); a question it did not script fails the test.
// - Files named *.first.test.ts run before all others (e.g. checks that nothing has loaded yet).
// - A failed test leaves a screenshot and the workbench's DOM in test-results/integration/failures/
//   (./failureCapture.ts; the launcher takes them).
// - The last line is `INTEGRATION-RESULT {"passed":N,"failed":M,"pending":P}` for scripts/test-all.mjs;
//   zero tests ran counts as a failure.
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';
import { awaitCapture, captureFailedHook } from './failureCapture';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  // *.first.test files run before all others: they check what nothing may have loaded yet.
  const first = (f: string): number => (f.endsWith('.first.test.js') ? 0 : 1);
  return out.sort().sort((a, b) => first(a) - first(b));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 5_000, reporter: 'spec', rootHooks: { afterEach: [awaitCapture] } });
  const grep = process.env.DWTASKS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of findTests(__dirname)) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        const result = { passed: stats.passes, failed: stats.failures, pending: stats.pending };
        console.log(`INTEGRATION-RESULT ${JSON.stringify(result)}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (result.passed === 0) reject(new Error('no integration tests ran'));
        else resolve();
      });
      runner.on('fail', captureFailedHook);
    } catch (e) {
      console.error(e);
      console.log(`INTEGRATION-RESULT ${JSON.stringify({ passed: 0, failed: 1, pending: 0, crashed: true })}`);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
