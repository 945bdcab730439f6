// How `npm start` protects the workbench it serves. On a loopback address only this machine's
// users reach it, as before (`--auth none`). On any other address anyone on the network would get a
// VS Code with a terminal, as the user who ran it: code-server's password authentication then, with
// the PASSWORD from the environment or a random one printed once.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x) and localhost. */
export function isLoopbackHost(host) {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** { password, generated } for a non-loopback host (PASSWORD wins over a generated one), else undefined. */
export function startAuth(host, env = process.env) {
  if (isLoopbackHost(host)) return undefined;
  if (env.PASSWORD) return { password: env.PASSWORD, generated: false };
  return { password: randomBytes(18).toString('base64url'), generated: true };
}
