import type { ReviewClient } from '../../api/index.js';
import { COMMENTS_CHANGED, type CommentsChangedDetail } from '../comment-thread/events.js';
import { worthRetrying } from '../../api/errors.js';
import { retryLater } from '../../shared/retry-later.js';
import { own } from '../../shared/own.js';

type Listener = (count: number | undefined, error?: Error) => void;

interface Batch {
  client: ReviewClient;
  ids: Map<string, Set<Listener>>;
  scheduled: boolean;
}

const batches = new Map<string, Batch>();
const known = new Map<string, number>();
const listeners = new Map<string, Set<Listener>>();
const keyOf = (api: string, id: string) => `${api}\n${id}`;

/**
 * Every `<comment-count>` on a page that uses the same API asks here; the ids asked for in one
 * task are fetched in one `GET /v1/comment-counts?ids=…` (at most 100 ids a request).
 * Returns an unsubscribe function; the listener hears the count now and whenever it changes.
 */
export function watchCount(client: ReviewClient, api: string, id: string, listener: Listener): () => void {
  listenForChanges();
  clients.set(api, client);
  const key = keyOf(api, id);
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  if (known.has(key)) listener(known.get(key));
  else request(client, api, [id]);
  return () => {
    set!.delete(listener);
    if (set!.size === 0) listeners.delete(key);
  };
}

function request(client: ReviewClient, api: string, ids: string[]): void {
  let batch = batches.get(api);
  if (!batch) batches.set(api, (batch = { client, ids: new Map(), scheduled: false }));
  for (const id of ids) batch.ids.set(id, listeners.get(keyOf(api, id)) ?? new Set());
  if (batch.scheduled) return;
  batch.scheduled = true;
  queueMicrotask(() => void flush(api));
}

async function flush(api: string): Promise<void> {
  const batch = batches.get(api);
  if (!batch) return;
  batches.delete(api);
  const ids = [...batch.ids.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    try {
      const counts = await batch.client.getCommentCounts(chunk);
      attempts.delete(api);
      for (const id of chunk) {
        const key = keyOf(api, id);
        // An id the server does not know is left out of its answer: it has no comments to count.
        const count = own(counts, id);
        if (count !== undefined) known.set(key, count);
        listeners.get(key)?.forEach((l) => l(count));
      }
    } catch (error) {
      for (const id of chunk) listeners.get(keyOf(api, id))?.forEach((l) => l(undefined, error as Error));
      retryFailed(batch.client, api, chunk, error);
    }
  }
}

const attempts = new Map<string, number>();
const retrying = new Map<string, Set<string>>();

/**
 * A count has no Retry button: ask again by itself when the failure may pass (one timer per API
 * for every id that failed), for the ids that still have an element waiting.
 */
function retryFailed(client: ReviewClient, api: string, ids: string[], error: unknown): void {
  if (!worthRetrying(error)) return;
  const waiting = retrying.get(api);
  if (waiting) {
    ids.forEach((id) => waiting.add(id));
    return;
  }
  const failed = new Set(ids);
  retrying.set(api, failed);
  const attempt = attempts.get(api) ?? 0;
  attempts.set(api, attempt + 1);
  retryLater(
    attempt,
    () => {
      retrying.delete(api);
      const still = [...failed].filter((id) => listeners.get(keyOf(api, id))?.size && !known.has(keyOf(api, id)));
      if (still.length) request(client, api, still);
    },
    error,
  );
}

const clients = new Map<string, ReviewClient>();
let listening = false;

/** When a thread on this page posts or deletes, ask again for that review's count. */
function listenForChanges(): void {
  if (listening) return;
  listening = true;
  document.addEventListener(COMMENTS_CHANGED, (event) => {
    const { api, reviewId } = (event as CustomEvent<CommentsChangedDetail>).detail;
    const key = keyOf(api, reviewId);
    known.delete(key);
    const client = clients.get(api);
    if (client && listeners.get(key)?.size) request(client, api, [reviewId]);
  });
}
