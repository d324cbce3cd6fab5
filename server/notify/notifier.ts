import type { Config } from '../config.js';
import { emailSender } from './email.js';
import type { DeskEvent, Notify } from './events.js';
import { webhookSender } from './webhook.js';

export interface Notifier {
  notify: Notify;
  /** Sends a pending digest and waits for deliveries in flight. */
  close(): Promise<void>;
}

/** The webhook and the mail, as configured; undefined when neither is. Never throws into a request. */
export function createNotifier(config: Config): Notifier | undefined {
  const webhook = config.webhook && webhookSender(config.webhook);
  const email =
    config.smtp &&
    emailSender({ smtpUrl: config.smtp.url, to: config.smtp.to, from: config.smtp.from, digest: config.smtp.digest });
  if (!webhook && !email) return undefined;
  return {
    notify(event: DeskEvent) {
      try {
        webhook?.send(event);
        email?.send(event);
      } catch (error) {
        console.error('review-server: notification failed:', error);
      }
    },
    async close() {
      email?.close();
      // At most 5 s: a webhook that keeps failing would otherwise hold the shutdown for minutes.
      const limit = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([Promise.all([webhook?.settled(), email?.settled()]), limit]);
    },
  };
}
