import pg from 'pg';
import { clientConfig } from './pool.js';

type Handler = (payload: string) => void;

/**
 * One dedicated connection per process that LISTENs, for every channel this process cares about
 * (cache invalidation, live events). While it is down, notifications are missed: `connected` is
 * false (the store then reads through its caches), and `onReconnect` handlers run once it is back
 * (drop everything cached, resend what streams may have missed).
 */
export class PgListener {
  readonly #url: string;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #reconnected = new Set<(downSince: number) => void>();
  /** When the connection was lost (ms), for what to catch up on after reconnecting. */
  #downSince = 0;
  #client: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  connected = false;

  constructor(url: string) {
    this.#url = url;
  }

  on(channel: string, handler: Handler): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`channel ${channel}: lower-case letters and _ only`);
    let set = this.#handlers.get(channel);
    if (!set) this.#handlers.set(channel, (set = new Set()));
    set.add(handler);
  }

  /** Runs once the listener is back after a drop, with the time the drop began. */
  onReconnect(handler: (downSince: number) => void): void {
    this.#reconnected.add(handler);
  }

  /** Resolves once listening (the first time); later drops reconnect on their own. */
  async start(): Promise<void> {
    const client = new pg.Client({ ...clientConfig(this.#url), application_name: 'review-server listener' });
    client.on('notification', (n) => {
      for (const handler of this.#handlers.get(n.channel) ?? []) handler(n.payload ?? '');
    });
    client.on('error', (error) => {
      console.error('review-server: postgres listener:', error.message);
      this.#lost(client);
    });
    client.on('end', () => this.#lost(client));
    await client.connect();
    for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.#client = client;
    this.connected = true;
  }

  /** The connection is gone (or failed a query): stop trusting caches now, reconnect soon. */
  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.connected = false;
    this.#client = undefined;
    this.#downSince = Date.now();
    client.end().catch(() => {});
    if (!this.#closed) this.#retry = setTimeout(() => void this.#reconnect(), 500);
  }

  async #reconnect(): Promise<void> {
    try {
      await this.start();
      for (const handler of this.#reconnected) handler(this.#downSince);
    } catch {
      if (!this.#closed) this.#retry = setTimeout(() => void this.#reconnect(), 1000);
    }
  }

  /**
   * Resolves once every notification committed before the call has been handled. A round trip on
   * the listening connection is that barrier: a writer signals the listeners before its COMMIT
   * returns, and PostgreSQL sends a listener's pending notifications before it answers the next
   * query (before ReadyForQuery), on the same socket, which node-postgres reads in order. So a
   * comment acknowledged by process A is in process B's caches' view by the time B answers a read
   * that started after it. Concurrent callers share round trips: one in flight, one queued.
   */
  sync(): Promise<void> {
    if (!this.#client) return Promise.resolve();
    if (this.#queued) return this.#queued;
    const after = this.#inFlight ?? Promise.resolve();
    // A caller arriving while a round trip is out needs the next one: its write may be newer.
    const next = after.then(() => {
      if (this.#queued === next) this.#queued = undefined;
      const client = this.#client;
      // A failed round trip means the connection is gone: mark it so before the read goes on,
      // so the read skips the caches that may have missed a notification.
      const trip = client
        ? client.query('SELECT 1').then(
            () => {},
            () => this.#lost(client),
          )
        : Promise.resolve();
      this.#inFlight = trip;
      return trip.finally(() => {
        if (this.#inFlight === trip) this.#inFlight = undefined;
      });
    });
    this.#queued = next;
    return next;
  }

  #inFlight: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    this.connected = false;
    await client?.end().catch(() => {});
  }
}
