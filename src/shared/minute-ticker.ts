/**
 * One timer for the whole page that ticks once a minute while anything needs it (relative times
 * such as "3 minutes ago"), and stops when nothing does: no element keeps its own timer.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

export function onMinute(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** For tests: whether the page-wide timer is running. */
export const tickerRunning = () => timer !== undefined;
