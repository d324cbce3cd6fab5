import * as v from 'valibot';
import { DESK_ENV, DeskConfigError, deskConfig, type DeskConfig } from './desk-config.js';

/**
 * The server's whole configuration, from the environment. Unknown `REVIEW_*` variables and
 * invalid values stop the server with a message that names them: a typo in a deployment should
 * fail loudly, not run with defaults.
 */
const port = v.pipe(v.string(), v.regex(/^\d+$/, 'must be a number'), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(65535));
const count = v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number));

const EnvSchema = v.object({
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  PORT: v.optional(port, '8787'),
  REVIEW_DB: v.optional(v.pipe(v.string(), v.minLength(1)), './data/reviews.db'),
  REVIEW_ADMIN_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  ALLOWED_ORIGINS: v.optional(v.string(), ''),
  MODERATION: v.optional(v.picklist(['post', 'pre'], 'must be "post" or "pre"'), 'post'),
  WRITE_RATE_LIMIT: v.optional(count, '10'),
  REVIEW_SEED: v.optional(v.picklist(['demo', 'none'], 'must be "demo" or "none"'), 'demo'),
  REVIEW_EDIT_WINDOW: v.optional(v.pipe(count, v.minValue(1, 'must be at least 1 second')), '900'),
  ...DESK_ENV,
});

const KNOWN = new Set([...Object.keys(EnvSchema.entries)]);

export interface Config extends DeskConfig {
  host: string;
  port: number;
  db: string;
  adminToken: string | undefined;
  /** Origins allowed to write (and read with credentials); reads are open to any origin. */
  allowedOrigins: string[];
  moderation: 'post' | 'pre';
  /** Writes per minute per client; 0 turns the limit off (imports, load tests). */
  writeRateLimit: number;
  /** Seed the demo reviews and comments into an empty database. */
  seed: 'demo' | 'none';
  /** How long after posting an author may edit or delete a comment, in milliseconds. */
  editWindowMs: number;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const unknown = Object.keys(env).filter((k) => k.startsWith('REVIEW_') && !KNOWN.has(k));
  if (unknown.length) throw new ConfigError(`Unknown setting ${unknown.join(', ')}. Known: ${[...KNOWN].join(', ')}.`);
  const picked = Object.fromEntries([...KNOWN].filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const result = v.safeParse(EnvSchema, picked);
  if (!result.success) {
    const messages = result.issues.map((issue) => `${v.getDotPath(issue)}=${JSON.stringify(picked[v.getDotPath(issue) ?? ''])}: ${issue.message}`);
    throw new ConfigError(`Invalid setting: ${messages.join('; ')}`);
  }
  const e = result.output;
  const origins = e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError(`Invalid setting: ALLOWED_ORIGINS entry ${JSON.stringify(origin)} is not an origin like https://blog.example`);
    }
  }
  let desk: DeskConfig;
  try {
    desk = deskConfig(e);
  } catch (error) {
    if (error instanceof DeskConfigError) throw new ConfigError(`Invalid setting: ${error.message}`);
    throw error;
  }
  return {
    host: e.HOST,
    port: e.PORT,
    db: e.REVIEW_DB,
    adminToken: e.REVIEW_ADMIN_TOKEN,
    allowedOrigins: origins,
    moderation: e.MODERATION,
    writeRateLimit: e.WRITE_RATE_LIMIT,
    seed: e.REVIEW_SEED,
    editWindowMs: e.REVIEW_EDIT_WINDOW * 1000,
    ...desk,
  };
}
