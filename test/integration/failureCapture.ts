// A failed host test asks the launcher that drives the page (scripts/vscode-launcher.mjs) for a
// screenshot and the workbench's DOM: it prints one line, which reaches the launcher through the
// relayed console; the launcher writes the files into DWTASKS_FAILURE_DIR, the text file last. A
// failed test's afterEach waits for that file, so the page is taken as the test left it (a failed
// hook only asks). Without the variable (desktop VS Code has no such launcher) nothing is asked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const dir = process.env.DWTASKS_FAILURE_DIR;
let count = 0;

async function ask(runnable: Mocha.Runnable): Promise<string> {
  const { artifactName, FAILURE_CAPTURE_MARKER } = await import('../../scripts/lib/failure-artifacts.mjs');
  const name = artifactName(`${String(++count).padStart(2, '0')}-${runnable.fullTitle()}`);
  console.log(`${FAILURE_CAPTURE_MARKER} ${name}`);
  return name;
}

/** On mocha's 'fail' event: a failed hook asks for a capture (a failed test asks in awaitCapture). */
export function captureFailedHook(runnable: Mocha.Runnable): void {
  if (dir && runnable instanceof Mocha.Hook) void ask(runnable);
}

/** Root afterEach: a failed test asks, then waits until the capture is written (at most 45 s, under mocha's hook timeout). */
export async function awaitCapture(this: Mocha.Context): Promise<void> {
  const test = this.currentTest;
  if (!dir || !test || test.state !== 'failed') return;
  const file = `${await ask(test)}.txt`;
  fs.mkdirSync(dir, { recursive: true });
  await new Promise<void>((resolve) => {
    const watcher = fs.watch(dir, (_event, changed) => {
      if (changed === file) done();
    });
    const timer = setTimeout(() => {
      console.error(`no failure capture ${path.join(dir, file)} from the launcher within 45 s`);
      done();
    }, 45_000);
    function done(): void {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
    if (fs.existsSync(path.join(dir, file))) done();
  });
}
