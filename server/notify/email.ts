import nodemailer from 'nodemailer';
import type { DeskEvent } from './events.js';

const SUBJECTS: Record<DeskEvent['type'], string> = {
  'comment.created': 'New comment',
  'comment.reported': 'Comment reported',
  'comment.approved': 'Comment approved',
};

/** Header values from readers' text: no line breaks (header injection), and short. */
const oneLine = (s: string, max = 80) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, max);

/** Plain text only: a reader's words are never HTML in the owner's mail client. */
function describe(event: DeskEvent, adminUrl: string | undefined): string {
  const c = event.comment;
  const lines = [
    `${SUBJECTS[event.type]} on "${c.reviewId}" by ${oneLine(c.authorName)} (${c.status}), ${c.createdAt}`,
    ...(event.report
      ? [`Reason: ${event.report.reason}${event.report.hidden ? ' — hidden until you decide' : ''}`]
      : []),
    '',
    ...c.body.split('\n').map((l) => `> ${l}`),
    '',
  ];
  if (adminUrl) lines.push(`Moderate: ${adminUrl}`);
  return lines.join('\n');
}

export interface EmailOptions {
  smtpUrl: string;
  to: string;
  from: string;
  digest: 'off' | 'hourly' | 'daily';
  /** Where the owner moderates, for the link in each mail. */
  adminUrl?: string;
  /** Digest period in ms (tests shorten it). */
  periodMs?: number;
}

/**
 * Mail to the owner through SMTP_URL: one message per event, or with a digest one message per
 * hour or day listing them (nothing is sent for a quiet period). Mail carries no tracking and no
 * per-recipient links, so a forwarded digest gives nobody a way to act for the owner.
 */
export function emailSender(options: EmailOptions) {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const pending = new Set<Promise<unknown>>();
  let queued: DeskEvent[] = [];
  const send = (subject: string, text: string) => {
    const mail = transport
      .sendMail({ from: options.from, to: options.to, subject, text, headers: { 'Auto-Submitted': 'auto-generated' } })
      .catch((error: Error) => console.error(`review-server: email not sent: ${error.message}`))
      .finally(() => pending.delete(mail));
    pending.add(mail);
  };
  const flush = () => {
    if (!queued.length) return;
    const events = queued;
    queued = [];
    send(
      `${events.length} comment event${events.length === 1 ? '' : 's'} (${options.digest} digest)`,
      events.map((e) => describe(e, undefined)).join('\n---\n\n') +
        (options.adminUrl ? `\nModerate: ${options.adminUrl}\n` : ''),
    );
  };
  const period = options.periodMs ?? (options.digest === 'daily' ? 86_400_000 : 3_600_000);
  const timer = options.digest === 'off' ? undefined : setInterval(flush, period);
  timer?.unref();
  return {
    send(event: DeskEvent): void {
      if (options.digest !== 'off') queued.push(event);
      else
        send(
          `${SUBJECTS[event.type]}: ${oneLine(event.comment.authorName, 60)} on ${oneLine(event.comment.reviewId, 60)}`,
          describe(event, options.adminUrl),
        );
    },
    flush,
    settled: () => Promise.all([...pending]).then(() => undefined),
    close(): void {
      if (timer) clearInterval(timer);
      flush();
    },
  };
}
