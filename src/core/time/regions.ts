// One clock for every picture, plan and hover: the IANA zone of the DataWorks region requests go to.
// DataWorks schedules a task in its region's zone. In mainland China (and the finance/gov regions)
// that is China Standard Time, which the product documents; for the regions outside China the zone
// below is the region's local zone, an assumption we show (as the weekday numbering is) and the user
// can override with --tz / dataworks.timeZone.

import { translate, type Locale, type Messages } from '../text/l10n';

/** Requests go to cn-hangzhou unless told otherwise (the client's default region). */
export const DEFAULT_REGION = 'cn-hangzhou';
export const CHINA_ZONE = 'Asia/Shanghai';

/** Every region the DataWorks OpenAPI serves (reference/dataworks-api.md), to its zone. */
export const REGION_ZONES: Readonly<Record<string, string>> = {
  'cn-hangzhou': CHINA_ZONE,
  'cn-shanghai': CHINA_ZONE,
  'cn-beijing': CHINA_ZONE,
  'cn-shenzhen': CHINA_ZONE,
  'cn-zhangjiakou': CHINA_ZONE,
  'cn-chengdu': CHINA_ZONE,
  'cn-wulanchabu': CHINA_ZONE,
  'cn-qingdao': CHINA_ZONE,
  'cn-huhehaote': CHINA_ZONE,
  'cn-hongkong': 'Asia/Hong_Kong',
  'ap-southeast-1': 'Asia/Singapore',
  'ap-southeast-3': 'Asia/Kuala_Lumpur',
  'ap-southeast-5': 'Asia/Jakarta',
  'ap-northeast-1': 'Asia/Tokyo',
  'ap-northeast-2': 'Asia/Seoul',
  'ap-south-1': 'Asia/Kolkata',
  'eu-central-1': 'Europe/Berlin',
  'eu-west-1': 'Europe/London',
  'us-east-1': 'America/New_York',
  'us-west-1': 'America/Los_Angeles',
  'me-east-1': 'Asia/Dubai',
};

/**
 * Where the zone came from: the user's setting or --tz; a mainland China region (documented);
 * a region outside it (assumed); a region missing from the table (China time assumed); no region
 * at all (the default region cn-hangzhou).
 */
export type ZoneSource = 'setting' | 'region' | 'region-assumed' | 'unknown-region' | 'default';

export interface ResolvedZone {
  zone: string;
  source: ZoneSource;
  /** The effective region, lower case (DEFAULT_REGION when none was given). */
  region: string;
  /** The setting's value when it is not a zone this runtime knows (then ignored). */
  invalidSetting?: string;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Mainland China regions (and finance/gov ones, all in China) schedule in China Standard Time. */
function isChinaRegion(r: string): boolean {
  return (r.startsWith('cn-') && r !== 'cn-hongkong') || r.includes('-finance') || r.includes('-gov');
}

/** The zone of a region, without any override. */
export function regionZone(region: string | undefined): ResolvedZone {
  const r = (region ?? '').trim().toLowerCase();
  if (!r) return { zone: CHINA_ZONE, source: 'default', region: DEFAULT_REGION };
  if (isChinaRegion(r)) return { zone: CHINA_ZONE, source: 'region', region: r };
  const known = REGION_ZONES[r];
  if (known) return { zone: known, source: 'region-assumed', region: r };
  return { zone: CHINA_ZONE, source: 'unknown-region', region: r };
}

/** The override (--tz, dataworks.timeZone) wins when it is a known zone; otherwise the region's. */
export function resolveTimeZone(override: string | undefined, region: string | undefined): ResolvedZone {
  const wanted = (override ?? '').trim();
  const base = regionZone(region);
  if (!wanted) return base;
  if (isValidTimeZone(wanted)) return { zone: wanted, source: 'setting', region: base.region };
  return { ...base, invalidSetting: wanted };
}

/** English; the Chinese is in the l10n bundle. */
const ZONE_TEXTS = {
  setting: 'zone {zone} ({override})',
  region: 'zone {zone} (region {region})',
  default: 'zone {zone} (default region {region})',
  'region-assumed': 'zone {zone} (assumed for region {region}; set {override} if its schedules run on another clock)',
  'unknown-region': 'zone {zone} (region {region} is not in our table, China time assumed; set {override})',
} as const satisfies Messages;

/** One line saying which zone a picture or list uses and why (CLI and CI pages). */
export function describeZone(z: ResolvedZone, overrideName = '--tz', locale: Locale = 'en'): string {
  return translate(locale, ZONE_TEXTS[z.source], { zone: z.zone, region: z.region, override: overrideName });
}
