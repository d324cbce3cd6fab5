import * as v from 'valibot';

/**
 * Settings of the owner's desk (#14), merged into server/config.ts's schema so unknown and invalid
 * values fail the same way. Documented in the README's configuration table.
 */
const count = v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number));
const httpUrl = v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//, 'must be an http(s) URL'));

export const DESK_ENV = {
  REVIEW_UPLOAD_MAX_BYTES: v.optional(
    v.pipe(count, v.minValue(1024, 'must be at least 1024')),
    String(5 * 1024 * 1024),
  ),
  REVIEW_UPLOAD_MAX_PIXELS: v.optional(v.pipe(count, v.minValue(1, 'must be at least 1')), String(40_000_000)),
  REVIEW_REPORT_HIDE_AT: v.optional(count, '3'),
  REVIEW_ADMIN_SESSION_HOURS: v.optional(v.pipe(count, v.minValue(1), v.maxValue(24 * 30)), '8'),
  REVIEW_WEBHOOK_URL: v.optional(httpUrl),
  REVIEW_WEBHOOK_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'))),
  REVIEW_NOTIFY_EMAIL: v.optional(v.pipe(v.string(), v.email('must be an email address'))),
  REVIEW_NOTIFY_FROM: v.optional(v.pipe(v.string(), v.email('must be an email address'))),
  REVIEW_NOTIFY_DIGEST: v.optional(v.picklist(['off', 'hourly', 'daily'], 'must be off, hourly or daily'), 'off'),
};

export interface DeskConfig {
  /** Largest image upload, in bytes. */
  uploadMaxBytes: number;
  /** Largest image upload, in pixels (width × height): a small file can still be a huge image. */
  uploadMaxPixels: number;
  /** Open reports that send a published comment back to pending; 0: never. */
  reportHideAt: number;
  adminSessionMs: number;
  webhook: { url: string; secret: string } | undefined;
  smtp: { url: string; to: string; from: string; digest: 'off' | 'hourly' | 'daily' } | undefined;
}

type DeskEnv = v.InferOutput<v.ObjectSchema<typeof DESK_ENV, undefined>>;

export class DeskConfigError extends Error {}

export function deskConfig(e: DeskEnv): DeskConfig {
  if (e.REVIEW_WEBHOOK_URL && !e.REVIEW_WEBHOOK_SECRET)
    throw new DeskConfigError('REVIEW_WEBHOOK_URL needs REVIEW_WEBHOOK_SECRET (at least 16 characters) to sign with');
  if (e.SMTP_URL && !e.REVIEW_NOTIFY_EMAIL)
    throw new DeskConfigError('SMTP_URL needs REVIEW_NOTIFY_EMAIL, the address to tell');
  return {
    uploadMaxBytes: e.REVIEW_UPLOAD_MAX_BYTES,
    uploadMaxPixels: e.REVIEW_UPLOAD_MAX_PIXELS,
    reportHideAt: e.REVIEW_REPORT_HIDE_AT,
    adminSessionMs: e.REVIEW_ADMIN_SESSION_HOURS * 3_600_000,
    webhook: e.REVIEW_WEBHOOK_URL ? { url: e.REVIEW_WEBHOOK_URL, secret: e.REVIEW_WEBHOOK_SECRET! } : undefined,
    smtp: e.SMTP_URL
      ? {
          url: e.SMTP_URL,
          to: e.REVIEW_NOTIFY_EMAIL!,
          from: e.REVIEW_NOTIFY_FROM ?? e.REVIEW_NOTIFY_EMAIL!,
          digest: e.REVIEW_NOTIFY_DIGEST,
        }
      : undefined,
  };
}
