import { setFlagsFromString } from 'node:v8';

/**
 * Keeps the heap near what the server really holds.
 *
 * After each full collection V8 lets the old generation grow to a multiple of what survived it —
 * up to about four times when collections are cheap, as they are for a server whose live data is a
 * few megabytes of bounded caches. Reading large comment pages (each up to 240 KB of JSON, made
 * and dropped per request) then let RSS climb by 75–86 MB over 5 000 reads before the first full
 * collection came (issue 13 asks for under 64 MB). With growth capped at 50 % it stays at 13–24 MB,
 * for about a tenth more time per read in the same runs (server/test/abuse-memory.test.ts).
 *
 * `--max-old-space-size` would also do it, but as a hard ceiling that kills the process when a
 * large import needs more; this is a pace, not a ceiling. V8 reads the flag at every full
 * collection, so setting it once at start-up takes effect (it cannot be passed in NODE_OPTIONS).
 */
export function paceHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
