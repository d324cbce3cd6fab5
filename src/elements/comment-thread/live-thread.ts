import { html, nothing, type ReactiveController } from 'lit';
import { parseCommentPage, type Comment } from '../../api/index.js';
import { followReview, type LiveEventType } from '../../data/live-events.js';
import { baseUrl } from '../../shared/base-url.js';
import { plural } from '../../shared/format.js';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';
import { REPLIES_SHOWN } from './comment-view.js';
import { tokenFor } from './storage.js';
import type { ThreadController, ThreadHost } from './thread-controller.js';
import { findPath, toNode, updateNode, type Node } from './thread-model.js';

export interface LiveHost extends ThreadHost {
  live: boolean;
}

export interface LiveOptions {
  localize(): { t: Pick<Translation, BaseKey | 'thread'>; locale: string };
  setStates(states: Record<string, boolean>): void;
}

/** Where the "N new comments" button sits: where the new comments will appear. */
export type NoticePlace = 'before' | 'after';

/**
 * `<comment-thread live>`: the thread's changes as they happen, without moving anything under the
 * reader's eyes. New comments wait behind a polite "N new comments" button, in a live region, at
 * the place they will appear (top of the list for newest first, its end otherwise); the reader
 * chooses to show them, and focus goes to the first. Edits and removals of comments on the page,
 * and the count, change in place. The reader's own posts are theirs already, never "new".
 */
export class LiveThread implements ReactiveController {
  readonly #host: LiveHost;
  readonly #thread: ThreadController;
  readonly #options: LiveOptions;
  #following = '';
  #stop?: () => void;
  /** New comments not shown yet, in the order they came. */
  #waiting: Comment[] = [];
  /** The server's latest count: it wins over the thread's own arithmetic (see hostUpdate). */
  #count: number | undefined;

  constructor(host: LiveHost, thread: ThreadController, options: LiveOptions) {
    this.#host = host;
    this.#thread = thread;
    this.#options = options;
    host.addController(this);
  }

  /** How many new comments wait for the reader. */
  get waiting(): number {
    return this.#waiting.length;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    // The thread adds its own post to its total when the server answers, which may be after the
    // server's count already included it: the count from the stream is the one to show.
    if (this.#count !== undefined) this.#thread.total = this.#count;
    // A reload, another sort or "Load more" may have brought some of them: they are not new then.
    if (this.#waiting.length) this.#waiting = this.#waiting.filter((c) => !findPath(this.#thread.nodes, c.id));
  }

  hostUpdated(): void {
    this.#follow();
  }

  /** Opens or closes the stream as `live`, the connection and the review say. */
  #follow(): void {
    const { api, id } = this.#thread.review.origin;
    const key = this.#host.live && this.#host.isConnected && api && id ? `${api}\n${id}` : '';
    if (key === this.#following) return;
    this.#stop?.();
    this.#stop = undefined;
    this.#waiting = [];
    this.#count = undefined;
    this.#following = key;
    this.#options.setStates({ live: false });
    if (!key) return;
    // A first page already shown says which events it reflects: the stream goes on from there, so
    // a comment posted between that page and now is announced. (Before the page, a stream opened
    // now is early enough: the page, when it comes, has everything before.)
    const { status, value } = this.#thread.page.state;
    this.#stop = followReview(
      api!,
      id!,
      {
        event: (type, data) => this.#event(type, data),
        connected: (open) => this.#options.setStates({ live: open }),
      },
      status === 'ready' ? value?.eventId : undefined,
    );
  }

  #event(type: LiveEventType, data: unknown): void {
    const thread = this.#thread;
    if (type === 'count') {
      const count = (data as { count?: unknown } | null)?.count;
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0) this.#count = count;
    } else if (type === 'reset') {
      void this.#catchUp();
    } else if (type === 'comment-removed') {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') this.#removed(id);
    } else {
      let comment: Comment;
      try {
        // Checked as a fetched comment is, by the page schema the thread already carries.
        [comment] = parseCommentPage({ items: [data], nextCursor: null }, baseUrl()).items;
      } catch {
        return; // not a comment we can show; a reload will have it
      }
      if (findPath(thread.nodes, comment.id) || type === 'comment-updated') this.#updated(comment);
      else this.#created(comment);
    }
    this.#host.requestUpdate();
  }

  #created(comment: Comment): void {
    if (comment.status !== 'published' || this.#isOwn(comment)) return;
    const { parentId } = comment;
    // A reply to a comment not on the page shows with its parent, when that page loads.
    if (parentId && !findPath(this.#thread.nodes, parentId) && !this.#waiting.some((c) => c.id === parentId)) return;
    this.#waiting = [...this.#waiting.filter((c) => c.id !== comment.id), comment];
  }

  #updated(comment: Comment): void {
    this.#waiting = this.#waiting.map((c) => (c.id === comment.id ? comment : c));
    // The reader's own edit in progress keeps its words (`ui.editText`); replies are the page's.
    this.#thread.update(comment.id, (n) => ({ ...n, comment: { ...comment, replies: n.comment.replies } }));
  }

  #removed(id: string): void {
    this.#waiting = this.#waiting.filter((c) => c.id !== id && c.parentId !== id);
    const node = findPath(this.#thread.nodes, id)?.at(-1);
    if (!node) return;
    // Focus inside a comment that goes would fall to the page's top: the heading holds it instead.
    const active = this.#host.shadowRoot?.activeElement;
    if (active && active.closest(`#c-${CSS.escape(id)}`)) this.#thread.focusAfter('heading');
    // As the author's own delete does: with replies it stays as "[deleted]", so the thread keeps its shape.
    this.#thread.update(id, (n) =>
      n.replies.length ? { ...n, comment: { ...n.comment, status: 'deleted', body: '' }, ui: {} } : undefined,
    );
  }

  /**
   * The reader's own post: one they hold an edit token for, or one still on its way from this page
   * (the event can arrive before the server's answer to the post).
   */
  #isOwn(comment: Comment): boolean {
    if (tokenFor(comment.id)) return true;
    const local = (nodes: Node[]): boolean =>
      nodes.some(
        (n) =>
          (n.local &&
            n.local.entry.body === comment.body &&
            n.local.entry.name === comment.author.name &&
            n.local.entry.parentId === comment.parentId) ||
          local(n.replies),
      );
    return local(this.#thread.nodes);
  }

  /** The stream could not resume (too far behind): the first page again says what is new. */
  async #catchUp(): Promise<void> {
    const { client, reviewId } = this.#thread;
    if (!client || !reviewId) return;
    try {
      const page = await client.getComments(
        reviewId,
        { sort: this.#host.sort, limit: this.#host.pageSize },
        { revalidate: true },
      );
      for (const comment of page.items) {
        if (findPath(this.#thread.nodes, comment.id)) this.#updated(comment);
        else this.#created(comment);
      }
      this.#count = page.total;
      this.#host.requestUpdate();
    } catch {
      // Nothing to show for it: the next change or a reload brings the thread up to date.
    }
  }

  /** Shows the waiting comments where the button was, and puts focus on the first of them. */
  show(): void {
    const thread = this.#thread;
    const fresh = this.#waiting.filter((c) => !findPath(thread.nodes, c.id));
    this.#waiting = [];
    const tops = fresh.filter((c) => !c.parentId).map(toNode);
    const newestFirst = this.#host.sort === 'newest';
    thread.nodes = newestFirst ? [...tops.reverse(), ...thread.nodes] : [...thread.nodes, ...tops];
    let first = tops[0]?.comment.id;
    for (const reply of fresh.filter((c) => c.parentId)) {
      first ??= reply.id;
      thread.nodes = updateNode(thread.nodes, reply.parentId!, (p) => ({
        ...p,
        replies: [...p.replies, toNode(reply)],
        ui: { ...p.ui, repliesShown: Math.max(p.ui.repliesShown ?? REPLIES_SHOWN, p.replies.length + 1) },
      }));
    }
    if (first) thread.focusAfter({ id: first, name: 'comment' });
    this.#host.requestUpdate();
  }

  /** The live region with the button, at `place` when new comments appear there (else nothing). */
  notice(place: NoticePlace) {
    if (!this.#host.live || (place === 'before') !== (this.#host.sort === 'newest')) return nothing;
    const { t, locale } = this.#options.localize();
    const n = this.#waiting.length;
    return html`<div part="live-notice" class=${place} aria-live="polite">${
      n
        ? html`<button type="button" class="button" part="new-comments" @click=${() => this.show()}>${plural(locale, t.thread.newComments, n)}</button>`
        : nothing
    }</div>`;
  }
}
