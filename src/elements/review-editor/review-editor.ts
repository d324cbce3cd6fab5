import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminApiError, AdminClient, type ReviewState } from '../../admin/admin-client.js';
import { adminError, adminStrings, type AdminStrings } from '../../admin/i18n/index.js';
import { normalizeReview } from '../../api/normalize.js';
import type { Review } from '../../api/types.js';
import { reviewSourceContext, reviewStateContext, type ReviewState as LoadState } from '../../data/contexts.js';
import { sharedClient } from '../../data/shared-client.js';
import { buttonStyles } from '../../shared/button.styles.js';
import { fieldStyles } from '../../shared/field.styles.js';
import { enBase, enWarning } from '../../shared/i18n/index.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { ReviewElement } from '../../shared/review-element.js';
import type { FieldContext } from './editor-fields.js';
import { blankReview, check, getAt, move, pathKey, setAt, type Checked, type Doc, type Path } from './editor-model.js';
import {
  castSection,
  creditsSection,
  ratingsSection,
  reviewSection,
  warningsSection,
  workSection,
} from './editor-sections.js';
import { ReviewEditorDeleteEvent, ReviewEditorSaveEvent } from './events.js';
import { editorStyles } from './review-editor.styles.js';

/** Cast order is the order of the rows: `order` is renumbered so the cast list shows them so. */
const ordered = (doc: Doc): Doc => ({ ...doc, cast: doc.cast?.map((c, i) => ({ ...c, order: i + 1 })) });

/**
 * @tag review-editor
 * @summary Writes or edits one review through the review API: every field of the review document, a
 * live preview with the real elements, drafts, publishing and deleting. For the owner's desk.
 *
 * Signs in through the page's admin session (the reference server's /admin/ page) or takes an
 * `AdminClient` in `client`. Checks the document with the same valibot schema the server uses and
 * shows each message next to its field, in the owner's language. Images (poster, cast photos,
 * credit pictures) can be given by address or uploaded.
 *
 * @fires {ReviewEditorSaveEvent} review-editor-save - Saved as a draft or published. `event.reviewId`, `event.state`.
 * @fires {ReviewEditorDeleteEvent} review-editor-delete - The review and its comments were deleted.
 * @slot preview-content - Text shown inside the preview's content warning (by default, the summary).
 * @csspart base - The form and the preview side by side (stacked under 60rem).
 * @csspart form - The form.
 * @csspart actions - Save, Publish, Unpublish, Delete.
 * @csspart status - What happened last, announced politely.
 * @csspart preview - The live preview.
 * @cssprop --review-accent - Buttons and focus accents (shared with every element).
 * @cssprop --review-danger - Field errors and Delete.
 * @cssprop --review-space - Spacing unit.
 */
export class ReviewEditor extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, warning: enWarning });
  static override styles = [ReviewElement.styles, buttonStyles, fieldStyles, editorStyles];

  /** Base URL of the review API. */
  @property() api = '/v1';
  /** The review to edit; without it, a new review. */
  @property({ attribute: 'review-id' }) reviewId?: string;
  /** Level of the editor's headings. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** A client to use instead of the page's session (scripts with the admin token). */
  @property({ attribute: false }) client?: AdminClient;

  @state() private doc: Doc = blankReview();
  @state() private state: 'new' | ReviewState = 'new';
  @state() private touched = new Set<string>();
  @state() private showAll = false;
  @state() private serverErrors = new Map<string, string>();
  @state() private status = '';
  @state() private busy = false;
  @state() private confirming = false;
  @state() private uploading: string | undefined;
  #own?: AdminClient;
  #checked: Checked = { output: undefined, errors: new Map() };
  #checkedFor?: { doc: Doc; t: AdminStrings };
  #previewValid = true;
  #focusInvalid = false;
  #focusAfter?: string;
  readonly #previewState = new ContextProvider(this, { context: reviewStateContext });
  readonly #previewSource = new ContextProvider(this, { context: reviewSourceContext });

  get #client(): AdminClient {
    return this.client ?? (this.#own ??= new AdminClient(this.api));
  }

  get #t(): AdminStrings {
    return adminStrings(this.localize.locale);
  }

  /** Starts a new review (keeps nothing of the current one). */
  reset(): void {
    this.doc = blankReview();
    this.state = 'new';
    this.touched = new Set();
    this.showAll = false;
    this.serverErrors = new Map();
    this.status = '';
    this.confirming = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reviewId')) {
      if (this.reviewId) void this.#load(this.reviewId);
      else this.reset();
    }
    const t = this.#t;
    if (this.#checkedFor?.doc !== this.doc || this.#checkedFor.t !== t) {
      this.#checkedFor = { doc: this.doc, t };
      this.#checked = check(ordered(this.doc), t.validation);
      this.#previewValid = Boolean(this.#checked.output);
      if (this.#checked.output) this.#showPreview(this.#checked.output);
    }
  }

  #showPreview(review: Review): void {
    const normalized = normalizeReview(review, globalThis.location?.href ?? 'http://localhost/');
    const value: LoadState = { status: 'ready', value: normalized, error: undefined, reload: () => {} };
    this.#previewState.setValue(value);
    this.#previewSource.setValue({ client: sharedClient(undefined), api: undefined, reviewId: review.id });
  }

  async #load(id: string): Promise<void> {
    try {
      const { state, review } = await this.#client.getReview(id);
      const { commentCount: _count, ...doc } = review;
      this.reset();
      this.doc = doc as Doc;
      this.state = state;
    } catch (error) {
      this.status = adminError(error, this.#t);
    }
  }

  #set(path: Path, value: unknown): void {
    this.doc = setAt(this.doc, path, value);
    const key = pathKey(path);
    if (this.serverErrors.size) this.serverErrors = new Map([...this.serverErrors].filter(([k]) => k !== key));
  }

  #touch(path: Path): void {
    this.touched = new Set([...this.touched, pathKey(path)]);
  }

  async #upload(path: Path, file: File): Promise<void> {
    const key = pathKey(path);
    this.uploading = key;
    try {
      const uploaded = await this.#client.upload(file);
      this.#set(path, uploaded.url);
      if (path.at(-1) === 'url' && path.at(-2) === 'poster') {
        this.doc = setAt(
          setAt(this.doc, [...path.slice(0, -1), 'width'], uploaded.width),
          [...path.slice(0, -1), 'height'],
          uploaded.height,
        );
      }
      this.status = this.#t.editor.uploaded;
    } catch (error) {
      this.status = adminError(error, this.#t);
    } finally {
      this.uploading = undefined;
      this.#focusAfter = `#f-${CSS.escape(key)}`;
    }
  }

  /** The messages to show: a field's once it was left, all of them after a save was tried. */
  #visibleErrors(): Map<string, string> {
    const shown = new Map(this.serverErrors);
    for (const [path, message] of this.#checked.errors) {
      if (
        this.showAll ||
        [...this.touched].some((t) => t === path || path.startsWith(`${t}.`) || t.startsWith(`${path}.`))
      )
        shown.set(path, message);
    }
    return shown;
  }

  async #save(target: 'keep' | 'published'): Promise<void> {
    const t = this.#t;
    if (this.busy) return;
    if (this.#checked.errors.size) {
      this.showAll = true;
      this.status = t.editor.invalid(String(this.#checked.errors.size));
      this.#focusInvalid = true;
      return;
    }
    this.busy = true;
    const doc = ordered(this.doc);
    try {
      if (this.state === 'new') {
        const state = target === 'published' ? 'published' : 'draft';
        await this.#client.putReview(doc, state);
        this.state = state;
      } else {
        await this.#client.putReview(doc);
        if (target === 'published' && this.state === 'draft') {
          await this.#client.setState(doc.id, 'published');
          this.state = 'published';
        }
      }
      this.doc = doc;
      this.status = target === 'published' ? t.editor.publishedNow : t.editor.saved;
      this.dispatchEvent(new ReviewEditorSaveEvent(doc.id, this.state as ReviewState));
    } catch (error) {
      if (error instanceof AdminApiError && error.errors.length) {
        this.serverErrors = new Map(error.errors.map((e) => [e.path, e.message]));
        this.#focusInvalid = true;
      }
      this.status = `${t.editor.failed} ${adminError(error, t)}`;
    } finally {
      this.busy = false;
    }
  }

  async #unpublish(): Promise<void> {
    try {
      await this.#client.setState(this.doc.id, 'draft');
      this.state = 'draft';
      this.status = this.#t.editor.unpublishedNow;
      this.dispatchEvent(new ReviewEditorSaveEvent(this.doc.id, 'draft'));
    } catch (error) {
      this.status = adminError(error, this.#t);
    }
  }

  async #delete(): Promise<void> {
    const id = this.doc.id;
    try {
      await this.#client.deleteReview(id);
      this.confirming = false;
      this.reset();
      this.status = this.#t.editor.deleted;
      this.dispatchEvent(new ReviewEditorDeleteEvent(id));
    } catch (error) {
      this.status = adminError(error, this.#t);
    }
  }

  #context(errors: Map<string, string>): FieldContext {
    return {
      doc: this.doc,
      t: this.#t,
      topics: this.localize.t.warning.topics,
      errors,
      uploading: this.uploading,
      set: (path, value) => this.#set(path, value),
      touch: (path) => this.#touch(path),
      upload: (path, file) => void this.#upload(path, file),
      add: (path, entry) => {
        const list = (getAt(this.doc, path) as unknown[] | undefined) ?? [];
        this.doc = setAt(this.doc, path, [...list, entry]);
        // The new entry's first field takes focus, so the owner types on at once.
        void this.updateComplete.then(() => {
          const fields = this.renderRoot.querySelectorAll<HTMLElement>(
            `[id^="f-${CSS.escape(`${pathKey(path)}.${list.length}.`)}"]`,
          );
          fields[0]?.focus();
        });
      },
      remove: (path, index) => {
        const list = [...((getAt(this.doc, path) as unknown[] | undefined) ?? [])];
        list.splice(index, 1);
        this.doc = setAt(this.doc, path, list);
        this.#focusAfter = `[data-add="${pathKey(path)}"]`;
      },
      move: (path, index, by) => {
        this.doc = move(this.doc, path, index, by);
      },
    };
  }

  protected override render() {
    const t = this.#t;
    const e = t.editor;
    const errors = this.#visibleErrors();
    const ctx = this.#context(errors);
    const heading = this.state === 'new' ? e.newTitle : e.editTitle(this.doc.title || this.doc.id);
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<div part="base" class="layout">
      <form part="form" novalidate aria-labelledby="editor-title" @submit=${(ev: Event) => ev.preventDefault()}>
        <p id="editor-title" role="heading" aria-level=${level}><strong>${heading}</strong>
          ${this.state === 'new' ? nothing : html` <span class="state">(${t.state[this.state]})</span>`}</p>
        ${reviewSection(ctx, this.state === 'new')} ${workSection(ctx)} ${ratingsSection(ctx)} ${creditsSection(ctx)} ${castSection(ctx)}
        ${warningsSection(ctx)}
        <div part="actions" class="actions">${this.#actions(t)}</div>
        <p part="status" role="status">${this.status}</p>
      </form>
      <section part="preview" aria-labelledby="preview-title">
        <p id="preview-title" role="heading" aria-level=${level}><strong>${e.preview}</strong></p>
        ${this.#previewValid ? nothing : html`<p class="stale">${e.previewStale}</p>`}
        ${
          this.#checked.output || this.doc.id
            ? html`<review-card no-structured-data heading-level=${Math.min(6, level + 1)}></review-card>
              <content-warning from-review><slot name="preview-content"><p>${this.doc.summary ?? ''}</p></slot></content-warning>
              <cast-list limit="6"></cast-list>`
            : nothing
        }
      </section>
    </div>`;
  }

  #actions(t: AdminStrings) {
    const e = t.editor;
    const busy = this.busy ? 'true' : 'false';
    if (this.confirming) {
      return html`<div role="group" aria-labelledby="confirm-delete" class="actions">
        <span id="confirm-delete">${e.confirmDelete}</span>
        <button type="button" class="button primary" data-confirm @click=${() => void this.#delete()}>${e.yesDelete}</button>
        <button type="button" class="button" @click=${() => {
          this.confirming = false;
          this.#focusAfter = '[data-action="delete"]';
        }}>${e.keep}</button>
      </div>`;
    }
    return html`
      <button type="button" class="button ${this.state === 'published' ? 'primary' : ''}" data-action="save" aria-disabled=${busy} @click=${() => void this.#save('keep')}>
        ${this.state === 'published' ? e.save : e.saveDraft}
      </button>
      ${
        this.state !== 'published'
          ? html`<button type="button" class="button primary" data-action="publish" aria-disabled=${busy} @click=${() => void this.#save('published')}>${e.publish}</button>`
          : html`<button type="button" class="button" data-action="unpublish" @click=${() => void this.#unpublish()}>${e.unpublish}</button>`
      }
      ${
        this.state !== 'new'
          ? html`<button type="button" class="button danger" data-action="delete" @click=${() => {
              this.confirming = true;
              this.#focusAfter = '[data-confirm]';
            }}>${e.delete}</button>`
          : nothing
      }
    `;
  }

  protected override updated(): void {
    if (this.#focusInvalid) {
      this.#focusInvalid = false;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (this.#focusAfter) {
      const selector = this.#focusAfter;
      this.#focusAfter = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }
}
