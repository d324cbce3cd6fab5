const FIRST_DELAY = 2_000;
const MAX_DELAY = 60_000;
const MAX_ATTEMPTS = 8;
/**
 * For elements with no Retry button of their own (`<content-warning from-review>`,
 * `<comment-count>`): tries again after 2 s, 4 s, 8 s … (at most a minute apart, eight times), as
 * the server's `Retry-After` asks when it says, and at once when the browser comes back online or
 * the tab is shown again. Returns a function that cancels it.
 */
export function retryLater(attempt: number, retry: () => void, error?: unknown): () => void {
  const retryAfter = (error as { retryAfter?: number } | undefined)?.retryAfter;
  const delay = retryAfter ? retryAfter * 1000 : Math.min(FIRST_DELAY * 2 ** attempt, MAX_DELAY);
  let done = false;
  const fire = () => {
    if (done) return;
    cancel();
    retry();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') fire();
  };
  const timer = attempt < MAX_ATTEMPTS ? setTimeout(fire, delay) : undefined;
  addEventListener('online', fire);
  document.addEventListener('visibilitychange', onVisible);
  function cancel() {
    done = true;
    clearTimeout(timer);
    removeEventListener('online', fire);
    document.removeEventListener('visibilitychange', onVisible);
  }
  return cancel;
}
