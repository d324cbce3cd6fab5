import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { absoluteUrl } from '../../api/urls.js';
import { isAbortError, type CommentInput, type CommentPage, type CommentSort, type ReviewClient } from '../../api/index.js';
import { reviewSourceContext } from '../../data/contexts.js';
import { ReviewController } from '../../data/review-controller.js';
import * as reviewLoader from '../../data/review-loader.js';
import { sharedClient } from '../../data/shared-client.js';
import { formatNumber } from '../../shared/format.js';
import { errorMessage, errorTemplate, loadStateStyles } from '../../shared/load-states.js';
import { onMinute } from '../../shared/minute-ticker.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase, enThread } from '../../shared/i18n/index.js';
import type { CommentFormSubmitEvent } from './comment-form.js';
import { styles } from './comment-thread.styles.js';
import { postFailure, REPLIES_SHOWN, REPLIES_STEP, renderComments, type ThreadActions, type ThreadView } from './comment-view.js';
import { COMMENTS_CHANGED, CommentErrorEvent, CommentPostEvent, CommentPostedEvent } from './events.js';
import {
  addToOutbox,
  draftParents,
  forgetToken,
  loadOutbox,
  newKey,
  removeFromOutbox,
  saveToken,
  tokenFor,
  type OutboxEntry,
} from './storage.js';
import { findPath, localComment, setUi, toNode, updateNode, type Node } from './thread-model.js';

/** Below the server's 24 h Idempotency-Key memory, with an hour to spare. */
const OUTBOX_RESEND_MS = 23 * 60 * 60 * 1000;

/**
 * @tag comment-thread
 * @summary The conversation under a review: threaded comments, sorting, paging, replying and posting.
 *
 * Reads `GET {api}/reviews/{review}/comments` (inside `<review-source>` it takes the source's API
 * and review). Comment text is a small markdown subset rendered as text, never as HTML. Posting is
 * optimistic; the words stay in local storage until the server has accepted them, and a retry
 * reuses the post's Idempotency-Key, so it never makes a duplicate. Authors can edit and delete
 * their comments for 15 minutes.
 *
 * @fires {CommentPostEvent} comment-post - A reader is about to post. Cancelable; `detail.input`.
 * @fires {CommentPostedEvent} comment-posted - The server accepted a comment; `detail.comment`.
 * @fires {CommentErrorEvent} comment-error - Posting, editing or deleting failed; `detail.error`.
 * @fires {ReviewLoadEvent} review-load - The review document (for `comments.open`) loaded.
 * @fires {ReviewErrorEvent} review-error - The review document could not be loaded.
 *
 * @csspart base - The thread's box.
 * @csspart header - Heading and sort control.
 * @csspart heading - "Comments (12)".
 * @csspart sort - The sort control.
 * @csspart comments - The list of top-level comments.
 * @csspart comment-item - One comment with its replies.
 * @csspart comment - One comment.
 * @csspart comment-meta - Author, time, "edited", "replying to".
 * @csspart author - The author's name.
 * @csspart comment-body - The text.
 * @csspart comment-actions - Reply, Edit, Delete, Report.
 * @csspart retry-post - Retry for a post that failed.
 * @csspart more-replies - "Show N more replies".
 * @csspart load-more - "Load more comments".
 * @csspart empty - "No comments yet".
 * @csspart closed - "Comments are closed".
 * @csspart error - The error box; also `error-title`, `error-message`, `retry-button`.
 *
 * @cssprop [--comment-thread-indent=1.5rem] - Indent of each level of replies.
 * @cssprop [--comment-thread-avatar-size=2.25rem] - Size of the initials avatar.
 * @cssprop [--comment-thread-padding=var(--review-space)] - Padding inside the thread's box.
 * @cssprop --comment-thread-background - The thread's background (defaults to `--review-surface`).
 *
 * @cssstate loading - The first page is loading.
 * @cssstate error - The comments could not be loaded.
 * @cssstate empty - No comments yet.
 */
export class CommentThread extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, thread: enThread });
  static override styles = [ReviewElement.styles, loadStateStyles, styles];

  /** Base URL of the review API. */
  @property() api?: string;
  /** Id of the review. */
  @property() review?: string;
  /** `oldest`, `newest` or `top` (most replies). */
  @property({ reflect: true }) sort: CommentSort = 'oldest';
  /** Top-level comments per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Levels of nesting shown; deeper replies are listed flat with "replying to NAME". */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 3;
  /** Level of the "Comments" heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private nodes: Node[] = [];
  @state() private total = 0;
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private announcement = '';
  @state() private now = Date.now();
  @state() private ownVersion = 0;

  readonly #review = new ReviewController(this, reviewLoader);
  readonly #source = new ContextConsumer(this, { context: reviewSourceContext, subscribe: true });
  #reloads = 0;
  #stopTicker?: () => void;
  #focusAfter?: string;
  #view?: { key: unknown[]; view: ThreadView };

  readonly #page = new Task(this, {
    args: () => [this.#api, this.#reviewId, this.sort, this.pageSize, this.#reloads] as const,
    task: async ([api, id, sort, limit], { signal }) => {
      if (!api || !id) return initialState;
      return this.#client.getComments(id, { sort, limit }, { signal });
    },
    onComplete: (page: CommentPage) => this.#showPage(page),
  });

  get #api(): string | undefined {
    return this.api ?? this.#source.value?.api;
  }
  get #reviewId(): string | undefined {
    return this.review ?? this.#source.value?.reviewId;
  }
  get #client(): ReviewClient {
    return !this.api && this.#source.value?.api ? this.#source.value.client : sharedClient(this.#api);
  }
  get #scope(): string {
    return `${absoluteUrl(this.#api ?? '')}|${this.#reviewId ?? ''}`;
  }
  /** Whether the form shows: the review says comments are open (assumed when it cannot be read). */
  get #open(): boolean {
    const { status, review } = this.#review.state;
    return status === 'ready' ? (review?.comments.open ?? false) : status === 'error';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopTicker = onMinute(() => (this.now = Date.now()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker?.();
  }

  /** Loads the first page again (and the review, if that failed: it says whether comments are open). */
  reload(): void {
    if (this.#review.state.status === 'error') this.#review.reload();
    this.#reloads++;
    this.requestUpdate();
  }

  #announce(message: string) {
    // The same words twice in a row would not be read again: vary them invisibly.
    this.announcement = message === this.announcement.replace(/\u200b$/, '') && !this.announcement.endsWith('\u200b') ? `${message}\u200b` : message;
  }

  #showPage(page: CommentPage) {
    this.nodes = page.items.map(toNode);
    this.cursor = page.nextCursor;
    this.total = page.total;
    // Posts that never got a confirmed answer (a closed tab, a lost response) are sent again with
    // their Idempotency-Key: one that did reach the server comes back as it was stored, not twice.
    // Past the server's 24 h memory of keys that is no longer safe, so those wait for Retry.
    for (const entry of loadOutbox(this.#scope)) {
      const pending = findPath(this.nodes, `local-${entry.key}`);
      if (pending) continue;
      const fresh = Date.now() - Date.parse(entry.createdAt) < OUTBOX_RESEND_MS;
      this.#insert(entry, fresh ? 'sending' : 'failed');
      if (fresh) void this.#post(entry);
    }
    // Reply forms that hold an unsent draft open again.
    for (const parentId of draftParents(this.#scope)) if (findPath(this.nodes, parentId)) this.nodes = setUi(this.nodes, parentId, { replying: true });
  }

  #insert(entry: OutboxEntry, state: 'sending' | 'failed', error?: Error) {
    const id = `local-${entry.key}`;
    if (findPath(this.nodes, id)) {
      this.nodes = updateNode(this.nodes, id, (n) => ({ ...n, local: { state, key: entry.key, entry, error } }));
      return;
    }
    const node: Node = { comment: localComment(entry, id), local: { state, key: entry.key, entry, error }, ui: {}, replies: [] };
    if (entry.parentId && findPath(this.nodes, entry.parentId)) {
      this.nodes = updateNode(this.nodes, entry.parentId, (p) => ({
        ...p,
        replies: [...p.replies, node],
        ui: { ...p.ui, replying: false, repliesShown: Math.max(p.ui.repliesShown ?? REPLIES_SHOWN, p.replies.length + 1 + 100) },
      }));
    } else {
      this.nodes = this.sort === 'newest' ? [node, ...this.nodes] : [...this.nodes, node];
    }
  }

  #onSubmit = (event: CommentFormSubmitEvent) => {
    const input = event.input;
    if (!this.dispatchEvent(new CommentPostEvent(input))) {
      event.preventDefault();
      return;
    }
    const entry: OutboxEntry = {
      key: newKey(),
      parentId: input.parentId ?? null,
      name: input.author.name,
      email: input.author.email ?? '',
      body: input.body,
      spoiler: input.spoiler ?? false,
      createdAt: new Date().toISOString(),
      ...(input.website && { website: input.website }),
    };
    addToOutbox(this.#scope, entry);
    this.#insert(entry, 'sending');
    this.#announce(this.localize.t.thread.sending);
    void this.#post(entry);
  };

  async #post(entry: OutboxEntry) {
    const id = `local-${entry.key}`;
    const input: CommentInput = {
      author: { name: entry.name, ...(entry.email && { email: entry.email }) },
      body: entry.body,
      parentId: entry.parentId,
      spoiler: entry.spoiler,
      ...(entry.website && { website: entry.website }),
    };
    const reviewId = this.#reviewId!;
    const { t } = this.localize;
    try {
      const created = await this.#client.postComment(reviewId, input, entry.key);
      removeFromOutbox(this.#scope, entry.key);
      saveToken(created.id, created.editToken, created.editableUntil);
      this.ownVersion++;
      const { editToken: _token, editableUntil: _until, ...comment } = created;
      // A replayed answer may be for a comment the page already lists: keep one of them.
      const listed = Boolean(findPath(this.nodes, comment.id));
      this.nodes = updateNode(this.nodes, id, () => (listed ? undefined : toNode(comment)));
      if (comment.status === 'published' && !listed) this.total++;
      this.#announce(comment.status === 'pending' ? t.thread.pending : t.thread.posted);
      if (entry.parentId) this.#focusAfter = `c-${comment.id}`;
      this.dispatchEvent(new CommentPostedEvent(comment));
      document.dispatchEvent(new CustomEvent(COMMENTS_CHANGED, { detail: { api: absoluteUrl(this.#api!), reviewId } }));
    } catch (error) {
      if (isAbortError(error)) return;
      this.#insert(entry, 'failed', error as Error);
      this.#announce(postFailure(error as Error, t));
      this.dispatchEvent(new CommentErrorEvent(error as Error, input));
    }
  }

  #edit(id: string, changes: Partial<Node['ui']>) {
    this.nodes = setUi(this.nodes, id, changes);
  }

  readonly #actions: ThreadActions = {
    reply: (id) => {
      const node = findPath(this.nodes, id)?.at(-1);
      this.#edit(id, { replying: !node?.ui.replying });
    },
    edit: (id) => {
      const node = findPath(this.nodes, id)?.at(-1);
      this.#edit(id, { editing: true, editText: node?.comment.body, notice: undefined });
      this.#focusAfter = `edit-${id}`;
    },
    editInput: (id, text) => this.#edit(id, { editText: text }),
    cancelEdit: (id) => {
      this.#edit(id, { editing: false, editText: undefined });
      this.#focusAfter = `c-${id}`;
    },
    saveEdit: (id) => void this.#saveEdit(id),
    askDelete: (id) => {
      this.#edit(id, { confirmDelete: true });
      this.#focusAfter = `c-${id} [data-confirm]`;
    },
    cancelDelete: (id) => {
      this.#edit(id, { confirmDelete: false });
      this.#focusAfter = `c-${id} [data-action="delete"]`;
    },
    confirmDelete: (id) => void this.#delete(id),
    retry: (id) => {
      const entry = findPath(this.nodes, id)?.at(-1)?.local?.entry;
      if (!entry) return;
      this.#insert(entry, 'sending');
      void this.#post(entry);
    },
    showSpoiler: (id) => {
      this.#edit(id, { spoilerShown: true });
      this.#focusAfter = `c-${id}`;
    },
    revealInline: (id, index) => {
      const node = findPath(this.nodes, id)?.at(-1);
      this.#edit(id, { revealed: new Set([...(node?.ui.revealed ?? []), index]) });
      // The button is gone; the words that replace it take focus, so reading goes on from there.
      this.#focusAfter = `c-${id} [data-spoiler="${index}"]`;
    },
    moreReplies: (id) => {
      const node = findPath(this.nodes, id)?.at(-1);
      this.#edit(id, { repliesShown: (node?.ui.repliesShown ?? REPLIES_SHOWN) + REPLIES_STEP });
    },
    renderReplyForm: (node) =>
      html`<review-comment-form
        .scope=${this.#scope}
        .parentId=${node.comment.id}
        .replyTo=${node.comment.author.name}
        focus-on-show
        heading-level=${this.headingLevel + 2}
      ></review-comment-form>`,
  };

  async #saveEdit(id: string) {
    const node = findPath(this.nodes, id)?.at(-1);
    const token = tokenFor(id);
    if (!node || !token) return;
    const { t } = this.localize;
    const before = node.comment;
    const text = node.ui.editText ?? before.body;
    // Optimistic: the new text shows at once, and goes back if the server says no.
    this.nodes = updateNode(this.nodes, id, (n) => ({ ...n, comment: { ...n.comment, body: text, editedAt: new Date().toISOString() }, ui: { ...n.ui, editing: false, busy: true } }));
    this.#focusAfter = `c-${id}`;
    try {
      const saved = await this.#client.editComment(id, { body: text }, token.token);
      this.nodes = updateNode(this.nodes, id, (n) => ({ ...n, comment: { ...saved, replies: n.comment.replies }, ui: { ...n.ui, busy: false, editText: undefined } }));
    } catch (error) {
      const notice = `${t.thread.changeFailed} ${errorMessage(error as Error, t)}`;
      this.nodes = updateNode(this.nodes, id, (n) => ({ ...n, comment: before, ui: { ...n.ui, busy: false, editing: true, editText: text, notice } }));
      this.#announce(notice);
      this.dispatchEvent(new CommentErrorEvent(error as Error));
    }
  }

  async #delete(id: string) {
    const node = findPath(this.nodes, id)?.at(-1);
    const token = tokenFor(id);
    if (!node || !token) return;
    const { t } = this.localize;
    const before = node;
    this.nodes = updateNode(this.nodes, id, (n) => ({ ...n, comment: { ...n.comment, status: 'deleted', body: '' }, ui: {} }));
    this.total--;
    this.#focusAfter = 'heading';
    try {
      await this.#client.deleteComment(id, token.token);
      forgetToken(id);
      this.ownVersion++;
      // Without replies it goes; with replies it stays as "[deleted]" so the thread keeps its shape.
      this.nodes = updateNode(this.nodes, id, (n) => (n.replies.length ? n : undefined));
      this.#announce(t.thread.deletedNotice);
      document.dispatchEvent(new CustomEvent(COMMENTS_CHANGED, { detail: { api: absoluteUrl(this.#api!), reviewId: this.#reviewId } }));
    } catch (error) {
      const notice = `${t.thread.changeFailed} ${errorMessage(error as Error, t)}`;
      this.nodes = updateNode(this.nodes, id, () => ({ ...before, ui: { ...before.ui, confirmDelete: false, notice } }));
      this.total++;
      this.#announce(notice);
      this.dispatchEvent(new CommentErrorEvent(error as Error));
    }
  }

  async #loadMore() {
    if (!this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.#client.getComments(this.#reviewId!, { sort: this.sort, limit: this.pageSize, cursor: this.cursor });
      const known = new Set(this.nodes.map((n) => n.comment.id));
      const fresh = page.items.filter((c) => !known.has(c.id)).map(toNode);
      this.nodes = [...this.nodes, ...fresh];
      this.cursor = page.nextCursor;
      this.total = page.total;
      if (fresh[0]) this.#focusAfter = `c-${fresh[0].comment.id}`;
    } catch (error) {
      this.#announce(errorMessage(error as Error, this.localize.t));
    } finally {
      this.loadingMore = false;
    }
  }

  #onSort = (event: Event) => {
    this.sort = (event.target as HTMLSelectElement).value as CommentSort;
  };

  /** One view object while nothing it holds changes, so each comment's `guard` can skip work. */
  #threadView(): ThreadView {
    const { t, locale } = this.localize;
    const key = [t, locale, this.now, this.maxDepth, this.#open, this.ownVersion];
    if (this.#view && key.every((k, i) => k === this.#view!.key[i])) return this.#view.view;
    const now = this.now;
    const view: ThreadView = {
      t,
      locale,
      now,
      maxDepth: Math.max(1, this.maxDepth),
      open: this.#open,
      own: (id) => {
        const token = tokenFor(id);
        return Boolean(token && Date.parse(token.until) > now);
      },
      actions: this.#actions,
      report: (id, input) => this.#client.reportComment(id, input),
    };
    this.#view = { key, view };
    return view;
  }

  protected override render() {
    const { t, locale } = this.localize;
    const status = this.#page.status;
    const firstLoad = status === TaskStatus.PENDING && this.nodes.length === 0;
    this.setStates({ loading: firstLoad, error: status === TaskStatus.ERROR, empty: status === TaskStatus.COMPLETE && this.nodes.length === 0 });
    const heading = html`<p part="heading" id="heading" role="heading" aria-level=${this.headingLevel} tabindex="-1">
      ${t.thread.heading}${status === TaskStatus.COMPLETE ? html` <span>(${formatNumber(locale, this.total)})</span>` : nothing}
    </p>`;
    let content: unknown;
    if (status === TaskStatus.ERROR) {
      content = errorTemplate(t.thread.errorTitle, this.#page.error as Error, false, () => this.reload(), t);
    } else if (firstLoad || status === TaskStatus.INITIAL) {
      content = this.#skeleton();
    } else {
      content = html`${this.nodes.length ? renderComments(this.nodes, this.#threadView()) : html`<p part="empty">${t.thread.empty}</p>`}
      ${this.cursor
        ? html`<button type="button" class="button" part="load-more" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.#loadMore()}>${t.thread.loadMore}</button>`
        : nothing}`;
    }
    return html`<section part="base" aria-labelledby="heading" aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}
      @comment-form-submit=${this.#onSubmit}
      @comment-form-cancel=${(e: Event) => {
        const form = e.composedPath()[0] as HTMLElement & { parentId: string | null };
        if (form.parentId) {
          this.#edit(form.parentId, { replying: false });
          this.#focusAfter = `c-${form.parentId} [data-action="reply"]`;
        }
      }}>
      <div part="header">
        ${heading}
        <label part="sort">${t.thread.sortLabel}
          <select @change=${this.#onSort} .value=${this.sort}>
            ${(['oldest', 'newest', 'top'] as const).map((s) => html`<option value=${s} ?selected=${s === this.sort}>${t.thread.sort[s]}</option>`)}
          </select>
        </label>
      </div>
      ${content}
      ${this.#open
        ? html`<review-comment-form .scope=${this.#scope} .parentId=${null} heading-level=${this.headingLevel + 1}></review-comment-form>`
        : this.#review.state.status === 'ready'
          ? html`<p part="closed">${t.thread.closed}</p>`
          : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  #skeleton() {
    return html`<ul class="comments" aria-hidden="true">
        ${[0, 1, 2].map(
          () => html`<li><article><span class="avatar"></span><div><p><span class="bone short">&nbsp;</span></p><p><span class="bone line">&nbsp;</span></p></div></article></li>`,
        )}
      </ul>
      <p class="visually-hidden">${this.localize.t.thread.loading}</p>`;
  }

  protected override updated(): void {
    if (!this.#focusAfter) return;
    const [id, inner] = this.#focusAfter.split(' ', 2) as [string, string | undefined];
    this.#focusAfter = undefined;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}${inner ? ` ${inner}` : ''}`);
    target?.focus();
  }
}
