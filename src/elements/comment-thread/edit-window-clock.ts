/**
 * One timer for the whole page behind "You can edit or delete this for 12 more minutes": each
 * thread tells it the deadlines of the reader's own comments it shows, and it wakes once, at the
 * next moment any of those counts changes (a whole minute left, or a window closing), calls the
 * threads concerned, and sleeps again. No deadline left, no timer: a page where the reader has
 * nothing to edit pays nothing. `minute-ticker.ts` ticks from whenever it started, so a window
 * would close up to a minute late there, with Edit still offered; this one is aligned to them.
 */
import { plural } from '../../shared/format.js';
import type { Translation } from '../../shared/i18n/index.js';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const MINUTE = 60_000;
const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
let clock = realClock;

/** Per owner: its deadlines, and when it was last told (changes due by then are told). */
const watchers = new Map<object, { deadlines: number[]; since: number; changed: () => void }>();
let timer: { handle: unknown; at: number } | undefined;

/** The time the countdowns are measured against (a test's clock, when it set one). */
export const now = () => clock.now();

/** When the text for `deadline` next changes after `at`: the next whole minute left, or the end. */
function nextChange(deadline: number, at: number): number {
  const left = deadline - at;
  return left <= 0 ? Infinity : deadline - (Math.ceil(left / MINUTE) - 1) * MINUTE;
}

function schedule(): void {
  const at = clock.now();
  let next = Infinity;
  for (const watcher of watchers.values()) for (const d of watcher.deadlines) next = Math.min(next, nextChange(d, at));
  if (timer && timer.at === next) return;
  if (timer) clock.clearTimeout(timer.handle);
  timer = next === Infinity ? undefined : { at: next, handle: clock.setTimeout(tick, Math.max(0, next - at)) };
}

function tick(): void {
  timer = undefined;
  const at = clock.now();
  for (const [owner, watcher] of [...watchers]) {
    const due = watcher.deadlines.some((d) => nextChange(d, watcher.since) <= at);
    watcher.deadlines = watcher.deadlines.filter((d) => d > at);
    watcher.since = at;
    if (!watcher.deadlines.length) watchers.delete(owner);
    if (due) watcher.changed();
  }
  schedule();
}

/**
 * Calls `changed` whenever the countdown of one of `deadlines` (epoch ms) changes, until each has
 * passed; a new call for the same owner replaces its deadlines, and no deadline ends its watch.
 */
export function watchDeadlines(owner: object, deadlines: readonly number[], changed: () => void): void {
  const at = clock.now();
  const live = deadlines.filter((d) => d > at);
  if (live.length) watchers.set(owner, { deadlines: live, since: at, changed });
  else watchers.delete(owner);
  schedule();
}

export const unwatchDeadlines = (owner: object) => watchDeadlines(owner, [], () => {});

/** For tests: whether the page-wide timer is set. */
export const editClockRunning = () => timer !== undefined;

/** For tests: replaces the time source and timer (until the returned function puts them back). */
export function useClock(replacement: Clock): () => void {
  if (timer) clock.clearTimeout(timer.handle);
  timer = undefined;
  clock = replacement;
  schedule();
  return () => {
    if (timer) clock.clearTimeout(timer.handle);
    timer = undefined;
    clock = realClock;
    schedule();
  };
}

/**
 * "You can edit or delete this for 12 more minutes": whole minutes rounded up (the last minute is
 * "1 more minute"), whole hours rounded down past two hours (a server may allow days); undefined
 * once the window has closed.
 */
export function editWindowText(
  locale: string,
  t: Pick<Translation['thread'], 'editWindow' | 'editWindowHours'>,
  until: number,
  at: number,
): string | undefined {
  const left = until - at;
  if (!(left > 0)) return undefined;
  const minutes = Math.ceil(left / MINUTE);
  return minutes >= 120
    ? plural(locale, t.editWindowHours, Math.floor(minutes / 60))
    : plural(locale, t.editWindow, minutes);
}
