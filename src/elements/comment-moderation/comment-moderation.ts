import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AdminClient,
  type AdminReviewRow,
  type Ban,
  type ModerationAction,
  type QueueComment,
  type QueueStatus,
} from '../../admin/admin-client.js';
import { adminError, adminStrings, type AdminStrings } from '../../admin/i18n/index.js';
import { buttonStyles } from '../../shared/button.styles.js';
import { fieldStyles } from '../../shared/field.styles.js';
import { formatDate } from '../../shared/format.js';
import { enBase, enThread } from '../../shared/i18n/index.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { ReviewElement } from '../../shared/review-element.js';
import { renderComment } from '../comment-thread/comment-markup.js';
import { moderationStyles } from './comment-moderation.styles.js';

const STATUSES: QueueStatus[] = ['pending', 'reported', 'published', 'rejected', 'spam'];
const ACTIONS: ModerationAction[] = ['approve', 'reject', 'spam', 'delete', 'purge'];
const DURATIONS = ['24', '168', '720', '0'];

/** Comments were moderated: `action` on `ids`. */
export class ModerationChangeEvent extends Event {
  constructor(
    readonly action: ModerationAction | 'ban',
    readonly ids: string[],
  ) {
    super('moderation-change', { bubbles: true, composed: true });
  }
}

/**
 * @tag comment-moderation
 * @summary The comment queue of the review API for its owner: waiting, reported, published,
 * rejected and spam comments, across every review or one; approve, reject, spam, delete and remove
 * for good, in bulk; bans by email or address for a chosen time.
 *
 * Reported comments come first. Each comment's text is shown exactly as readers see it, through
 * the same rendering as `<comment-thread>` (spoilers stay hidden until asked). Uses the page's
 * admin session (the reference server's /admin/ page) or an `AdminClient` in `client`.
 *
 * @fires {ModerationChangeEvent} moderation-change - Comments were moderated or a poster banned.
 * @csspart base - Everything.
 * @csspart toolbar - Selection and the bulk actions.
 * @csspart comment - One comment in the queue.
 * @csspart status - What happened last, announced politely.
 * @csspart bans - The bans in force.
 * @cssprop --review-accent - Buttons and focus accents (shared with every element).
 * @cssprop --review-danger - Reported comments and destructive actions.
 */
export class CommentModeration extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, thread: enThread });
  static override styles = [ReviewElement.styles, buttonStyles, fieldStyles, moderationStyles];

  /** Base URL of the review API. */
  @property() api = '/v1';
  /** Only this review's comments; empty: every review. */
  @property() review = '';
  /** Which comments to show. */
  @property() status: QueueStatus = 'pending';
  /** A client to use instead of the page's session (scripts with the admin token). */
  @property({ attribute: false }) client?: AdminClient;

  @state() private items: QueueComment[] = [];
  @state() private cursor: string | null = null;
  @state() private selected = new Set<string>();
  @state() private reviews: AdminReviewRow[] = [];
  @state() private bans: Ban[] = [];
  @state() private message = '';
  @state() private busy = false;
  @state() private confirmPurge = false;
  @state() private banHours = '24';
  @state() private revealed = new Map<string, Set<number>>();
  #own?: AdminClient;
  #focusAfter?: string;
  /**
   * Counts loads: only the latest may fill the list. A slower earlier answer (the last filter's,
   * or a Refresh) arriving after a newer one would otherwise show the wrong queue under the new
   * filter; on PostgreSQL, under load, the browser test saw Pending's list under Spam.
   */
  #loads = 0;

  get #client(): AdminClient {
    return this.client ?? (this.#own ??= new AdminClient(this.api));
  }

  get #t(): AdminStrings {
    return adminStrings(this.localize.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') || changed.has('review') || changed.has('api') || changed.has('client'))
      void this.reload();
  }

  /** Loads the queue (and the reviews and bans) again from the first page. */
  async reload(): Promise<void> {
    const load = ++this.#loads;
    try {
      const [page, reviews, bans] = await Promise.all([
        this.#client.queue({ status: this.status, review: this.review || undefined }),
        this.reviews.length ? Promise.resolve({ items: this.reviews }) : this.#client.listReviews({}),
        this.#client.bans(),
      ]);
      if (load !== this.#loads) return;
      this.items = page.items;
      this.cursor = page.nextCursor;
      this.reviews = reviews.items;
      this.bans = bans.items;
      this.selected = new Set([...this.selected].filter((id) => page.items.some((i) => i.id === id)));
    } catch (error) {
      if (load === this.#loads) this.message = adminError(error, this.#t);
    }
  }

  async #more(): Promise<void> {
    if (!this.cursor) return;
    const load = this.#loads;
    const page = await this.#client.queue({
      status: this.status,
      review: this.review || undefined,
      cursor: this.cursor,
    });
    // A reload since (another filter, a Refresh) has replaced the list this page continued.
    if (load !== this.#loads) return;
    this.items = [...this.items, ...page.items];
    this.cursor = page.nextCursor;
  }

  async #act(action: ModerationAction): Promise<void> {
    const ids = [...this.selected];
    if (!ids.length || this.busy) return;
    if (action === 'purge' && !this.confirmPurge) {
      this.confirmPurge = true;
      this.#focusAfter = '[data-confirm]';
      return;
    }
    this.confirmPurge = false;
    this.busy = true;
    try {
      const { results } = await this.#client.bulk(action, ids);
      this.message = this.#t.moderation.done(String(results.filter((r) => r.ok).length));
      this.selected = new Set();
      this.dispatchEvent(new ModerationChangeEvent(action, ids));
      await this.reload();
      this.#focusAfter = '#select-all';
    } catch (error) {
      this.message = adminError(error, this.#t);
    } finally {
      this.busy = false;
    }
  }

  async #ban(comment: QueueComment, kind: 'email' | 'network'): Promise<void> {
    try {
      const hours = Number(this.banHours);
      await this.#client.ban({ kind, commentId: comment.id, ...(hours ? { hours } : {}) });
      // The list first, then the word: what is announced is already on the screen.
      this.bans = (await this.#client.bans()).items;
      this.message = this.#t.moderation.banned;
      this.dispatchEvent(new ModerationChangeEvent('ban', [comment.id]));
    } catch (error) {
      this.message = adminError(error, this.#t);
    }
  }

  async #lift(ban: Ban): Promise<void> {
    try {
      await this.#client.liftBan(ban.id);
      this.bans = this.bans.filter((b) => b.id !== ban.id);
      this.#focusAfter = '#ban-for';
    } catch (error) {
      this.message = adminError(error, this.#t);
    }
  }

  #toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
    this.confirmPurge = false;
  }

  protected override render() {
    const t = this.#t;
    const m = t.moderation;
    const none = this.selected.size === 0;
    const all = this.items.length > 0 && this.items.every((i) => this.selected.has(i.id));
    return html`<div part="base">
      <div class="filters">
        <label for="status">${m.show}</label>
        <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as QueueStatus)}>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${m.statuses[s]}</option>`)}
        </select>
        <label for="review">${m.review}</label>
        <select id="review" @change=${(e: Event) => (this.review = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.review}>${m.allReviews}</option>
          ${this.reviews.map((r) => html`<option value=${r.id} ?selected=${r.id === this.review}>${r.title}</option>`)}
        </select>
        <button type="button" class="button" data-action="refresh" @click=${() => void this.reload()}>${m.refresh}</button>
        <label for="ban-for">${m.banFor}</label>
        <select id="ban-for" @change=${(e: Event) => (this.banHours = (e.target as HTMLSelectElement).value)}>
          ${DURATIONS.map((d) => html`<option value=${d} ?selected=${d === this.banHours}>${m.durations[d]}</option>`)}
        </select>
      </div>
      <div part="toolbar" class="toolbar" role="group" aria-label=${m.selected(String(this.selected.size))}>
        <input type="checkbox" id="select-all" .checked=${all} @change=${(e: Event) => {
          this.selected = (e.target as HTMLInputElement).checked ? new Set(this.items.map((i) => i.id)) : new Set();
        }} />
        <label for="select-all">${m.selectAll}</label>
        <span aria-hidden="true" class="muted">${m.selected(String(this.selected.size))}</span>
        ${
          this.confirmPurge
            ? html`<span class="confirm" role="group" aria-labelledby="purge-q"><span id="purge-q">${m.confirmPurge}</span>
              <button type="button" class="button primary" data-confirm @click=${() => void this.#act('purge')}>${m.yes}</button>
              <button type="button" class="button" @click=${() => (this.confirmPurge = false)}>${m.no}</button></span>`
            : ACTIONS.map(
                (
                  a,
                ) => html`<button type="button" class="button ${a === 'approve' ? 'primary' : a === 'purge' ? 'danger' : ''}" data-action=${a}
                aria-disabled=${none || this.busy ? 'true' : 'false'} @click=${() => void this.#act(a)}>${m.actions[a]}</button>`,
              )
        }
      </div>
      <p part="status" role="status">${this.message}</p>
      ${this.items.length ? html`<ul>${this.items.map((c) => this.#item(c, t))}</ul>` : html`<p>${m.empty}</p>`}
      ${this.cursor ? html`<button type="button" class="button" @click=${() => void this.#more()}>${m.loadMore}</button>` : nothing}
      ${this.#bansList(t)}
    </div>`;
  }

  #item(c: QueueComment, t: AdminStrings) {
    const m = t.moderation;
    const locale = this.localize.locale;
    const revealed = this.revealed.get(c.id) ?? new Set<number>();
    return html`<li>
      <article part="comment" class=${c.reports ? 'reported' : ''} aria-labelledby=${`who-${c.id}`} data-id=${c.id}>
        <input type="checkbox" id=${`sel-${c.id}`} aria-label=${m.select(c.author.name)} .checked=${this.selected.has(c.id)}
          @change=${(e: Event) => this.#toggle(c.id, (e.target as HTMLInputElement).checked)} />
        <div>
          <p class="meta">
            <span class="who" id=${`who-${c.id}`}>${c.author.name}</span>
            <time class="muted" datetime=${c.createdAt}>${formatDate(locale, c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            <span class="muted">${m.on(c.reviewTitle)}</span>
            <span class="muted">· ${m.statuses[c.status] ?? c.status}</span>
            ${c.reports ? html`<span class="reports">${m.reports(String(c.reports))}: ${c.reasons.map((r) => this.localize.t.thread.report.reasons[r] ?? r).join(', ')}</span>` : nothing}
          </p>
          ${c.spoiler ? html`<p class="muted">${this.localize.t.thread.spoilerComment}</p>` : nothing}
          <div class="body" dir="auto">
            ${renderComment(c.body, {
              revealed,
              spoilerLabel: this.localize.t.thread.spoilerInline,
              onReveal: (i) => (this.revealed = new Map(this.revealed).set(c.id, new Set([...revealed, i]))),
            })}
          </div>
          <dl>
            <dt>${m.email}</dt><dd>${c.author.email ?? m.none}</dd>
            <dt>${m.address}</dt><dd>${c.clientIp ?? m.none}</dd>
          </dl>
          <div class="item-actions">
            ${c.author.emailHash ? html`<button type="button" class="button link" data-ban="email" @click=${() => void this.#ban(c, 'email')}>${m.banEmail}</button>` : nothing}
            ${c.clientIp ? html`<button type="button" class="button link" data-ban="network" @click=${() => void this.#ban(c, 'network')}>${m.banNetwork}</button>` : nothing}
          </div>
        </div>
      </article>
    </li>`;
  }

  #bansList(t: AdminStrings) {
    const m = t.moderation;
    const locale = this.localize.locale;
    return html`<section part="bans" aria-labelledby="bans-title">
      <p id="bans-title" role="heading" aria-level="3"><strong>${m.bans}</strong></p>
      ${
        this.bans.length
          ? html`<ul>
            ${this.bans.map(
              (b) => html`<li class="meta">
                <span>${b.kind === 'email' ? m.email : m.address}: <code>${b.kind === 'email' ? `${b.value.slice(0, 12)}…` : b.value}</code></span>
                <span class="muted">${b.expiresAt ? m.until(formatDate(locale, b.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })) : m.forever}</span>
                <button type="button" class="button link" @click=${() => void this.#lift(b)}>${m.lift}</button>
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">${m.noBans}</p>`
      }
    </section>`;
  }

  protected override updated(): void {
    if (!this.#focusAfter) return;
    const selector = this.#focusAfter;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
