// `dwtasks`: the command line over the same core as the extension.
// Exit codes: 0 ok, 1 findings/failures, 2 usage or invalid input, 3 auth/network/quota.
import { commands } from './commands/index';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`dwtasks: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  // stdin on first use: touching process.stdin sets up a stream (and loads its modules) that most commands never read.
  return command.run(rest, { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr, env: process.env });
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : '0.1.0';

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `Usage: dwtasks <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'dwtasks <command> --help' for a command's options.\n`;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`dwtasks: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
