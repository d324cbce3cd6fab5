import { joinUrl } from '../api/urls.js';

/** The events `GET {api}/reviews/{id}/events` sends (see server/live/openapi.ts). */
export type LiveEventType = 'comment-created' | 'comment-updated' | 'comment-removed' | 'count' | 'reset';
const TYPES: readonly LiveEventType[] = ['comment-created', 'comment-updated', 'comment-removed', 'count', 'reset'];

export interface LiveListener {
  /** One event; `data` is the event's JSON, parsed (the caller validates it). */
  event(type: LiveEventType, data: unknown): void;
  /** The stream is open (again, after a reconnect) or down (the browser is reconnecting, or gave up). */
  connected?(open: boolean): void;
}

interface Feed {
  source: EventSource;
  listeners: Set<LiveListener>;
  /** The last events received, for a listener that joins an open stream from an earlier position. */
  recent: { id: number; type: LiveEventType; data: unknown }[];
}

/** How many received events an open stream keeps for late joiners (a few KB; no timer). */
const RECENT = 100;

/**
 * One EventSource per events URL, shared by every element on the page that follows that review (a
 * thread and its counts make one connection, not three: the server allows six per reader), opened
 * with the first listener and closed with the last. Written by hand because the browser's
 * EventSource already does the hard parts — reconnecting, and resuming with Last-Event-ID — and
 * nothing here keeps a timer: an idle stream costs the page nothing.
 */
const feeds = new Map<string, Feed>();

/** The events URL of a review at an API base (absolute, as elements resolve it). */
export const eventsUrl = (api: string, reviewId: string) =>
  joinUrl(api, `reviews/${encodeURIComponent(reviewId)}/events`);

/**
 * Follows a review's live events; returns the function that stops. Does nothing where there is
 * no EventSource (a server render, an old browser): the element stays as it was loaded.
 * `after`: the event id what the listener shows already reflects (a comments page's `eventId`):
 * a new stream resumes after it, and an open one hands on what it received after it, so nothing
 * posted between the page and the stream is missed (events the page has come too: the listener
 * drops those by comment id).
 */
export function followReview(api: string, reviewId: string, listener: LiveListener, after?: number): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const url = eventsUrl(api, reviewId);
  let feed = feeds.get(url);
  // A stream the browser gave up on (the server refused it: 429, 404) opens anew for a newcomer.
  if (feed && feed.source.readyState === EventSource.CLOSED) {
    close(url, feed);
    feed = undefined;
  }
  if (!feed) feeds.set(url, (feed = open(after === undefined ? url : `${url}?lastEventId=${after}`)));
  else if (after !== undefined) {
    for (const e of feed.recent) if (e.id > after) deliver(listener, (l) => l.event(e.type, e.data));
  }
  feed.listeners.add(listener);
  if (feed.source.readyState === EventSource.OPEN) listener.connected?.(true);
  const joined = feed;
  return () => {
    if (!joined.listeners.delete(listener)) return;
    if (!joined.listeners.size && feeds.get(url) === joined) close(url, joined);
  };
}

function deliver(listener: LiveListener, call: (l: LiveListener) => void): void {
  try {
    call(listener);
  } catch (error) {
    // One element's failure must not stop the others, nor reach the host page as uncaught.
    console.error('review-elements: live update failed:', error);
  }
}

function open(url: string): Feed {
  const source = new EventSource(url);
  const feed: Feed = { source, listeners: new Set(), recent: [] };
  const each = (call: (l: LiveListener) => void) => {
    for (const listener of [...feed.listeners]) deliver(listener, call);
  };
  for (const type of TYPES) {
    source.addEventListener(type, (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return; // not JSON: not an event this version understands
      }
      const id = Number((event as MessageEvent<string>).lastEventId);
      // After a reset the stream skipped events: what came before it is no place to resume from.
      if (type === 'reset') feed.recent = [];
      else if (Number.isSafeInteger(id)) {
        feed.recent.push({ id, type, data });
        if (feed.recent.length > RECENT) feed.recent.shift();
      }
      each((l) => l.event(type, data));
    });
  }
  source.addEventListener('open', () => each((l) => l.connected?.(true)));
  source.addEventListener('error', () => each((l) => l.connected?.(false)));
  return feed;
}

function close(url: string, feed: Feed): void {
  feed.source.close();
  feeds.delete(url);
}
