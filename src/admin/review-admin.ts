import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttonStyles } from '../shared/button.styles.js';
import { defineElement } from '../shared/define-element.js';
import { enBase } from '../shared/i18n/index.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ReviewElement } from '../shared/review-element.js';
import { AdminApiError, AdminClient, type AdminReviewRow, type ReviewState } from './admin-client.js';
import { adminError, adminStrings, type AdminStrings } from './i18n/index.js';

type View = { name: 'reviews' } | { name: 'edit'; id?: string } | { name: 'comments' };

function viewFromHash(hash: string): View {
  const [, section, id] = hash.split('/');
  if (section === 'comments') return { name: 'comments' };
  if (section === 'review') return { name: 'edit', id: id ? decodeURIComponent(id) : undefined };
  return { name: 'reviews' };
}

/**
 * @tag review-admin
 * @summary The /admin/ page of the reference server: sign in, the reviews with search and a
 * draft/published filter, `<review-editor>` and `<comment-moderation>`. Not in the readers' bundle.
 *
 * @csspart base - The whole desk.
 */
export class ReviewAdmin extends ReviewElement {
  protected override readonly localize = new LocaleController(this, enBase);
  static override styles = [
    ReviewElement.styles,
    buttonStyles,
    css`
      :host { display: block; }
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; margin-block-end: var(--_space); }
      nav ul, .filters, .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; list-style: none; margin: 0; padding: 0; }
      nav a[aria-current='page'] { font-weight: 700; }
      a { color: var(--_accent); }
      form.sign-in { display: grid; gap: 0.5rem; max-inline-size: 28rem; }
      input, select { font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_text-muted); border-radius: calc(var(--_radius) / 2); padding: 0.5em 0.625em; min-inline-size: 0; }
      .error { color: var(--_danger); margin: 0; }
      .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      .list li { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; border-block-end: 1px solid var(--_border); padding-block: 0.5rem; }
      .muted { color: var(--_text-muted); }
      h1 { font-size: 1.5em; margin: 0; }
      h2 { font-size: 1.25em; margin: 0 0 0.5rem; }
    `,
  ];

  /** Base URL of the review API. */
  @property() api = '/v1';

  @state() private phase: 'checking' | 'out' | 'in' = 'checking';
  @state() private view: View = viewFromHash(globalThis.location?.hash ?? '');
  @state() private rows: AdminReviewRow[] = [];
  @state() private cursor: string | null = null;
  @state() private query = '';
  @state() private filter: '' | ReviewState = '';
  @state() private signInError = '';
  @state() private listError = '';
  #client?: AdminClient;
  #onHash = () => (this.view = viewFromHash(location.hash));

  get #t(): AdminStrings {
    return adminStrings(this.localize.locale);
  }

  get client(): AdminClient {
    return (this.#client ??= new AdminClient(this.api));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    void this.client.resume().then((ok) => {
      this.phase = ok ? 'in' : 'out';
      if (ok) void this.#loadList();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  async #signIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const t = this.#t;
    try {
      await this.client.signIn(input.value);
      input.value = '';
      this.signInError = '';
      this.phase = 'in';
      void this.#loadList();
    } catch (error) {
      const code = error instanceof AdminApiError ? error.code : '';
      this.signInError =
        code === 'forbidden' ? t.signIn.wrong : code === 'rate-limited' ? t.signIn.limited : adminError(error, t);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus();
    }
  }

  async #signOut(): Promise<void> {
    await this.client.signOut().catch(() => undefined);
    this.phase = 'out';
  }

  async #loadList(more = false): Promise<void> {
    try {
      const page = await this.client.listReviews({
        q: this.query || undefined,
        state: this.filter || undefined,
        cursor: more ? (this.cursor ?? undefined) : undefined,
      });
      this.rows = more ? [...this.rows, ...page.items] : page.items;
      this.cursor = page.nextCursor;
      this.listError = '';
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) this.phase = 'out';
      this.listError = adminError(error, this.#t);
    }
  }

  #go(hash: string): void {
    location.hash = hash;
    this.view = viewFromHash(hash);
  }

  protected override render() {
    const t = this.#t;
    if (this.phase === 'checking') return html`<p aria-busy="true">…</p>`;
    if (this.phase === 'out') {
      return html`<main part="base">
        <h1>${t.appTitle}</h1>
        <form class="sign-in" @submit=${(e: SubmitEvent) => void this.#signIn(e)}>
          <h2>${t.signIn.title}</h2>
          <label for="token">${t.signIn.token}</label>
          <input id="token" name="token" type="password" autocomplete="off" required aria-describedby="token-help${this.signInError ? ' token-error' : ''}" />
          <p id="token-help" class="muted">${t.signIn.help}</p>
          ${this.signInError ? html`<p id="token-error" class="error" role="alert">${this.signInError}</p>` : nothing}
          <div class="row"><button class="button primary" type="submit">${t.signIn.submit}</button></div>
        </form>
      </main>`;
    }
    const v = this.view;
    return html`<div part="base">
      <header>
        <h1>${t.appTitle}</h1>
        <nav aria-label=${t.nav.label}>
          <ul>
            <li><a href="#/reviews" aria-current=${v.name !== 'comments' ? 'page' : 'false'}>${t.nav.reviews}</a></li>
            <li><a href="#/comments" aria-current=${v.name === 'comments' ? 'page' : 'false'}>${t.nav.comments}</a></li>
          </ul>
        </nav>
        <button type="button" class="button" @click=${() => void this.#signOut()}>${t.signIn.signOut}</button>
      </header>
      <main>
        ${
          v.name === 'comments'
            ? html`<h2>${t.moderation.title}</h2><comment-moderation .client=${this.client}></comment-moderation>`
            : v.name === 'edit'
              ? html`<p><a href="#/reviews">${t.editor.back}</a></p>
                <review-editor .client=${this.client} review-id=${v.id ?? ''}
                  @review-editor-save=${(e: Event & { reviewId: string }) => {
                    void this.#loadList();
                    if (!v.id) history.replaceState(null, '', `#/review/${encodeURIComponent(e.reviewId)}`);
                  }}
                  @review-editor-delete=${() => {
                    void this.#loadList();
                    this.#go('#/reviews');
                  }}></review-editor>`
              : this.#list(t)
        }
      </main>
    </div>`;
  }

  #list(t: AdminStrings) {
    const l = t.list;
    return html`<h2>${t.nav.reviews}</h2>
      <div class="filters">
        <label for="q">${l.search}</label>
        <input id="q" type="search" .value=${this.query} @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          void this.#loadList();
        }} />
        <label for="filter">${l.show}</label>
        <select id="filter" @change=${(e: Event) => {
          this.filter = (e.target as HTMLSelectElement).value as '' | ReviewState;
          void this.#loadList();
        }}>
          <option value="">${l.all}</option>
          <option value="draft">${t.state.draft}</option>
          <option value="published">${t.state.published}</option>
        </select>
        <a class="button primary" href="#/review/" data-action="new">${l.newReview}</a>
      </div>
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
      ${
        this.rows.length
          ? html`<ul class="list">
            ${this.rows.map(
              (r) => html`<li>
                <a href=${`#/review/${encodeURIComponent(r.id)}`} aria-label=${l.edit(r.title)}>${r.title}</a>
                <span class="muted">${r.workTitle}</span>
                <span>${t.state[r.state]}</span>
                <span class="muted">${l.comments}: ${r.commentCount}</span>
                ${r.pendingCount ? html`<span>${l.waiting}: ${r.pendingCount}</span>` : nothing}
              </li>`,
            )}
          </ul>`
          : html`<p>${l.empty}</p>`
      }
      ${this.cursor ? html`<button type="button" class="button" @click=${() => void this.#loadList(true)}>${l.loadMore}</button>` : nothing}`;
  }
}

defineElement('review-admin', ReviewAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'review-admin': ReviewAdmin;
  }
}
