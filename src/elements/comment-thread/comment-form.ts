import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CommentInput } from '../../api/index.js';
import { formatNumber } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase, enThread } from '../../shared/i18n/index.js';
import { formStyles } from './comment-form.styles.js';
import { fieldStyles } from '../../shared/field.styles.js';
import { buttonStyles } from '../../shared/button.styles.js';
import { clearDraft, loadAuthor, loadDraft, saveAuthor, saveDraft } from './storage.js';

import { MAX_AUTHOR_NAME as MAX_NAME, MAX_COMMENT_BODY as MAX_BODY } from '../../api/limits.js';

/** The form asks its thread to post this. */
export class CommentFormSubmitEvent extends Event {
  constructor(readonly input: CommentInput) {
    // Cancelable: when the thread's host refuses the post, the form keeps the words.
    super('comment-form-submit', { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * @tag review-comment-form
 * @summary The comment form of `<comment-thread>` (used by it; not placed on pages by itself).
 *
 * Keeps the draft in local storage from the first keystroke, per review and per comment replied
 * to, and restores it after a reload. Validates before sending; says what is wrong next to the
 * field and moves focus there.
 *
 * @csspart form - The form.
 */
export class CommentForm extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, thread: enThread });
  static override styles = [ReviewElement.styles, buttonStyles, fieldStyles, formStyles];

  /** Where drafts are kept: one scope per API and review. */
  @property() scope = '';
  /** The comment replied to, or null for a top-level comment. */
  @property({ attribute: false }) parentId: string | null = null;
  /** Name of the author replied to, for the heading. */
  @property({ attribute: false }) replyTo?: string;
  /** Focus the text box when shown (reply forms). */
  @property({ type: Boolean, attribute: 'focus-on-show' }) focusOnShow = false;
  /** Level of the form's heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private name = '';
  @state() private email = '';
  @state() private body = '';
  @state() private spoiler = false;
  @state() private errors: { name?: string; body?: string } = {};
  @state() private restored = false;
  /** The markdown help shows when the reader asks for it. */
  @state() private helpShown = false;
  @query('textarea') private textarea!: HTMLTextAreaElement;
  #website = '';
  #loadedFor = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.scope}|${this.parentId ?? ''}`;
    if ((changed.has('scope') || changed.has('parentId')) && this.scope && key !== this.#loadedFor) {
      this.#loadedFor = key;
      const draft = loadDraft(this.scope, this.parentId);
      this.name = draft?.name || loadAuthor();
      this.email = draft?.email ?? '';
      this.body = draft?.body ?? '';
      this.spoiler = draft?.spoiler ?? false;
      this.restored = Boolean(draft?.body);
    }
  }

  protected override firstUpdated(): void {
    if (this.focusOnShow) this.textarea.focus();
  }

  override focus(): void {
    this.textarea?.focus();
  }

  #save() {
    if (!this.scope) return;
    if (this.body || this.email)
      saveDraft(this.scope, this.parentId, {
        name: this.name,
        email: this.email,
        body: this.body,
        spoiler: this.spoiler,
      });
    else clearDraft(this.scope, this.parentId);
  }

  #input(field: 'name' | 'email' | 'body') {
    return (event: Event) => {
      this[field] = (event.target as HTMLInputElement).value;
      if (this.errors[field as 'name' | 'body']) this.errors = { ...this.errors, [field]: undefined };
      this.#save();
    };
  }

  #submit(event: Event) {
    event.preventDefault();
    const { form } = this.localize.t.thread;
    const n = (x: number) => formatNumber(this.localize.locale, x);
    const errors = {
      name: !this.name.trim()
        ? form.nameRequired
        : this.name.trim().length > MAX_NAME
          ? form.tooLong(n(MAX_NAME))
          : undefined,
      body: !this.body.trim() ? form.bodyRequired : this.body.length > MAX_BODY ? form.tooLong(n(MAX_BODY)) : undefined,
    };
    this.errors = errors;
    if (errors.name || errors.body) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const input: CommentInput = {
      author: { name: this.name.trim(), ...(this.email.trim() && { email: this.email.trim() }) },
      body: this.body,
      parentId: this.parentId,
      spoiler: this.spoiler,
      ...(this.#website && { website: this.#website }),
    };
    saveAuthor(this.name.trim());
    // The thread keeps the words (in its outbox) until the server confirms; the form starts afresh.
    if (!this.dispatchEvent(new CommentFormSubmitEvent(input))) return;
    this.body = '';
    this.spoiler = false;
    this.restored = false;
    clearDraft(this.scope, this.parentId);
  }

  protected override render() {
    const { t, locale } = this.localize;
    const f = t.thread.form;
    const heading = this.replyTo ? f.replyTitle(this.replyTo) : f.title;
    const used = this.body.length;
    return html`<form part="form" novalidate @submit=${this.#submit} aria-labelledby="heading">
      <p class="heading" id="heading" role="heading" aria-level=${this.headingLevel}>${heading}</p>
      ${this.restored ? html`<p class="restored" role="status">${f.draftRestored}</p>` : nothing}
      <div class="row">
        <div class="field">
          <label for="name">${f.name}</label>
          <input id="name" type="text" autocomplete="name" maxlength="200" .value=${this.name} @input=${this.#input('name')}
            aria-invalid=${this.errors.name ? 'true' : 'false'} aria-describedby=${this.errors.name ? 'name-error' : nothing} />
          ${this.errors.name ? html`<p class="error-text" id="name-error">${this.errors.name}</p>` : nothing}
        </div>
        <div class="field">
          <label for="email">${f.email}</label>
          <input id="email" type="email" autocomplete="email" .value=${this.email} @input=${this.#input('email')} />
        </div>
      </div>
      <div class="field">
        <label for="body">${f.body}</label>
        <textarea id="body" .value=${this.body} @input=${this.#input('body')} aria-invalid=${this.errors.body ? 'true' : 'false'}
          aria-describedby=${`${this.helpShown ? 'help ' : ''}count${this.errors.body ? ' body-error' : ''}`}></textarea>
        ${this.errors.body ? html`<p class="error-text" id="body-error">${this.errors.body}</p>` : nothing}
        <p class="count ${used > MAX_BODY ? 'over' : ''}" id="count">${f.count(formatNumber(locale, used), formatNumber(locale, MAX_BODY))}</p>
        <button type="button" class="button link hint" aria-expanded=${this.helpShown ? 'true' : 'false'} @click=${() => (this.helpShown = !this.helpShown)}>${f.helpToggle}</button>
        ${this.helpShown ? html`<p class="hint" id="help">${f.help}</p>` : nothing}
      </div>
      <label class="check"><input type="checkbox" .checked=${this.spoiler} @change=${(e: Event) => {
        this.spoiler = (e.target as HTMLInputElement).checked;
        this.#save();
      }} />${f.spoiler}</label>
      <div class="trap" aria-hidden="true">
        <label>${f.website}<input type="text" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#website = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <div class="actions">
        <button type="submit" class="button primary">${this.parentId ? f.submitReply : f.submit}</button>
        ${
          this.parentId
            ? html`<button type="button" class="button" @click=${() => this.dispatchEvent(new Event('comment-form-cancel', { bubbles: true, composed: true }))}>${t.thread.cancel}</button>`
            : nothing
        }
      </div>
    </form>`;
  }
}
