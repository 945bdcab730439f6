// Formats fire times for people: wall-clock time in the zone, weekday, and the zone's UTC offset
// at that instant (it changes across DST, so each line carries its own). Pure (no vscode).
import type { UiLocale } from './locale';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, locale: UiLocale): Intl.DateTimeFormat {
  const key = `${zone}|${locale}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'zh-cn' ? 'zh-CN' : 'en-US', {
      timeZone: zone,
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
      // Chinese says 星期日 ... 星期六, as the cron descriptions do (the short form is 周日).
      hourCycle: 'h23', weekday: locale === 'zh-cn' ? 'long' : 'short', timeZoneName: 'longOffset',
    });
    cache.set(key, f);
  }
  return f;
}

/** `2026-11-29 00:00:00 Sun UTC+08:00` (en) or `2026-11-29 00:00:00 星期日 UTC+08:00` (zh-cn). */
export function formatFireTime(date: Date, zone: string, locale: UiLocale): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone, locale).formatToParts(date)) parts[p.type] = p.value;
  // longOffset is `GMT+08:00`, or plain `GMT` at offset zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.weekday} UTC${offset}`;
}
