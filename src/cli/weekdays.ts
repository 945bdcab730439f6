// `--weekdays dataworks|quartz`: how day-of-week numbers in cron expressions are read, for every
// command that checks or computes fire times (the editor's setting dataworks.cron.weekdayNumbering).
import { UsageError } from './args';
import { translate, type Locale } from '../core/text/l10n';
import { DEFAULT_WEEKDAY_NUMBERING, isWeekdayNumbering, WEEKDAY_NUMBERINGS, type WeekdayNumbering } from '../core/cron/weekdays';

export const WEEKDAYS_HELP = `  --weekdays N how day-of-week numbers read: dataworks (default; 0 or 7 = Sunday, 1 = Monday ... 6 = Saturday)
               or quartz (1 = Sunday ... 7 = Saturday); names (MON, TUE, ...) mean the same in both`;

export function weekdaysOption(value: string | undefined, locale: Locale = 'en'): WeekdayNumbering {
  if (value === undefined) return DEFAULT_WEEKDAY_NUMBERING;
  if (!isWeekdayNumbering(value)) throw new UsageError(translate(locale, "--weekdays must be {0} or {1}, got '{2}'", [...WEEKDAY_NUMBERINGS, value]));
  return value;
}
