import { createHmac } from 'node:crypto';
import type { DeskEvent } from './events.js';

/** Seconds between attempts after a failure: five tries over about five minutes. */
export const WEBHOOK_BACKOFF_S = [1, 4, 16, 64, 256];

/**
 * `X-Review-Signature: sha256=<hex>` is HMAC-SHA256 with the shared secret over
 * `<X-Review-Timestamp>.<raw body>`: the receiver recomputes it, compares in constant time and
 * refuses a timestamp older than a few minutes, so a captured delivery cannot be replayed.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Backoff schedule in seconds (tests shorten it). */
  backoff?: number[];
  now?: () => number;
}

/**
 * Delivers each event in the background: a 2xx ends it; a network error, a timeout (10 s) or any
 * other status is tried again after the next backoff step, and given up (logged) after the last.
 * Each attempt is signed afresh with its own timestamp.
 */
export function webhookSender({ url, secret, backoff = WEBHOOK_BACKOFF_S, now = Date.now }: WebhookOptions) {
  const pending = new Set<Promise<void>>();
  async function deliver(event: DeskEvent): Promise<void> {
    const body = JSON.stringify(event);
    for (let attempt = 0; ; attempt++) {
      const timestamp = Math.floor(now() / 1000);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'review-elements-webhook/1',
            'X-Review-Event': event.type,
            'X-Review-Timestamp': String(timestamp),
            'X-Review-Signature': signWebhook(secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
          redirect: 'error',
        });
        await res.body?.cancel();
        if (res.ok) return;
        if (attempt >= backoff.length) throw new Error(`answered ${res.status}`);
      } catch (error) {
        if (attempt >= backoff.length) {
          console.error(
            `review-server: webhook ${event.type} for ${event.comment.id} given up after ${attempt + 1} attempts: ${(error as Error).message}`,
          );
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, backoff[attempt] * 1000).unref());
    }
  }
  return {
    send(event: DeskEvent): void {
      const delivery = deliver(event).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    /** Waits for deliveries in flight (tests, shutdown). */
    settled: () => Promise.all([...pending]).then(() => undefined),
  };
}
