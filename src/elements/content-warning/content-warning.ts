import { html, isServer, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HeldSpace } from '../../shared/held-space.js';
import type { Review } from '../../api/index.js';
import type { ReviewDataController } from '../../data/review-data-controller.js';
import type { DataState } from '../../data/data-controller.js';
import { langTag } from '../../shared/format.js';
import { buttonStyles } from '../../shared/button.styles.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enWarning } from '../../shared/i18n/index.js';
import {
  decide,
  forgetShow,
  onSettingsChange,
  rememberShow,
  setSetting,
  type Choice,
  type Remember,
} from './choices-store.js';
import { openSettingsDialog, settingsHref, settingsLinkTemplate } from './settings-link.js';
import { styles } from './content-warning.styles.js';
import { ContentWarningHideEvent, ContentWarningRevealEvent } from './events.js';
import { adoptDisclosure, fallbackDisclosure } from './fallback.js';
import { controlsTemplate, mergeTopics, noticeTemplate, type Topic } from './content-warning.templates.js';

/**
 * @tag content-warning
 * @summary Hides content about distressing topics until the reader chooses to see it.
 *
 * Name the topics with `topics="suicide sexual-violence"` and/or take them from the review with
 * `from-review`. Until revealed, the content is not shown, not focusable and not read by screen
 * readers (it is `inert`, and hidden or blurred); the notice names each topic and its severity in
 * words. Every warning honours the reader's own settings per topic (always show, ask or hide; see
 * `<content-warning-settings>`), and links to them; `remember` says what "Show content" keeps
 * (`session`: this tab, `always`: this browser). A review whose author chose not to warn
 * (`contentWarnings: "not-warned"`) stays hidden behind a notice that says so. With no topics
 * and no review warnings, the content shows as if unwrapped. While the review's warnings are
 * still loading, or could not be loaded, the content stays hidden.
 *
 * @slot - The content the warning is about. To keep it hidden before the script runs (while it
 *   loads, if it is blocked or fails, and with JavaScript off), wrap it in a native disclosure as the
 *   only child: `<details><summary>Content warning: suicide. Show</summary>…</details>`. It is
 *   closed without any script or CSS; when the element runs, it opens the disclosure, hides the
 *   summary and guards the content itself. A reader who opened it before then sees it revealed.
 * @slot note - More about what the content shows (instead of the `note` attribute).
 *
 * @fires {ContentWarningRevealEvent} content-warning-reveal - The content is about to show. Cancelable; `detail.topics`, `detail.remembered`.
 * @fires {ContentWarningHideEvent} content-warning-hide - The content was hidden again.
 * @fires {ReviewLoadEvent} review-load - With `from-review`: the review loaded.
 * @fires {ReviewErrorEvent} review-error - With `from-review`: the review could not be loaded (the content stays hidden).
 *
 * @csspart base - The wrapper.
 * @csspart notice - The warning shown in place of the content.
 * @csspart title - "Content warning".
 * @csspart topics - The list of topics.
 * @csspart note - The note.
 * @csspart actions - The notice's buttons.
 * @csspart reveal-button - "Show content".
 * @csspart always-hide-button - "Always hide these topics" (with `remember`).
 * @csspart content - The wrapped content.
 * @csspart controls - "Hide again" and the remembered-choice controls after reveal.
 * @csspart hide-button - "Hide again".
 * @csspart forget-button - "Ask me again next time".
 * @csspart settings-link - The link (or button) to the reader's content-warning settings.
 * @csspart settings-dialog - The dialog with the settings, when no `settings` page is given.
 * @csspart settings-close-button - The dialog's close button.
 *
 * @cssprop --content-warning-background - The notice's background.
 * @cssprop --content-warning-border - The notice's border colour (severe warnings use `--review-danger`).
 * @cssprop [--content-warning-blur=18px] - Blur of the preview in `mode="blur"`.
 * @cssprop [--content-warning-preview-height=16rem] - Height of the blurred preview.
 *
 * @cssstate revealed - The content is shown.
 * @cssstate concealed - The content is hidden behind the notice.
 */
export class ContentWarning extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { warning: enWarning });
  static override styles = [ReviewElement.styles, buttonStyles, styles];

  /** Space-separated topic ids (`suicide self-harm`); unknown ids show as written. */
  @property() topics = '';
  /** Also take the topics (with severity and notes) from the review's `contentWarnings`. */
  @property({ type: Boolean, attribute: 'from-review' }) fromReview = false;
  /** A note about what the content shows. */
  @property() note?: string;
  /** `collapse` replaces the content with the notice; `blur` shows a blurred, inert preview behind it. */
  @property({ reflect: true }) mode: 'collapse' | 'blur' = 'collapse';
  /** What "Show content" keeps, per topic: `none`, `session` (this tab) or `always` (this browser). The reader's settings hold whatever this is. */
  @property() remember: Remember = 'none';
  /**
   * The URL of the page with the reader's content-warning settings; by default the page's
   * `<meta name="content-warning-settings">`, else the settings open in a dialog here.
   */
  @property() settings?: string;
  /** With `from-review`: a static review document, when not inside `<review-source>`. */
  @property() src?: string;
  /** With `from-review`: the review API base URL. */
  @property() api?: string;
  /** With `from-review`: the review id. */
  @property() review?: string;

  @state() private revealed = false;
  @state() private choice: Choice | undefined;
  @state() private acted = false;
  /**
   * Made on demand: without `from-review` this element needs no review, so its bundle leaves out
   * the context consumer, the API client and its validation, which would double its size.
   */
  #data: ReviewDataController | undefined;
  #dataRequested = false;
  #preloaded: Review | undefined;
  #focusContent = false;
  #focusReveal = false;
  #appliedFor = '';
  #shownByMemory = false;
  #stopListening: (() => void) | undefined;

  /** The topics in force: attribute topics, then the review's, without duplicates. */
  get topicList(): Topic[] {
    return mergeTopics(this.topics, this.fromReview ? this.#review.value?.contentWarnings : undefined);
  }

  get #ids(): string[] {
    return this.topicList.map((t) => t.id);
  }

  /** The review's author chose not to warn: nothing to name, and no promise that nothing is there. */
  get #notWarned(): boolean {
    return this.fromReview && this.#review.status === 'ready' && this.#review.value?.contentWarnings === 'not-warned';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A change in the settings (here, in the dialog, or in another tab) applies at once.
    this.#stopListening = onSettingsChange(() => {
      this.#appliedFor = '';
      this.requestUpdate();
    });
  }

  constructor() {
    super();
    // The page's held space (README "Holding the space") until the review's topics are in.
    new HeldSpace(this, () => !this.fromReview || this.#review.status !== 'loading');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  /** The review's state; loading until the code that reads it has arrived. */
  get #review(): Pick<DataState<Review>, 'status' | 'value'> {
    // A server render has no time for the lazily imported controller: the given review is the one.
    if (isServer && !this.#data && this.#preloaded) return { status: 'ready', value: this.#preloaded };
    return this.#data?.state ?? { status: 'loading', value: undefined };
  }

  /**
   * With `from-review`: the review whose warnings apply, once loaded. Set it (or put the review's
   * JSON in a `<script type="application/json">` child) to give it without a request.
   */
  get data(): Review | undefined {
    return this.#data?.state.value ?? this.#preloaded;
  }
  set data(review: Review | undefined) {
    this.#preloaded = review;
    if (this.#data) this.#data.preloaded = review;
    this.requestUpdate();
  }

  #requestData(): Promise<void> | undefined {
    if (this.#dataRequested || !this.fromReview) return undefined;
    this.#dataRequested = true;
    // A failed import leaves the content hidden (fail closed) and lets the next update try again.
    return import('../../data/review-data-controller.js').then(
      ({ ReviewDataController }) => {
        this.#data = new ReviewDataController(this, { autoRetry: true });
        if (this.#preloaded) this.#data.preloaded = this.#preloaded;
        this.requestUpdate();
      },
      () => {
        this.#dataRequested = false;
      },
    );
  }

  /** Whether the content is (still) hidden for want of knowing the review's warnings. */
  get #pending(): boolean {
    return this.fromReview && this.#review.status !== 'ready';
  }

  /** Shows the content and moves focus to it, as the reveal button does (fires the cancelable event). */
  reveal(): boolean {
    const revealed = this.#reveal(false);
    if (revealed) this.#focusContent = true;
    return revealed;
  }

  /** Hides the content again. */
  hide(): void {
    if (!this.revealed) return;
    this.revealed = false;
    this.#focusReveal = true;
    this.dispatchEvent(new ContentWarningHideEvent({ topics: this.#ids, remembered: false }));
  }

  #reveal(remembered: boolean): boolean {
    if (this.revealed) return true;
    const event = new ContentWarningRevealEvent({ topics: this.#ids, remembered });
    if (!this.dispatchEvent(event)) return false;
    this.revealed = true;
    return true;
  }

  #onReveal = () => {
    this.acted = true;
    if (this.#reveal(false)) {
      this.#focusContent = true;
      this.choice = 'show';
      this.#shownByMemory = false;
      rememberShow(this.#ids, this.remember);
    }
  };

  #onAlwaysHide = () => {
    this.acted = true;
    this.choice = 'hide';
    setSetting(this.#ids, 'hide');
  };

  #onForget = () => {
    this.choice = undefined;
    this.acted = true;
    forgetShow(this.#ids);
  };

  /** Takes over a fallback `<details>` (see the default slot); a reader who opened it chose to see. */
  #adoptFallback = () => {
    const details = fallbackDisclosure(this);
    if (details && adoptDisclosure(details) && !this.revealed) {
      this.acted = true;
      this.#reveal(false);
    }
  };

  /**
   * A shadow root rendered on the server (@lit-labs/ssr) shows the review's warnings: hydrating it
   * with the loading state first would not match. So the first update waits for the controller,
   * which reads the same review from the `<script type="application/json">` child or the source.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && !isServer && this.shadowRoot?.firstChild) await this.#requestData();
    super.scheduleUpdate();
  }

  protected override willUpdate(): void {
    void this.#requestData();
    // A server render has no light DOM: the fallback is adopted once the element runs in a browser.
    if (!isServer) this.#adoptFallback();
    // Apply the reader's settings once per set of topics and per change of settings, unless the
    // reader already acted here; content they did not reveal themselves follows a new "hide".
    if (this.acted || this.#pending) return;
    const ids = this.#ids;
    const key = ids.join(' ');
    if (key === this.#appliedFor) return;
    this.#appliedFor = key;
    this.choice = decide(ids);
    if (this.choice === 'show') this.#shownByMemory = this.#reveal(true);
    else if (this.#shownByMemory && this.revealed) {
      this.#shownByMemory = false;
      this.revealed = false;
      this.dispatchEvent(new ContentWarningHideEvent({ topics: ids, remembered: true }));
    }
  }

  /** Whether there is anything to warn about (topics, a review still loading, or no promise). */
  get #warns(): boolean {
    return this.topicList.length > 0 || this.#pending || this.#notWarned;
  }

  protected override render() {
    const topics = this.topicList;
    const warn = this.#warns;
    const concealed = warn && !this.revealed;
    return html`<div part="base" class=${concealed ? 'concealed' : 'open'}>
      ${concealed ? this.#notice(topics) : nothing}
      <div
        id="content"
        part="content"
        tabindex=${warn ? '-1' : nothing}
        ?inert=${concealed}
        ?hidden=${concealed && this.mode !== 'blur'}
        aria-hidden=${concealed ? 'true' : nothing}
      >
        <slot @slotchange=${this.#adoptFallback}></slot>
      </div>
      ${
        warn && this.revealed
          ? controlsTemplate(this.localize.t.warning, {
              remembered: this.remember !== 'none' && this.choice === 'show',
              acted: this.acted,
              onHide: () => this.hide(),
              onForget: this.#onForget,
              settingsLink: this.#settingsLink(),
            })
          : nothing
      }
    </div>`;
  }

  #notice(topics: Topic[]) {
    return noticeTemplate({
      topics,
      locale: this.localize.locale,
      w: this.localize.t.warning,
      notWarned: this.#notWarned,
      noteLang: langTag(this.#review.value?.lang),
      note: this.note,
      kept: this.choice === 'hide',
      rememberable: this.remember !== 'none' && topics.length > 0 && this.choice !== 'hide',
      onReveal: this.#onReveal,
      onAlwaysHide: this.#onAlwaysHide,
      settingsLink: this.#settingsLink(),
    });
  }

  #settingsLink() {
    const w = this.localize.t.warning;
    const open = () => {
      openSettingsDialog(this.renderRoot as ShadowRoot, w, this.#ids).catch(() => undefined);
    };
    return settingsLinkTemplate(settingsHref(this, this.settings), w, open);
  }

  protected override updated(): void {
    this.setStates({ revealed: this.#warns && this.revealed, concealed: this.#warns && !this.revealed });
    if (this.#focusContent && this.revealed) {
      this.#focusContent = false;
      this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
    }
    if (this.#focusReveal && !this.revealed) {
      this.#focusReveal = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="reveal-button"]')?.focus();
    }
  }
}
