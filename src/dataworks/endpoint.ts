// Where the client sends requests. The generic openapi-client has no region map, so we derive the
// host ourselves and insist on HTTPS for anything that is not this machine.
import { isIP } from 'node:net';
import { withoutUserinfo } from '../core/text/redact';
import { DataWorksError } from './errors';

/** Regions whose DataWorks OpenAPI lives on the central endpoint rather than a regional one. */
const CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-huhehaote']);

/** `dataworks.<region>.aliyuncs.com`; central `dataworks.aliyuncs.com` for cn-qingdao, cn-huhehaote and finance/gov regions. */
export function endpointFor(region: string, opts?: { vpc?: boolean }): string {
  const r = region.trim().toLowerCase();
  if (!/^[a-z0-9-]+$/.test(r)) {
    throw new DataWorksError({
      code: 'InvalidRegion', kind: 'parameter', action: 'configure', retryable: false,
      serviceMessage: `"${region}" is not a region id`, hint: 'Use a region id such as cn-hangzhou.',
    });
  }
  if (CENTRAL_REGIONS.has(r) || r.includes('-finance') || r.includes('-gov')) return 'dataworks.aliyuncs.com';
  return opts?.vpc ? `dataworks-vpc.${r}.aliyuncs.com` : `dataworks.${r}.aliyuncs.com`;
}

export interface ResolvedEndpoint {
  protocol: 'https' | 'http';
  /** host[:port] as openapi-client puts it in the Host header; IPv6 in brackets. */
  host: string;
  /** `protocol://host` for display. */
  url: string;
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts plain HTTP may go to. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * Accepts `host`, `host:port` or `scheme://host[:port][/]`. No scheme means HTTPS. Plain HTTP is
 * refused unless the host is loopback: requests carry signed credentials and task data.
 */
export function resolveEndpoint(endpoint: string): ResolvedEndpoint {
  const raw = endpoint.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    throw badEndpoint(endpoint, 'it is not a host name or URL');
  }
  const protocol = url.protocol.slice(0, -1).toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') throw badEndpoint(endpoint, `scheme "${protocol}" is not http or https`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
    throw badEndpoint(endpoint, 'it must be only a scheme, host and port (no path, query or user)');
  }
  if (protocol === 'http' && !isLoopbackHost(url.hostname)) {
    throw new DataWorksError({
      code: 'InsecureEndpoint', kind: 'parameter', action: 'configure', retryable: false,
      serviceMessage: `refusing plain HTTP to ${url.host}: signed requests go over HTTPS unless the host is this machine (127.0.0.0/8, ::1, localhost)`,
      hint: `Use https://${url.host} or a loopback address for a local emulator.`,
    });
  }
  return { protocol, host: url.host, url: `${protocol}://${url.host}` };
}

function badEndpoint(endpoint: string, why: string): DataWorksError {
  return new DataWorksError({
    code: 'InvalidEndpoint', kind: 'parameter', action: 'configure', retryable: false,
    // Never repeat a password given in the URL (http://user:PASS@host).
    serviceMessage: `endpoint "${withoutUserinfo(endpoint)}" is not usable: ${why}`,
    hint: 'Give a host such as dataworks.cn-hangzhou.aliyuncs.com or a URL such as http://127.0.0.1:18080.',
  });
}
