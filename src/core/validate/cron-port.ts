// The cron checker the rules use (src/core/cron), behind one import so the rule code names one seam.
export { checkCron, type CronCheck } from '../cron/index';
