// Which IANA time zone cron fire times are shown in. Pure (no vscode): the adapter passes the settings in.
export type ZoneSource = 'setting' | 'region' | 'system';

export interface ResolvedZone {
  zone: string;
  source: ZoneSource;
  /** The `dataworks.timeZone` value when it is not a zone this runtime knows (then ignored). */
  invalidSetting?: string;
}

/** DataWorks in mainland China regions schedules in China Standard Time. */
export const CN_REGION_ZONE = 'Asia/Shanghai';

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The explicit setting wins when valid; otherwise `Asia/Shanghai` for `cn-*` regions,
 * otherwise the system zone.
 */
export function resolveTimeZone(setting: string | undefined, region: string | undefined, system: string = systemTimeZone()): ResolvedZone {
  const wanted = (setting ?? '').trim();
  const invalidSetting = wanted && !isValidTimeZone(wanted) ? wanted : undefined;
  if (wanted && !invalidSetting) return { zone: wanted, source: 'setting' };
  const base: ResolvedZone = (region ?? '').trim().toLowerCase().startsWith('cn-')
    ? { zone: CN_REGION_ZONE, source: 'region' }
    : { zone: system, source: 'system' };
  return invalidSetting ? { ...base, invalidSetting } : base;
}
