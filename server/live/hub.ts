import type { LiveEvent, LiveFeed } from './feed.js';

/** Each client (address) may hold this many streams open on one process at a time. */
export const STREAMS_PER_CLIENT = 6;
/** A comment line this often keeps proxies from closing an idle stream (most wait 60 s). */
const HEARTBEAT_MS = 25_000;
/** What the browser waits before reconnecting after a drop. */
const RETRY_MS = 3000;
/** A reader that stops reading is dropped once this much waits for it. */
const MAX_BUFFERED = 256 * 1024;

const encoder = new TextEncoder();

interface Stream {
  client: string;
  send(text: string): void;
  close(): void;
}

export const formatEvent = (e: LiveEvent) => `id: ${e.id}\nevent: ${e.type}\ndata: ${e.data}\n\n`;

/**
 * The open event streams of this process. An idle stream costs one entry in a set and one
 * subscription: the heartbeat is one timer for all streams, not one each.
 */
export class LiveHub {
  readonly #feed: LiveFeed;
  readonly #streams = new Set<Stream>();
  readonly #perClient = new Map<string, number>();
  #heartbeat: NodeJS.Timeout | undefined;
  readonly #heartbeatMs: number;

  constructor(feed: LiveFeed, { heartbeatMs = HEARTBEAT_MS }: { heartbeatMs?: number } = {}) {
    this.#feed = feed;
    this.#heartbeatMs = heartbeatMs;
  }

  /** Whether the shared heartbeat timer runs (only while a stream is open). */
  get beating(): boolean {
    return this.#heartbeat !== undefined;
  }

  get size(): number {
    return this.#streams.size;
  }

  /**
   * Where the review's events stand now: a page read after this reflects every event up to it, so
   * a stream opened with ?lastEventId= of it misses nothing that came between the two.
   */
  position(reviewId: string): Promise<number> {
    return this.#feed.position(reviewId);
  }

  /** Whether this client may open one more stream. */
  admits(client: string): boolean {
    return (this.#perClient.get(client) ?? 0) < STREAMS_PER_CLIENT;
  }

  /**
   * A stream of the review's events: first what was missed since `lastId` (or a `reset` event
   * when that is no longer kept), then each new event as it happens. Subscribes before reading
   * the log, and drops duplicates by id, so nothing falls between the two.
   */
  open(reviewId: string, client: string, lastId: number | undefined): ReadableStream<Uint8Array> {
    let stream: Stream | undefined;
    let unsubscribe = () => {};
    let sentThrough = lastId ?? -1;
    let buffered: LiveEvent[] | undefined = [];
    // The stream's own methods need `this` for themselves and the hub's private members too.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const hub = this;
    const deliver = (event: LiveEvent) => {
      if (buffered) return void buffered.push(event);
      if (event.id <= sentThrough) return;
      sentThrough = event.id;
      stream?.send(formatEvent(event));
    };
    return new ReadableStream<Uint8Array>(
      {
        async start(controller) {
          let closed = false;
          stream = {
            client,
            send(text) {
              if (closed) return;
              if ((controller.desiredSize ?? 0) < -MAX_BUFFERED) return this.close();
              controller.enqueue(encoder.encode(text));
            },
            close() {
              if (closed) return;
              closed = true;
              hub.#remove(this);
              unsubscribe();
              try {
                controller.close();
              } catch {
                // already cancelled by the client
              }
            },
          };
          hub.#add(stream);
          unsubscribe = hub.#feed.subscribe(reviewId, deliver);
          stream.send(`retry: ${RETRY_MS}\n\n`);
          try {
            if (lastId !== undefined) {
              const missed = await hub.#feed.since(reviewId, lastId);
              if (missed === undefined) {
                // Too far behind (or an id this server never gave): the reader reloads the thread.
                sentThrough = await hub.#feed.position(reviewId);
                stream.send(`id: ${sentThrough}\nevent: reset\ndata: {}\n\n`);
              } else {
                for (const event of missed) {
                  sentThrough = event.id;
                  stream.send(formatEvent(event));
                }
              }
            } else {
              // A first connection says where it starts, so a reconnect can resume from there.
              sentThrough = await hub.#feed.position(reviewId);
              stream.send(`id: ${sentThrough}\n\n`);
            }
          } catch (error) {
            console.error('review-server: live stream:', (error as Error).message);
            stream.close();
            return;
          }
          const waiting = buffered ?? [];
          buffered = undefined;
          for (const event of waiting) deliver(event);
        },
        cancel() {
          stream?.close();
        },
      },
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
  }

  #add(stream: Stream): void {
    this.#streams.add(stream);
    this.#perClient.set(stream.client, (this.#perClient.get(stream.client) ?? 0) + 1);
    this.#heartbeat ??= setInterval(() => {
      for (const s of this.#streams) s.send(': heartbeat\n\n');
    }, this.#heartbeatMs);
    // Node's timers can be told not to hold the process open; a browser's (the stories) cannot.
    (this.#heartbeat as { unref?: () => void }).unref?.();
  }

  #remove(stream: Stream): void {
    if (!this.#streams.delete(stream)) return;
    const n = (this.#perClient.get(stream.client) ?? 1) - 1;
    if (n > 0) this.#perClient.set(stream.client, n);
    else this.#perClient.delete(stream.client);
    if (!this.#streams.size) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = undefined;
    }
  }

  /** Ends every stream (on shutdown): browsers reconnect, to another process if there is one. */
  closeAll(): void {
    for (const stream of [...this.#streams]) stream.close();
  }
}
