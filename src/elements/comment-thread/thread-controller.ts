import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  isAbortError,
  parseCommentPage,
  type CommentInput,
  type CommentPage,
  type CommentSort,
  type ReviewClient,
} from '../../api/index.js';
import { absoluteUrl } from '../../api/urls.js';
import { DataController } from '../../data/data-controller.js';
import { DataView } from '../../data/data-view.js';
import { ReviewDataController } from '../../data/review-data-controller.js';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';
import { errorMessage } from '../../shared/load-states.js';
import { postFailure, REPLIES_SHOWN } from './comment-view.js';
import { COMMENTS_CHANGED, CommentErrorEvent, CommentPostEvent, CommentPostedEvent } from './events.js';
import type { FocusName } from './focus-targets.js';
import {
  addToOutbox,
  draftParents,
  entryInput,
  loadOutbox,
  outboxEntry,
  removeFromOutbox,
  saveToken,
  type OutboxEntry,
} from './storage.js';
import { findPath, setUi, toNode, updateNode, withLocal, type Node, type NodeUi } from './thread-model.js';
import { deleteComment, saveEdit } from './thread-writes.js';
import { checkPending, rememberPending, withPending } from './own-comments.js';
import { baseUrl } from '../../shared/base-url.js';

/** Below the server's 24 h Idempotency-Key memory, with an hour to spare. */
const OUTBOX_RESEND_MS = 23 * 60 * 60 * 1000;

export interface ThreadHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  review?: string;
  sort: CommentSort;
  pageSize: number;
}

/** What takes focus after the next update: a part of a comment, or the thread's heading. */
export type FocusRequest = { id: string; name: FocusName } | 'heading';

export interface ThreadOptions {
  /** The strings announced to screen readers. */
  t(): Pick<Translation, BaseKey | 'thread'>;
  /** Moves focus, after the update that rendered the target. */
  focus(target: FocusRequest): void;
  /** The thread's heading: focus goes there after a Retry. */
  heading(): HTMLElement | null | undefined;
  setStates(states: Record<string, boolean>): void;
}

/**
 * The thread's data and writes, apart from how they look: the review (whether comments are open),
 * the first page through a `DataController` (sort and page size are part of its request, so a
 * change aborts the page in flight), "Load more" (dropped when the first page it continues is
 * replaced: a sort changed mid-load never appends the old sort's comments or keeps its cursor),
 * the outbox re-send, and optimistic posts, edits and deletes.
 */
export class ThreadController implements ReactiveController {
  readonly #host: ThreadHost;
  readonly #options: ThreadOptions;
  /** The review document: it says whether comments are open. */
  readonly review: ReviewDataController;
  /** The first page, for the current sort and page size. */
  readonly page: DataController<CommentPage>;
  /** Its Retry, held height, focus, states and `render()`. */
  readonly view: DataView<CommentPage>;
  nodes: Node[] = [];
  total = 0;
  cursor: string | null = null;
  loadingMore = false;
  announcement = '';
  /** Bumped when the reader's own comments change (edit tokens), so their actions re-render. */
  ownVersion = 0;
  /** The first page's request, the latest one made. */
  loading: Promise<CommentPage> | undefined;
  #shown: CommentPage | undefined;
  #more: { abort: AbortController; from: unknown } | undefined;
  #focusAfter: FocusRequest | undefined;

  constructor(host: ThreadHost, options: ThreadOptions) {
    this.#host = host;
    this.#options = options;
    // The review only says whether comments are open, and the comments page says so too: asked
    // for only when the page does not (an older server), or could not be read.
    this.review = new ReviewDataController(host, {
      skip: () => {
        const { status, value } = this.page.state;
        return status !== 'error' && (status !== 'ready' || value?.open !== undefined);
      },
    });
    this.page = new DataController<CommentPage>(host, {
      request: () => {
        const { id, client } = this.review.origin;
        return id && client?.api ? [client, id, host.sort, host.pageSize] : undefined;
      },
      load: ([client, id, sort, limit], signal) =>
        (this.loading = (client as ReviewClient).getComments(
          id as string,
          { sort: sort as CommentSort, limit: limit as number },
          { signal },
        )),
      parse: (json) => parseCommentPage(json, baseUrl()),
      // A page given with the element is its first page (until the sort or the review changes).
      answers: () => true,
    });
    this.view = new DataView(host, this.page, {
      empty: () => this.nodes.length === 0,
      focusTarget: () => options.heading(),
      setStates: (states) => options.setStates(states),
    });
    host.addController(this);
  }

  get client(): ReviewClient | undefined {
    return this.review.origin.client;
  }
  get reviewId(): string | undefined {
    return this.review.origin.id;
  }
  /** Drafts and the outbox are kept per API and review. */
  get scope(): string {
    const { api, id } = this.review.origin;
    return `${api ?? absoluteUrl('')}|${id ?? ''}`;
  }
  /** Whether comments are open: the comments page says so, else the review; undefined until one has. */
  get #openKnown(): boolean | undefined {
    const page = this.page.state.value?.open;
    if (page !== undefined) return page;
    const { status, value } = this.review.state;
    // Assumed open when the review cannot be read: the form keeps the reader's words either way.
    return status === 'ready' ? (value?.comments.open ?? false) : status === 'error' ? true : undefined;
  }
  /** Whether the form shows. */
  get open(): boolean {
    return this.#openKnown === true;
  }
  /** Whether "Comments are closed" shows. */
  get closed(): boolean {
    return this.#openKnown === false;
  }
  /** How many comments the first page will likely show (the review's count, if known yet). */
  get expected(): number | undefined {
    return this.review.state.value?.commentCount;
  }

  /** The reader's Retry: the first page again, and the review if that failed too. */
  readonly retry = (): void => {
    if (this.review.state.status === 'error') this.review.reload();
    this.view.retry();
  };

  reload(): void {
    if (this.review.state.status === 'error') this.review.reload();
    this.page.reload();
  }

  hostUpdate(): void {
    const state = this.page.state;
    // A new first page (another sort, a reload) replaces what "Load more" would continue.
    if (this.#more && this.#more.from !== state) {
      this.#more.abort.abort();
      this.#more = undefined;
      this.loadingMore = false;
    }
    if (state.status === 'ready' && state.value && state.value !== this.#shown) {
      this.#shown = state.value;
      this.#showPage(state.value);
    }
  }

  hostUpdated(): void {
    const target = this.#focusAfter;
    this.#focusAfter = undefined;
    if (target) this.#options.focus(target);
  }

  /** Focus this after the next update. */
  focusAfter(target: FocusRequest): void {
    this.#focusAfter = target;
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  announce(message: string): void {
    // The same words twice in a row would not be read again: vary them invisibly.
    this.announcement =
      message === this.announcement.replace(/\u200b$/, '') && !this.announcement.endsWith('\u200b')
        ? `${message}\u200b`
        : message;
    this.#changed();
  }

  setUi(id: string, changes: Partial<NodeUi>): void {
    this.nodes = setUi(this.nodes, id, changes);
    this.#changed();
  }

  /** Replaces one node (see `updateNode`). */
  update(id: string, change: (node: Node) => Node | undefined): void {
    this.nodes = updateNode(this.nodes, id, change);
    this.#changed();
  }

  /** Tells `<comment-count>`s on the page that this review's comments changed. */
  commentsChanged(): void {
    const { api, id } = this.review.origin;
    if (api && id) document.dispatchEvent(new CustomEvent(COMMENTS_CHANGED, { detail: { api, reviewId: id } }));
  }

  #showPage(page: CommentPage): void {
    // The reader's comments held for moderation stay in view for them (see own-comments.ts).
    this.nodes = withPending(page.items.map(toNode), this.scope, this.#host.sort);
    this.cursor = page.nextCursor;
    this.total = page.total;
    const scope = this.scope;
    void checkPending(this);
    // Posts that never got a confirmed answer (a closed tab, a lost response) are sent again with
    // their Idempotency-Key: one that did reach the server comes back as it was stored, not twice.
    // Past the server's 24 h memory of keys that is no longer safe, so those wait for Retry.
    for (const entry of loadOutbox(scope)) {
      if (findPath(this.nodes, `local-${entry.key}`)) continue;
      const fresh = Date.now() - Date.parse(entry.createdAt) < OUTBOX_RESEND_MS;
      this.#insert(entry, fresh ? 'sending' : 'failed');
      if (fresh) void this.#post(entry);
    }
    // Reply forms that hold an unsent draft open again.
    for (const parentId of draftParents(scope))
      if (findPath(this.nodes, parentId)) this.nodes = setUi(this.nodes, parentId, { replying: true });
  }

  /** The next page, appended; dropped if the first page is replaced meanwhile. */
  async loadMore(): Promise<void> {
    const { client, reviewId, cursor } = this;
    if (!cursor || this.loadingMore || !client || !reviewId) return;
    const more = { abort: new AbortController(), from: this.page.state as unknown };
    this.#more = more;
    this.loadingMore = true;
    this.#changed();
    const host = this.#host;
    try {
      const page = await client.getComments(
        reviewId,
        { sort: host.sort, limit: host.pageSize, cursor },
        { signal: more.abort.signal },
      );
      if (this.#more !== more) return;
      const known = new Set(this.nodes.map((n) => n.comment.id));
      const fresh = page.items.filter((c) => !known.has(c.id)).map(toNode);
      this.nodes = [...this.nodes, ...fresh];
      this.cursor = page.nextCursor;
      this.total = page.total;
      if (fresh[0]) this.focusAfter({ id: fresh[0].comment.id, name: 'comment' });
    } catch (error) {
      if (this.#more === more && !isAbortError(error)) this.announce(errorMessage(error as Error, this.#options.t()));
    } finally {
      if (this.#more === more) {
        this.#more = undefined;
        this.loadingMore = false;
      }
      this.#changed();
    }
  }

  #insert(entry: OutboxEntry, state: 'sending' | 'failed', error?: Error): void {
    const local = { state, key: entry.key, entry, error };
    this.nodes = withLocal(this.nodes, local, this.#host.sort === 'newest', REPLIES_SHOWN);
    this.#changed();
  }

  /**
   * A reader's post from the form: `comment-post` first (cancelable), then into the outbox and on
   * the page at once. Returns false when the host cancelled it (the form keeps the words).
   */
  submit(input: CommentInput): boolean {
    if (!this.#host.dispatchEvent(new CommentPostEvent(input))) return false;
    const entry = outboxEntry(input);
    addToOutbox(this.scope, entry);
    this.#insert(entry, 'sending');
    this.announce(this.#options.t().thread.sending);
    void this.#post(entry);
    return true;
  }

  /** Sends a failed post again, with its Idempotency-Key. */
  retryPost(id: string): void {
    const entry = findPath(this.nodes, id)?.at(-1)?.local?.entry;
    if (!entry) return;
    this.#insert(entry, 'sending');
    void this.#post(entry);
  }

  async #post(entry: OutboxEntry): Promise<void> {
    const id = `local-${entry.key}`;
    const input = entryInput(entry);
    const { client, reviewId, scope } = this;
    const t = this.#options.t();
    try {
      // The form shows only with an API and a review; without them this fails, and says so.
      const created = await client!.postComment(reviewId!, input, entry.key);
      removeFromOutbox(scope, entry.key);
      saveToken(created.id, created.editToken, created.editableUntil);
      this.ownVersion++;
      const { editToken: _token, editableUntil: _until, ...comment } = created;
      if (comment.status === 'pending') rememberPending(scope, comment, created.editToken);
      // A replayed answer may be for a comment the page already lists: keep one of them.
      const listed = Boolean(findPath(this.nodes, comment.id));
      this.update(id, () => (listed ? undefined : toNode(comment)));
      if (comment.status === 'published' && !listed) this.total++;
      this.announce(comment.status === 'pending' ? t.thread.pending : t.thread.posted);
      if (entry.parentId) this.focusAfter({ id: comment.id, name: 'comment' });
      this.#host.dispatchEvent(new CommentPostedEvent(comment));
      this.commentsChanged();
    } catch (error) {
      if (isAbortError(error)) return;
      this.#insert(entry, 'failed', error as Error);
      this.announce(postFailure(error as Error, t));
      this.#host.dispatchEvent(new CommentErrorEvent(error as Error, input));
    }
  }

  /** Saves an edit optimistically (see `thread-writes.ts`). */
  saveEdit(id: string): Promise<void> {
    return saveEdit(this, id, this.#options.t(), (error) => this.#host.dispatchEvent(new CommentErrorEvent(error)));
  }

  /** Deletes optimistically (see `thread-writes.ts`). */
  delete(id: string): Promise<void> {
    return deleteComment(this, id, this.#options.t(), (error) =>
      this.#host.dispatchEvent(new CommentErrorEvent(error)),
    );
  }
}
