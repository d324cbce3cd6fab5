import { BlockList, isIP } from 'node:net';
import * as v from 'valibot';
import { DESK_ENV, DeskConfigError, deskConfig, type DeskConfig } from './desk-config.js';

/**
 * The server's whole configuration, from the environment. Unknown `REVIEW_*` variables and
 * invalid values stop the server with a message that names them: a typo in a deployment should
 * fail loudly, not run with defaults.
 */
const port = v.pipe(
  v.string(),
  v.regex(/^\d+$/, 'must be a number'),
  v.transform(Number),
  v.integer(),
  v.minValue(0),
  v.maxValue(65535),
);
const count = v.pipe(v.string(), v.regex(/^\d{1,9}$/, 'must be a whole number'), v.transform(Number));
const DAY = 24 * 60 * 60;

const EnvSchema = v.object({
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  PORT: v.optional(port, '8787'),
  REVIEW_DB: v.optional(v.pipe(v.string(), v.minLength(1)), './data/reviews.db'),
  REVIEW_ADMIN_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  ALLOWED_ORIGINS: v.optional(v.string(), ''),
  PUBLIC_ORIGIN: v.optional(v.string(), ''),
  TRUST_PROXY: v.optional(v.string(), ''),
  MODERATION: v.optional(v.picklist(['post', 'pre'], 'must be "post" or "pre"'), 'post'),
  WRITE_RATE_LIMIT: v.optional(count, '10'),
  READ_RATE_LIMIT: v.optional(count, '1200'),
  REVIEW_SEED: v.optional(v.picklist(['demo', 'none'], 'must be "demo" or "none"'), 'demo'),
  // A window past a year would overflow dates (a 500 after the comment is stored); 30 days is plenty.
  REVIEW_EDIT_WINDOW: v.optional(
    v.pipe(
      count,
      v.minValue(1, 'must be at least 1 second'),
      v.maxValue(30 * DAY, 'must be at most 2592000 seconds (30 days)'),
    ),
    '900',
  ),
  REVIEW_DUPLICATE_WINDOW: v.optional(
    v.pipe(count, v.maxValue(30 * DAY, 'must be at most 2592000 seconds (30 days)')),
    '3600',
  ),
  REVIEW_MAX_LINKS: v.optional(v.pipe(count, v.maxValue(1000, 'must be at most 1000')), '10'),
  REVIEW_DURABILITY: v.optional(v.picklist(['full', 'normal'], 'must be "full" or "normal"'), 'full'),
  // How far V8 lets the heap grow past what survived the last full collection, in percent; 0 keeps
  // V8's own rule (which lets it reach about four times the live heap: see server/heap.ts).
  REVIEW_HEAP_GROWTH: v.optional(v.pipe(count, v.maxValue(400, 'must be at most 400 (percent)')), '50'),
  // PostgreSQL instead of the SQLite file, for several processes on one database.
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => {
        try {
          const url = new URL(s);
          return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
        } catch {
          return false;
        }
      }, 'must be a PostgreSQL URL like postgres://user:password@host:5432/database'),
    ),
  ),
  ...DESK_ENV,
});

const KNOWN = new Set([...Object.keys(EnvSchema.entries)]);

/** Which proxies' forwarding headers to believe: none, the last N hops, or these addresses. */
export type TrustProxy = { hops: number } | { list: BlockList } | undefined;

export interface Config extends DeskConfig {
  host: string;
  port: number;
  db: string;
  /** When set, the store is PostgreSQL (and REVIEW_DB is not used). */
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  /** Origins allowed to write (and read with credentials); reads are open to any origin. */
  allowedOrigins: string[];
  /** The origins this server itself is reached at (its own site); empty: IP literals and localhost. */
  publicOrigins: string[];
  trustProxy: TrustProxy;
  moderation: 'post' | 'pre';
  /** Writes per minute per client; 0 turns the limit off (imports, load tests). */
  writeRateLimit: number;
  /** Reads per minute per client; 0 turns the limit off. */
  readRateLimit: number;
  /** Seed the demo reviews and comments into an empty database. */
  seed: 'demo' | 'none';
  /** How long after posting an author may edit or delete a comment, in milliseconds. */
  editWindowMs: number;
  /** The same text on the same review within this many ms is refused; 0 turns the rule off. */
  duplicateWindowMs: number;
  /** Links a comment may hold; 0 means none. */
  maxLinks: number;
  durability: 'full' | 'normal';
  /** Heap growth past the live heap allowed before a full collection, in percent; 0: V8's rule. */
  heapGrowthPercent: number;
}

/** What the API itself reads (server/api.ts): the rest is the Node process's (address, file, proxy). */
export type ApiConfig = Pick<
  Config,
  | 'adminToken'
  | 'allowedOrigins'
  | 'publicOrigins'
  | 'moderation'
  | 'writeRateLimit'
  | 'readRateLimit'
  | 'editWindowMs'
  | 'duplicateWindowMs'
  | 'maxLinks'
  // The owner's desk (#14): reports and admin sessions are API routes; uploads and notices are Node's.
  | 'reportHideAt'
  | 'adminSessionMs'
>;

export class ConfigError extends Error {}

function origins(name: string, value: string): string[] {
  const list = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError(
        `Invalid setting: ${name} entry ${JSON.stringify(origin)} is not an origin like https://blog.example`,
      );
    }
  }
  return list;
}

/** `TRUST_PROXY`: empty (trust no forwarding header), a hop count, or addresses and CIDR ranges. */
function trustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (!text || text === '0' || text === 'false') return undefined;
  if (/^\d{1,2}$/.test(text)) return { hops: Number(text) };
  const list = new BlockList();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max && /^\d+$/.test(bits)))
    ) {
      throw new ConfigError(
        `Invalid setting: TRUST_PROXY entry ${JSON.stringify(entry)} is not a hop count, an address, a CIDR range or "loopback"`,
      );
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return { list };
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const unknown = Object.keys(env).filter((k) => k.startsWith('REVIEW_') && !KNOWN.has(k));
  if (unknown.length) throw new ConfigError(`Unknown setting ${unknown.join(', ')}. Known: ${[...KNOWN].join(', ')}.`);
  const picked = Object.fromEntries(
    [...KNOWN].filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const result = v.safeParse(EnvSchema, picked);
  if (!result.success) {
    // A database URL may hold a password: name the setting, never echo its value.
    const shown = (key: string) => (key === 'DATABASE_URL' ? '' : `=${JSON.stringify(picked[key])}`);
    const messages = result.issues.map(
      (issue) => `${v.getDotPath(issue)}${shown(v.getDotPath(issue) ?? '')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid setting: ${messages.join('; ')}`);
  }
  const e = result.output;
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
    databaseUrl: e.DATABASE_URL,
    adminToken: e.REVIEW_ADMIN_TOKEN,
    allowedOrigins: origins('ALLOWED_ORIGINS', e.ALLOWED_ORIGINS),
    publicOrigins: origins('PUBLIC_ORIGIN', e.PUBLIC_ORIGIN),
    trustProxy: trustProxy(e.TRUST_PROXY),
    moderation: e.MODERATION,
    writeRateLimit: e.WRITE_RATE_LIMIT,
    readRateLimit: e.READ_RATE_LIMIT,
    seed: e.REVIEW_SEED,
    editWindowMs: e.REVIEW_EDIT_WINDOW * 1000,
    duplicateWindowMs: e.REVIEW_DUPLICATE_WINDOW * 1000,
    maxLinks: e.REVIEW_MAX_LINKS,
    durability: e.REVIEW_DURABILITY,
    heapGrowthPercent: e.REVIEW_HEAP_GROWTH,
    ...desk,
  };
}
