/**
 * The owner's side of the review API (admin routes), for `<review-editor>`, `<comment-moderation>`
 * and the /admin/ page. It signs in with the session cookie (HttpOnly: scripts never see it) and
 * keeps the CSRF token in memory only; a script that has the admin token may pass it instead.
 */
import type { ReviewInput } from '../api/types.js';

export type ReviewState = 'draft' | 'published';
export type QueueStatus = 'pending' | 'reported' | 'published' | 'rejected' | 'spam';
export type ModerationAction = 'approve' | 'reject' | 'spam' | 'delete' | 'purge';

export interface AdminReviewRow {
  id: string;
  title: string;
  workTitle: string;
  state: ReviewState;
  publishedAt: string;
  commentCount: number;
  pendingCount: number;
}

export interface QueueComment {
  id: string;
  parentId: string | null;
  reviewId: string;
  reviewTitle: string;
  body: string;
  spoiler: boolean;
  createdAt: string;
  editedAt: string | null;
  status: QueueStatus | 'deleted';
  author: { name: string; email: string | null; emailHash: string | null };
  clientIp: string | null;
  reports: number;
  reasons: string[];
}

export interface Ban {
  id: string;
  kind: 'email' | 'network';
  value: string;
  reason: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface Upload {
  url: string;
  type: string;
  width: number;
  height: number;
}

/** A refused admin request: the problem document's `code`, and field messages for `invalid-body`. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class AdminClient {
  readonly api: string;
  /** The admin token, for scripts; the UI leaves it unset and uses the session. */
  readonly token: string | undefined;
  #csrf: string | undefined;

  constructor(api = '/v1', token?: string) {
    this.api = api.replace(/\/+$/, '');
    this.token = token;
  }

  get signedIn(): boolean {
    return Boolean(this.token || this.#csrf);
  }

  /** Whether a session is open (after a reload); picks up its CSRF token. */
  async resume(): Promise<boolean> {
    if (this.token) return true;
    try {
      const session = await this.#request<{ csrfToken: string }>('GET', '/admin/session');
      this.#csrf = session.csrfToken;
      return true;
    } catch {
      this.#csrf = undefined;
      return false;
    }
  }

  async signIn(token: string): Promise<void> {
    const session = await this.#request<{ csrfToken: string }>('POST', '/admin/session', { token });
    this.#csrf = session.csrfToken;
  }

  async signOut(): Promise<void> {
    try {
      await this.#request('DELETE', '/admin/session');
    } finally {
      this.#csrf = undefined;
    }
  }

  listReviews(query: { q?: string; state?: ReviewState; cursor?: string }) {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    return this.#request<{ items: AdminReviewRow[]; nextCursor: string | null }>('GET', `/admin/reviews?${params}`);
  }

  getReview(id: string) {
    return this.#request<{ state: ReviewState; review: ReviewInput & { commentCount?: number } }>(
      'GET',
      `/admin/reviews/${encodeURIComponent(id)}`,
    );
  }

  /** Creates or replaces; a new review becomes a draft unless `state` says otherwise. */
  putReview(doc: ReviewInput, state?: ReviewState) {
    return this.#request<ReviewInput>(
      'PUT',
      `/reviews/${encodeURIComponent(doc.id)}${state ? `?state=${state}` : ''}`,
      doc,
    );
  }

  setState(id: string, state: ReviewState) {
    return this.#request(
      'POST',
      `/admin/reviews/${encodeURIComponent(id)}/${state === 'published' ? 'publish' : 'unpublish'}`,
    );
  }

  deleteReview(id: string) {
    return this.#request('DELETE', `/reviews/${encodeURIComponent(id)}`);
  }

  upload(file: Blob) {
    return this.#request<Upload>('POST', '/admin/uploads', file);
  }

  queue(query: { status: QueueStatus; review?: string; cursor?: string }) {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    return this.#request<{ items: QueueComment[]; nextCursor: string | null }>('GET', `/admin/queue?${params}`);
  }

  bulk(action: ModerationAction, ids: string[]) {
    return this.#request<{ results: { id: string; ok: boolean }[] }>('POST', '/admin/comments/bulk', { action, ids });
  }

  bans() {
    return this.#request<{ items: Ban[] }>('GET', '/admin/bans');
  }

  ban(input: { kind: 'email' | 'network'; commentId: string; hours?: number }) {
    return this.#request<Ban>('POST', '/admin/bans', input);
  }

  liftBan(id: string) {
    return this.#request('DELETE', `/admin/bans/${encodeURIComponent(id)}`);
  }

  async #request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    else if (this.#csrf && method !== 'GET') headers['X-CSRF-Token'] = this.#csrf;
    let payload: BodyInit | undefined;
    if (body instanceof Blob) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(`${this.api}${path}`, {
        method,
        headers,
        body: payload,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new AdminApiError(0, 'network', 'The server could not be reached');
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => undefined)) as
      (Record<string, unknown> & { code?: string; detail?: string }) | undefined;
    if (!res.ok) {
      if (res.status === 401) this.#csrf = undefined;
      const errors = Array.isArray(json?.errors) ? (json.errors as { path: string; message: string }[]) : [];
      throw new AdminApiError(res.status, json?.code ?? 'server-error', json?.detail ?? `HTTP ${res.status}`, errors);
    }
    return json as T;
  }
}
