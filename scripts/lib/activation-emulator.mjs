// An emulator the integration host is connected to from its first moment: started before the host,
// written into the user settings as Use Local Emulator writes them, its request log (stderr) in a
// file. test/integration/tree/activation.test.ts reads that log: activating and opening patches
// must not send anything until the Tasks view opens.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Returns the env for the tests (endpoint, log file) and stop(). */
export async function startActivationEmulator(root, scratch, userDataDir) {
  const log = join(scratch, 'activation-emulator.log');
  const stderr = openSync(log, 'a');
  const args = ['emulator', '--json', '--port', '0', '--tasks', '20', '--state', join(scratch, 'activation-emulator.json')];
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), ...args], { stdio: ['ignore', 'pipe', stderr] });
  closeSync(stderr);
  const firstLine = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the activation emulator exited with ${code}; see ${log}`)));
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const { endpoint } = JSON.parse(firstLine);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = { 'dataworks.credentialSource': 'emulator', 'dataworks.endpoint': endpoint };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return {
    env: { DWTASKS_ACTIVATION_ENDPOINT: endpoint, DWTASKS_ACTIVATION_LOG: log },
    /** Resolves once it has exited (it writes its state file on the way out). */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
