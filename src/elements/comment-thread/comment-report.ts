import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttonStyles } from '../../shared/button.styles.js';
import { enBase, enThread } from '../../shared/i18n/index.js';
import { errorMessage } from '../../shared/load-states.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { ReviewElement } from '../../shared/review-element.js';

export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'spoiler', 'off-topic', 'other'] as const;
export type SendReport = (commentId: string, report: { reason: string; note?: string }) => Promise<void>;

/**
 * @tag review-comment-report
 * @summary The Report action of a comment in `<comment-thread>` (used by it; not placed on pages by itself).
 *
 * The thread imports and defines it when a reader first presses a comment's Report button, and
 * creates it open (`expanded`): until then a comment has a plain button, not this element.
 *
 * A link-styled button that opens a small form below the comment: a reason (required) and an
 * optional note. Sent once; afterwards the thread shows "Reported" for the comment in this browser.
 *
 * @csspart report-form - The form with the reasons.
 */
export class CommentReport extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, thread: enThread });
  static override styles = [
    ReviewElement.styles,
    buttonStyles,
    css`
      :host {
        display: inline-block;
      }
      :host([expanded]) {
        display: block;
        flex-basis: 100%;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      legend {
        font-weight: 600;
        margin-block-end: 0.25rem;
      }
      form {
        display: grid;
        gap: 0.75rem;
        margin-block: 0.5rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius, 0.5rem);
      }
      textarea {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        min-height: 3.5em;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .error {
        color: var(--_danger, inherit);
        margin: 0;
      }
      .done {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) commentId = '';
  /** Sends the report (the thread passes its client's `reportComment`). */
  @property({ attribute: false }) send?: SendReport;
  /** Reflected while the form is open, so the host takes the full row. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  @state() private reason = '';
  @state() private note = '';
  @state() private phase: 'idle' | 'sending' | 'done' | 'error' = 'idle';
  @state() private message = '';
  #focusAfter?: string;

  protected override firstUpdated(): void {
    // Made open (the thread creates it when the reader presses its Report button): focus the reasons.
    if (this.expanded) this.#focusAfter = 'input[type="radio"]';
  }

  #open(): void {
    this.expanded = true;
    this.#focusAfter = 'input[type="radio"]';
  }

  #close(): void {
    this.expanded = false;
    this.phase = 'idle';
    this.message = '';
    this.#focusAfter = 'button[data-action="report"]';
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const { t } = this.localize;
    if (this.phase === 'sending') return;
    if (!this.reason) {
      this.phase = 'error';
      this.message = t.thread.report.chooseReason;
      this.#focusAfter = 'input[type="radio"]';
      return;
    }
    this.phase = 'sending';
    try {
      await this.send?.(this.commentId, {
        reason: this.reason,
        ...(this.note.trim() ? { note: this.note.trim() } : {}),
      });
      this.phase = 'done';
      this.expanded = false;
      this.#focusAfter = '.done';
    } catch (error) {
      this.phase = 'error';
      this.message = `${t.thread.report.failed} ${errorMessage(error as Error, t)}`;
    }
  }

  protected override render() {
    const { t } = this.localize;
    const r = t.thread.report;
    if (this.phase === 'done') return html`<p class="done" role="status" tabindex="-1">${r.thanks}</p>`;
    if (!this.expanded) {
      return html`<button type="button" class="button link" data-action="report" aria-expanded="false" @click=${() => this.#open()}>${r.action}</button>`;
    }
    const errorId = `report-error-${this.commentId}`;
    return html`<form part="report-form" aria-label=${r.title} @submit=${(e: Event) => void this.#submit(e)} novalidate>
      <fieldset aria-describedby=${this.phase === 'error' && !this.reason ? errorId : nothing}>
        <legend>${r.legend}</legend>
        ${REPORT_REASONS.map(
          (reason) =>
            html`<label><input type="radio" name="reason" .value=${reason} .checked=${this.reason === reason} @change=${() => (this.reason = reason)} /> ${r.reasons[reason]}</label>`,
        )}
      </fieldset>
      <label>${r.note}<br /><textarea maxlength="500" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      ${this.phase === 'error' ? html`<p class="error" id=${errorId} role="alert">${this.message}</p>` : nothing}
      <div class="row">
        <button type="submit" class="button primary" aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}>${this.phase === 'sending' ? r.sending : r.send}</button>
        <button type="button" class="button" @click=${() => this.#close()}>${r.cancel}</button>
      </div>
    </form>`;
  }

  protected override updated(): void {
    if (!this.#focusAfter) return;
    const selector = this.#focusAfter;
    this.#focusAfter = undefined;
    // Only what the thread's chunk has already (no decorator or storage of its own), so this file
    // is one chunk of its own on the CDN, not one and a shared one.
    (
      this.renderRoot.querySelector<HTMLElement>(selector) ??
      this.renderRoot.querySelector<HTMLElement>('button[data-action="report"]')
    )?.focus();
  }
}
