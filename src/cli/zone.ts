// The one clock of every command: --tz, else the zone of the effective region (core/time/regions).
import { resolveTimeZone, type ResolvedZone } from '../core/time/regions';
import { UsageError } from './args';

/** The region requests go to: --region, else $ALIBABA_CLOUD_REGION_ID unless --endpoint names the host. */
export function effectiveRegion(flags: { region?: string; endpoint?: string }, env: NodeJS.ProcessEnv): string | undefined {
  return flags.region ?? (flags.endpoint ? undefined : env.ALIBABA_CLOUD_REGION_ID);
}

export function cliZone(tz: string | undefined, region: string | undefined): ResolvedZone {
  const z = resolveTimeZone(tz, region);
  if (z.invalidSetting !== undefined) throw new UsageError(`--tz: unknown time zone '${z.invalidSetting}' (use an IANA name such as Asia/Shanghai)`);
  return z;
}

export const TZ_HELP = `  --tz ZONE         IANA time zone (default: the region's; Asia/Shanghai for mainland China and cn-hangzhou)`;
