import type { ReviewClient } from '../../api/index.js';
import { COMMENTS_CHANGED, type CommentsChangedDetail } from '../../data/contexts.js';
import { worthRetrying } from '../../api/errors.js';
import { retryLater } from '../../shared/retry-later.js';
import { own } from '../../shared/own.js';

type Settle = (count: number | undefined, error?: Error) => void;

interface Batch {
  client: ReviewClient;
  ids: Set<string>;
}

const batches = new Map<string, Batch>();
/** Counts answered, by API and id: every later load of the same count is answered from here. */
const known = new Map<string, number | undefined>();
/** Loads waiting for the batch they joined, by API and id. */
const waiting = new Map<string, Set<Settle>>();
/** Elements showing a count, told when it changes (after a retry, or a thread's post). */
const watchers = new Map<string, Set<(count: number | undefined) => void>>();
const clients = new Map<string, ReviewClient>();
const keyOf = (api: string, id: string) => `${api}\n${id}`;

/**
 * One review's count, for `<comment-count>`'s data controller. Every count asked for in one task,
 * for the same API, comes from one `GET /v1/comment-counts?ids=…` (at most 100 ids a request); a
 * count already answered comes from memory. Undefined: the server does not know the review.
 */
export function loadCount(client: ReviewClient, api: string, id: string): Promise<number | undefined> {
  listenForChanges();
  clients.set(api, client);
  const key = keyOf(api, id);
  if (known.has(key)) return Promise.resolve(known.get(key));
  return new Promise((resolve, reject) => {
    let set = waiting.get(key);
    if (!set) waiting.set(key, (set = new Set()));
    set.add((count, error) => (error ? reject(error) : resolve(count)));
    request(client, api, [id]);
  });
}

/**
 * Hears when a count changes after it was loaded (a failed batch that succeeded on retry, or a
 * thread on the page that posted or deleted): the element then loads it again, from memory.
 * Returns the function that stops it; only counts someone watches are retried or asked again.
 */
export function watchCount(api: string, id: string, changed: (count: number | undefined) => void): () => void {
  const key = keyOf(api, id);
  let set = watchers.get(key);
  if (!set) watchers.set(key, (set = new Set()));
  set.add(changed);
  return () => {
    set.delete(changed);
    if (set.size === 0) watchers.delete(key);
  };
}

function request(client: ReviewClient, api: string, ids: string[]): void {
  let batch = batches.get(api);
  if (!batch) {
    batches.set(api, (batch = { client, ids: new Set() }));
    queueMicrotask(() => void flush(api));
  }
  ids.forEach((id) => batch.ids.add(id));
}

async function flush(api: string): Promise<void> {
  const batch = batches.get(api);
  if (!batch) return;
  batches.delete(api);
  const ids = [...batch.ids];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    try {
      const counts = await batch.client.getCommentCounts(chunk);
      attempts.delete(api);
      for (const id of chunk) {
        const key = keyOf(api, id);
        // An id the server does not know is left out of its answer: it has no comments to count.
        known.set(key, own(counts, id));
        settle(key, known.get(key));
      }
    } catch (error) {
      for (const id of chunk) settle(keyOf(api, id), undefined, error as Error);
      retryFailed(batch.client, api, chunk, error);
    }
  }
}

function settle(key: string, count: number | undefined, error?: Error): void {
  const loads = waiting.get(key);
  waiting.delete(key);
  loads?.forEach((s) => s(count, error));
  // Elements that were not waiting (a retry, a refresh after a post) decide whether theirs changed.
  if (!error) watchers.get(key)?.forEach((w) => w(count));
}

const attempts = new Map<string, number>();
const retrying = new Map<string, Set<string>>();

/**
 * A count has no Retry button: ask again by itself when the failure may pass, with one timer per
 * API for every id that failed (a timer per element would split the batch into one request per
 * count), for the ids that still have an element showing them.
 */
function retryFailed(client: ReviewClient, api: string, ids: string[], error: unknown): void {
  if (!worthRetrying(error)) return;
  const pending = retrying.get(api);
  if (pending) {
    ids.forEach((id) => pending.add(id));
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
      const still = [...failed].filter((id) => watchers.get(keyOf(api, id))?.size && !known.has(keyOf(api, id)));
      if (still.length) request(client, api, still);
    },
    error,
  );
}

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
    if (client && watchers.get(key)?.size) request(client, api, [reviewId]);
  });
}
