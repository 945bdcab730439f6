// TEMPORARY until src/core/cron lands (helper B): same signature, accepts everything.
export interface CronCheck {
  valid: boolean;
  problems: { field: string; message: string; start: number; end: number }[];
  fixes: { title: string; replacement: string }[];
  canonical?: string;
}
export function checkCron(_expr: string): CronCheck {
  return { valid: true, problems: [], fixes: [] };
}
