/** Helpers for the comment tests, which run against the real reference server behind /v1. */
import { waitUntil } from '@open-wc/testing';
import type { CommentThread } from '../../src/index.js';
import { ADMIN, unique } from './helpers.js';

/**
 * A fresh review on the server (or on the pre-moderated one), so each test has its own thread;
 * `id` and `doc` (fields over the minimal document) when a test needs them. Storing an existing id
 * again replaces it.
 */
export async function createReview(
  options: { open?: boolean; base?: string; id?: string; doc?: Record<string, unknown> } = {},
): Promise<string> {
  const id = options.id ?? unique('thread');
  const base = options.base ?? '/v1';
  const res = await fetch(`${base}/reviews/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: ADMIN,
    body: JSON.stringify({
      id,
      url: `https://blog.example/${id}`,
      lang: 'en',
      title: `Review ${id}`,
      publishedAt: '2025-03-01T10:00:00Z',
      work: { title: `Work ${id}`, type: 'movie' },
      comments: { open: options.open ?? true },
      ...options.doc,
    }),
  });
  if (!res.ok) throw new Error(`could not store review ${id}: ${res.status}`);
  return id;
}

/** Posts through the API directly (what another reader did earlier); returns the created comment. */
export async function postComment(
  reviewId: string,
  body: string,
  options: { name?: string; parentId?: string; spoiler?: boolean; base?: string } = {},
) {
  const res = await fetch(`${options.base ?? '/v1'}/reviews/${reviewId}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      author: { name: options.name ?? 'Reader' },
      body,
      parentId: options.parentId ?? null,
      spoiler: options.spoiler ?? false,
    }),
  });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; editToken: string; body: string };
}

/** What the server holds for a review now. */
export async function serverComments(reviewId: string, base = '/v1') {
  const res = await fetch(`${base}/reviews/${reviewId}/comments?limit=100`);
  return (await res.json()) as { items: { id: string; body: string; replies: { body: string }[] }[]; total: number };
}

/** The faults the proxy in front of the server can inject (see test/support/review-server.mjs). */
export type FaultMode =
  'lose-response' | 'fail' | 'status-500' | 'hang' | 'truncate' | 'html' | 'trickle' | 'offline' | 'cors';

/**
 * Makes the next matching request(s) fail at the proxy in front of the server: `times` of them
 * (1 by default), all for `forMs`, or with `untilCleared` all until `clearFaults`.
 */
export async function injectFault(
  match: string,
  mode: FaultMode,
  options: { times?: number; forMs?: number; method?: string; untilCleared?: boolean } = {},
) {
  const times = options.untilCleared ? undefined : (options.times ?? 1);
  const res = await fetch('/__faults', {
    method: 'POST',
    body: JSON.stringify({ match, mode, times, forMs: options.forMs, method: options.method }),
  });
  if (!res.ok) throw new Error(`could not inject the fault: ${await res.text()}`);
}

/** The API comes back: clears the faults injected with exactly this `match` (or all of them). */
export async function clearFaults(match?: string) {
  await fetch(`/__faults${match === undefined ? '' : `?match=${encodeURIComponent(match)}`}`, { method: 'DELETE' });
}

export const root = (el: CommentThread) => el.shadowRoot!;
export const form = (el: CommentThread, parent = false) =>
  [...root(el).querySelectorAll('review-comment-form')].find(
    (f) => Boolean((f as unknown as { parentId: string | null }).parentId) === parent,
  )!;
export const field = (f: Element, id: string) =>
  f.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;

export async function fill(f: Element, values: { name?: string; body?: string; email?: string }) {
  for (const [id, value] of Object.entries(values)) {
    const input = field(f, id);
    input.value = value!;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await (f as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

export const submit = (f: Element) =>
  (f.shadowRoot!.querySelector('button[type="submit"]') as HTMLButtonElement).click();

/** The thread's comments as [author, body] pairs, in document order. */
export const shown = (el: CommentThread) =>
  [...root(el).querySelectorAll('article[part~="comment"]')].map((a) => [
    (a.querySelector('[part~="author"]') as HTMLElement).innerText.trim(),
    ((a.querySelector('[part~="comment-body"]') as HTMLElement | null)?.innerText ?? '').trim(),
  ]);

/** The first page shown, and the review read (the form, or "Comments are closed"): they load in parallel. */
export const loaded = (el: CommentThread) =>
  waitUntil(
    () =>
      !el.matches(':state(loading)') &&
      root(el).querySelector('[part~="comments"], [part~="empty"], [part~="error"]') &&
      root(el).querySelector('review-comment-form, [part~="closed"]'),
    'thread did not load',
    { timeout: 5000 },
  );
