import { html, isServer, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { CommentPage, CommentSort, Review } from '../../api/index.js';
import { formatNumber } from '../../shared/format.js';
import { errorTemplate, loadStateStyles } from '../../shared/load-states.js';
import { onMinute } from '../../shared/minute-ticker.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase, enThread } from '../../shared/i18n/index.js';
import type { CommentFormSubmitEvent } from './comment-form.js';
import { styles } from './comment-thread.styles.js';
import { renderComments, renderSkeleton, type ThreadView } from './comment-view.js';
import { heldHeight } from '../../shared/held-space.js';
import { firstPageWait } from './first-page.js';
import { FocusTargets } from './focus-targets.js';
import { threadActions } from './thread-actions.js';
import { editWindowText, now as clockNow } from './edit-window-clock.js';
import { EditWindows, keepFocusAsWindowsClose } from './own-comments.js';
import { loadLiveThread } from './live-loader.js';
import { liveStyles } from './live-styles.js';
import { fieldStyles } from '../../shared/field.styles.js';
import type { LiveThread } from './live-thread.js';
import { rememberReported, reportedIds, tokenFor } from './storage.js';
import { ThreadController } from './thread-controller.js';

/**
 * @tag comment-thread
 * @summary The conversation under a review: threaded comments, sorting, paging, replying and posting.
 *
 * Reads `GET {api}/reviews/{review}/comments` (inside `<review-source>` it takes the source's API
 * and review). Comment text is a small markdown subset rendered as text, never as HTML. Posting is
 * optimistic; the words stay in local storage until the server has accepted them, and a retry
 * reuses the post's Idempotency-Key, so it never makes a duplicate. Authors can edit and delete
 * their comments for as long as the server allows (15 minutes by default), told how long is left;
 * a comment held for moderation stays in view for its author, across reloads, until decided on. A first page given with it (the `comments` property, or a
 * `<script type="application/json">` child holding `{ items, nextCursor, total }`) shows without a
 * request; "Load more", posting and Retry then use the API.
 *
 * @fires {CommentPostEvent} comment-post - A reader is about to post. Cancelable; `detail.input`.
 * @fires {CommentPostedEvent} comment-posted - The server accepted a comment; `detail.comment`.
 * @fires {CommentErrorEvent} comment-error - Posting, editing or deleting failed; `detail.error`.
 * @fires {ReviewLoadEvent} review-load - The review document loaded: from a `<review-source>`, or asked for only when the comments page does not say whether comments are open (an older server).
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
 * @csspart comment-action - Each of Reply, Edit, Delete and Report (they share a line under the text).
 * @csspart comment-actions - The row of an edit's Save and Cancel, of the delete confirmation, and of a failed post's Retry.
 * @csspart edit-window - "You can edit or delete this for 12 more minutes", on the reader's own comments.
 * @csspart awaiting-approval - "Awaiting approval", on the reader's comments held for moderation.
 * @csspart retry-post - Retry for a post that failed.
 * @csspart more-replies - "Show N more replies".
 * @csspart load-more - "Load more comments".
 * @csspart empty - "No comments yet".
 * @csspart closed - "Comments are closed".
 * @csspart error - The error box; also `error-title`, `error-message`, `retry-button`.
 * @csspart live-notice - With `live`: the polite live region where "N new comments" appears.
 * @csspart new-comments - With `live`: the "N new comments" button that shows them.
 *
 * @cssprop [--comment-thread-indent=1.5rem] - Indent of each level of replies.
 * @cssprop [--comment-thread-avatar-size=2.25rem] - Size of the initials avatar.
 * @cssprop [--comment-thread-padding=var(--review-space)] - Padding inside the thread's box.
 * @cssprop --comment-thread-background - The thread's background (defaults to `--review-surface`).
 *
 * @cssstate loading - The first page is loading.
 * @cssstate error - The comments could not be loaded.
 * @cssstate empty - No comments yet.
 * @cssstate live - With `live`: the stream of changes is open.
 */
export class CommentThread extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, thread: enThread });
  static override styles = [ReviewElement.styles, loadStateStyles, fieldStyles, styles, liveStyles];

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
  /**
   * Follow the thread as it happens (`GET {api}/reviews/{review}/events`, Server-Sent Events):
   * new comments wait behind a polite "N new comments" button that shows them; edits, removals
   * and the count change in place. The stream closes when this turns off or the element leaves.
   */
  @property({ type: Boolean }) live = false;

  @query('#heading') private headingElement?: HTMLElement | null;
  #now = clockNow();
  /** A declarative shadow root from the server was there before the first update (hydration). */
  readonly #serverRendered = !isServer && Boolean(this.shadowRoot);
  /** What the page held for the thread before it was defined (see first-page.ts). */
  readonly #held = heldHeight(this);
  #stopTicker?: () => void;
  #view?: { key: unknown[]; view: ThreadView };
  readonly #targets = new FocusTargets();
  readonly #thread = new ThreadController(this, {
    t: () => this.localize.t,
    heading: () => this.headingElement,
    focus: (target) =>
      target === 'heading' ? this.headingElement?.focus() : this.#targets.focus(target.id, target.name),
    setStates: (states) => this.setStates(states),
  });
  // Own comments' edit windows, counted down by one page-wide clock (see edit-window-clock.ts).
  protected readonly editWindows = new EditWindows(this, this.#thread, () => {
    this.#now = clockNow();
    keepFocusAsWindowsClose(this.renderRoot as ShadowRoot, this.#now, (id) =>
      this.#thread.focusAfter({ id, name: 'comment' }),
    );
    this.requestUpdate();
  });
  #live?: LiveThread;

  /**
   * The first page of comments, given without a request (for server-rendered pages); or, once
   * loaded, the page shown first.
   */
  get comments(): CommentPage | undefined {
    return this.#thread.page.state.value;
  }
  set comments(page: CommentPage | undefined) {
    this.#thread.page.preloaded = page;
  }

  /** The review (it says whether comments are open), given without a request; or, once loaded, the review. */
  get data(): Review | undefined {
    return this.#thread.review.state.value;
  }
  set data(review: Review | undefined) {
    this.#thread.review.preloaded = review;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first page is asked for now, not in the first update, which waits for it a moment.
    if (!this.hasUpdated) this.#thread.page.hostUpdate();
    this.#stopTicker = onMinute(() => {
      this.#now = clockNow();
      this.requestUpdate();
    });
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // The first render waits, briefly, for a first page on its way (see first-page.ts).
    const page = this.hasUpdated || this.#serverRendered ? undefined : this.#thread.loading;
    if (!page) return super.scheduleUpdate();
    return firstPageWait(page, this.renderRoot as ShadowRoot, this.#held, () => void super.scheduleUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker?.();
  }

  /** Loads the first page again (and the review, if that failed: it says whether comments are open). */
  reload(): void {
    this.#thread.reload();
  }

  #onSubmit = (event: CommentFormSubmitEvent) => {
    if (!this.#thread.submit(event.input)) event.preventDefault();
  };

  #onCancelReply = (event: Event) => {
    const form = event.composedPath()[0] as HTMLElement & { parentId: string | null };
    if (!form.parentId) return;
    this.#thread.setUi(form.parentId, { replying: false });
    this.#thread.focusAfter({ id: form.parentId, name: 'reply' });
  };

  readonly #actions = threadActions(this.#thread, {
    t: () => this.localize.t,
    replyForm: (node) =>
      html`<review-comment-form
        .scope=${this.#thread.scope}
        .parentId=${node.comment.id}
        .replyTo=${node.comment.author.name}
        focus-on-show
        heading-level=${this.headingLevel + 2}
      ></review-comment-form>`,
  });

  #onSort = (event: Event) => {
    this.sort = (event.target as HTMLSelectElement).value as CommentSort;
  };

  /** One view object while nothing it holds changes, so each comment's `guard` can skip work. */
  #threadView(): ThreadView {
    const { t, locale } = this.localize;
    const open = this.#thread.open;
    const client = this.#thread.client;
    // A server render has no client and so no Report action, and hydration needs the same template:
    // when hydrating, Report comes with the second render (see firstUpdated); otherwise at once.
    const reportable = Boolean(client?.api) && (this.hasUpdated || !this.#serverRendered);
    const key = [t, locale, this.#now, this.maxDepth, open, this.#thread.ownVersion, client, reportable];
    if (this.#view && key.every((k, i) => k === this.#view!.key[i])) return this.#view.view;
    const now = this.#now;
    const done = reportable ? reportedIds() : new Set<string>();
    const view: ThreadView = {
      t,
      locale,
      now,
      maxDepth: Math.max(1, this.maxDepth),
      open,
      own: (id) => {
        const token = tokenFor(id);
        return Boolean(token && Date.parse(token.until) > now);
      },
      editWindow: (id) => {
        const token = tokenFor(id);
        // The clock's time, not the view's: a comment posted since the last tick is not a minute older.
        return token && editWindowText(locale, t.thread, Date.parse(token.until), clockNow());
      },
      actions: this.#actions,
      target: (id, name) => this.#targets.at(id, name),
      // Without a client (data given, no API) there is nowhere to send a report: no Report action.
      // Remembered here once sent: the next visit shows "Reported" instead of the button.
      report: reportable ? (id, input) => client!.reportComment(id, input).then(() => rememberReported(id)) : undefined,
      reported: (id) => done.has(id),
    };
    this.#view = { key, view };
    return view;
  }

  protected override willUpdate(): void {
    // The live code (live-thread.ts) loads only for a thread that asks for it.
    if (this.live && !this.#live && !isServer) {
      void loadLiveThread().then(({ LiveThread }) => {
        this.#live ??= new LiveThread(this, this.#thread, {
          localize: () => this.localize,
          setStates: (states) => this.setStates(states),
        });
        this.requestUpdate();
      });
    }
  }

  protected override firstUpdated() {
    if (this.#serverRendered && this.#thread.client?.api) this.requestUpdate();
  }

  protected override render() {
    const { t, locale } = this.localize;
    const thread = this.#thread;
    // A server render (@lit-labs/ssr) has no update cycle: take the given first page here.
    if (isServer) thread.hostUpdate();
    const { status } = thread.page.state;
    const list = () =>
      html`${thread.nodes.length ? renderComments(thread.nodes, this.#threadView()) : html`<p part="empty">${t.thread.empty}</p>`}
      ${
        thread.cursor
          ? html`<button type="button" class="button" part="load-more" aria-disabled=${thread.loadingMore ? 'true' : 'false'} @click=${() => void thread.loadMore()}>
            ${t.thread.loadMore}
          </button>`
          : nothing
      }`;
    // As many rows as comments are expected (the review's count when a source has it, else a page).
    const skeleton = () =>
      renderSkeleton(Math.max(1, Math.min(this.pageSize, thread.expected ?? this.pageSize)), t.thread.loading);
    const content = thread.view.render({
      // Another sort or a reload keeps the comments shown until the new page comes.
      loading: () => (thread.nodes.length ? list() : skeleton()),
      error: (error, retrying) => errorTemplate(t.thread.errorTitle, error, retrying, thread.retry, t),
      empty: () => (status === 'idle' ? skeleton() : list()),
      ready: () => list(),
    });
    return html`<section part="base" aria-labelledby="heading" aria-busy=${status === 'loading' ? 'true' : 'false'}
      @comment-form-submit=${this.#onSubmit} @comment-form-cancel=${this.#onCancelReply}>
      <div part="header">
        <p part="heading" id="heading" role="heading" aria-level=${this.headingLevel} tabindex="-1">
          ${t.thread.heading}${status === 'ready' ? ` (${formatNumber(locale, thread.total)})` : nothing}
        </p>
        <label part="sort">${t.thread.sortLabel}
          <select @change=${this.#onSort} .value=${this.sort}>
            ${(['oldest', 'newest', 'top'] as const).map((s) => html`<option value=${s} ?selected=${s === this.sort}>${t.thread.sort[s]}</option>`)}
          </select>
        </label>
      </div>
      ${this.#live?.notice('before')}${content}${this.#live?.notice('after')}
      ${
        thread.open
          ? html`<review-comment-form .scope=${thread.scope} .parentId=${null} heading-level=${this.headingLevel + 1}></review-comment-form>`
          : thread.closed
            ? html`<p part="closed">${t.thread.closed}</p>`
            : nothing
      }
      <p class="visually-hidden" role="status">${thread.announcement}</p>
    </section>`;
  }
}
