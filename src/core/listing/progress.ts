// Progress of a long read (pages of a listing, then any per-task reads): what is done of what, and
// how long the rest takes at the quota. Pure: the CLI writes the lines to stderr, the editor puts
// the same text in its progress notification.
import { sayIn, type Locale, type Messages } from '../text/l10n';

export interface ReadProgress {
  /** What one call is called in the line: 'page' (default) for a listing, 'call' when GetTask calls follow. */
  unit?: 'page' | 'call';
  /** Calls answered so far (pages, then GetTask calls if any). */
  callsDone: number;
  /** Calls the whole read needs, once the first page has told the total; undefined before. */
  callsTotal?: number;
  /** Items (tasks) received so far. */
  items: number;
  /** Items the service announced (TotalCount of the filter). */
  totalItems?: number;
}

/**
 * Time left for `remaining` calls: never less than the quota allows (remaining / rps), and never
 * less than the pace so far says (slow answers, retries).
 */
export function estimateLeftMs(p: ReadProgress, elapsedMs: number, rps: number | undefined): number | undefined {
  if (p.callsTotal === undefined) return undefined;
  const remaining = Math.max(0, p.callsTotal - p.callsDone);
  if (remaining === 0) return 0;
  const byQuota = rps && rps > 0 ? (remaining / rps) * 1000 : 0;
  const byPace = p.callsDone > 0 ? (elapsedMs / p.callsDone) * remaining : 0;
  const est = Math.max(byQuota, byPace);
  return est > 0 ? est : undefined;
}

/** English; the Chinese is in the l10n bundle. */
const PROGRESS_TEXTS = {
  lessThanSecond: 'less than 1 s',
  seconds: '{0} s',
  minutes: '{0} min {1} s',
  hours: '{0} h {1} min',
  pageOf: 'page {0} of {1}',
  page: 'page {0}',
  callOf: 'call {0} of {1}',
  call: 'call {0}',
  tasksOf: '{0} of {1} tasks',
  tasks: '{0} tasks',
  projectsOf: '{0} of {1} projects',
  projects: '{0} projects',
  two: '{0}, {1}',
  three: '{0}, {1}, {2}',
  done: 'done',
  lessThanSecondLeft: 'less than 1 s left',
  left: 'about {0} left',
  took: '{0} in {1} s',
} as const satisfies Messages;

const sayer = (locale: Locale) => sayIn(PROGRESS_TEXTS, locale);

/** "1 min 05 s", "12 s", "less than 1 s". */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const say = sayer(locale);
  if (ms < 1000) return say('lessThanSecond');
  const s = Math.round(ms / 1000);
  if (s < 60) return say('seconds', s);
  const m = Math.floor(s / 60);
  if (m < 60) return say('minutes', m, String(s % 60).padStart(2, '0'));
  return say('hours', Math.floor(m / 60), String(m % 60).padStart(2, '0'));
}

const n = (x: number): string => x.toLocaleString('en-US');

/** What a read counts: the tasks of a project, or the projects of an account. */
export type ProgressNoun = 'tasks' | 'projects';

/** `page 12 of 381, 1,200 of 38,006 tasks, about 1 min 35 s left` (the CLI's line). */
export function formatReadProgress(p: ReadProgress, leftMs: number | undefined, noun: ProgressNoun = 'tasks', locale: Locale = 'en'): string {
  const say = sayer(locale);
  const unit = p.unit ?? 'page';
  const calls = p.callsTotal !== undefined ? say(`${unit}Of`, n(p.callsDone), n(p.callsTotal)) : say(unit, n(p.callsDone));
  const items = p.totalItems !== undefined ? say(`${noun}Of`, n(p.items), n(p.totalItems)) : say(noun, n(p.items));
  if (leftMs === undefined) return say('two', calls, items);
  const left = leftMs === 0 ? say('done') : leftMs < 1000 ? say('lessThanSecondLeft') : say('left', formatDuration(leftMs, locale));
  return say('three', calls, items, left);
}

export interface ProgressLineOptions {
  write(text: string): void;
  /** A terminal gets one line rewritten in place; anything else a plain line every `plainEveryMs`. */
  isTTY: boolean;
  /** Requests per second of the read, for the estimate. */
  rps?: number;
  now?: () => number;
  /** Nothing is printed before this much time has passed: short reads stay quiet. Default 1000. */
  quietMs?: number;
  /** Default 5000. */
  plainEveryMs?: number;
  /** Least time between two rewrites of the terminal line. Default 200. */
  ttyEveryMs?: number;
  noun?: ProgressNoun;
  locale?: Locale;
}

/**
 * Prints progress of one read on a stream: nothing for the first second; then on a terminal one line
 * rewritten in place, elsewhere (CI logs, pipes) a plain line every few seconds; a last line at the end
 * only if anything was printed before, so a fast read prints nothing at all.
 */
export class ProgressLine {
  private readonly started: number;
  private lastPrinted = -Infinity;
  private printed = false;
  private latest: ReadProgress = { callsDone: 0, items: 0 };
  private readonly now: () => number;

  constructor(private readonly o: ProgressLineOptions) {
    this.now = o.now ?? Date.now;
    this.started = this.now();
  }

  /** The text the read would show now (also for the editor's notification). */
  text(p: ReadProgress = this.latest): string {
    return formatReadProgress(p, estimateLeftMs(p, this.now() - this.started, this.o.rps), this.o.noun, this.o.locale);
  }

  update(p: ReadProgress): void {
    this.latest = p;
    const t = this.now();
    if (t - this.started < (this.o.quietMs ?? 1000)) return;
    const every = this.o.isTTY ? (this.o.ttyEveryMs ?? 200) : (this.o.plainEveryMs ?? 5000);
    if (t - this.lastPrinted < every) return;
    this.lastPrinted = t;
    this.printed = true;
    this.o.write(this.o.isTTY ? `\r${this.text(p)}\x1b[K` : `${this.text(p)}\n`);
  }

  /** Ends the display: a summary line ("page 381 of 381, 38,006 of 38,006 tasks, done in 19.6 s") if progress was shown. */
  finish(summary?: string): void {
    if (!this.printed) return;
    const line = summary ?? sayer(this.o.locale ?? 'en')('took', formatReadProgress(this.latest, 0, this.o.noun, this.o.locale), ((this.now() - this.started) / 1000).toFixed(1));
    this.o.write(this.o.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
  }
}
