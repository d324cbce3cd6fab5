/**
 * Render functions for the stories, kept apart from the stories files so browser tests can build
 * their fixtures from the same markup (`import { renderCard } from '../stories/support/render.js'`).
 * Args are the elements' attributes, kebab-case, as an author writes them.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import type {
  CastSelectEvent,
  CommentErrorEvent,
  CommentPostEvent,
  CommentPostedEvent,
  ContentWarningRevealEvent,
  ContentWarningHideEvent,
} from '../../src/index.js';

/** The `--*` args of a story (CSS custom properties from custom-elements.json), as a style map. */
export function cssCustomProperties(args: object): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--') && typeof value === 'string' && value.trim()) style[name] = value;
  }
  return style;
}

/** The card's attributes as story args (kebab-case, as an author writes them), plus the slot and events. */
export interface ReviewCardArgs {
  src?: string;
  api?: string;
  review?: string;
  layout?: 'full' | 'compact';
  'heading-level'?: number;
  'no-structured-data'?: boolean;
  theme?: 'light' | 'dark';
  /** Text of a button in the `actions` slot; empty for none. */
  actions?: string;
  /** Width of the box around the card, to try narrow columns; empty for the full width. */
  width?: string;
  onReviewLoad?: (event: Event) => void;
  onReviewError?: (event: Event) => void;
  [cssProperty: `--${string}`]: string | undefined;
}

/** Renders one card from args; also used for cards inside other markup (see InsideReviewSource). */
export const renderCard = (args: ReviewCardArgs) => html`<review-card
  src=${ifDefined(args.src || undefined)}
  api=${ifDefined(args.api || undefined)}
  review=${ifDefined(args.review || undefined)}
  layout=${args.layout ?? 'full'}
  heading-level=${args['heading-level'] ?? 2}
  ?no-structured-data=${Boolean(args['no-structured-data'])}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
  @review-load=${args.onReviewLoad}
  @review-error=${args.onReviewError}
  >${args.actions ? html`<button slot="actions" type="button">${args.actions}</button>` : nothing}</review-card
>`;

/** The rating's attributes as story args. */
export interface ReviewRatingArgs {
  value?: number;
  best?: number;
  display?: 'stars' | 'number';
  label?: string;
  theme?: 'light' | 'dark';
  [cssProperty: `--${string}`]: string | undefined;
}

export const renderRating = (args: ReviewRatingArgs) => html`<review-rating
  value=${ifDefined(args.value)}
  best=${ifDefined(args.best)}
  display=${args.display ?? 'stars'}
  label=${ifDefined(args.label || undefined)}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
></review-rating>`;

/** The cast list's attributes as story args, plus its events. */
export interface CastListArgs {
  src?: string;
  api?: string;
  review?: string;
  limit?: number;
  layout?: 'grid' | 'row';
  selectable?: boolean;
  label?: string;
  theme?: 'light' | 'dark';
  /** Width of the box around the list, to try narrow columns; empty for the full width. */
  width?: string;
  onCastSelect?: (event: CastSelectEvent) => void;
  onReviewLoad?: (event: Event) => void;
  onReviewError?: (event: Event) => void;
  [cssProperty: `--${string}`]: string | undefined;
}

export const renderCastList = (args: CastListArgs) => html`<cast-list
  src=${ifDefined(args.src || undefined)}
  api=${ifDefined(args.api || undefined)}
  review=${ifDefined(args.review || undefined)}
  limit=${ifDefined(args.limit || undefined)}
  layout=${args.layout ?? 'grid'}
  ?selectable=${Boolean(args.selectable)}
  label=${ifDefined(args.label || undefined)}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
  @cast-select=${args.onCastSelect}
  @review-load=${args.onReviewLoad}
  @review-error=${args.onReviewError}
></cast-list>`;

/** The content warning's attributes as story args, plus what it wraps, its `note` slot and events. */
export interface ContentWarningArgs {
  topics?: string;
  'from-review'?: boolean;
  src?: string;
  api?: string;
  review?: string;
  note?: string;
  mode?: 'collapse' | 'blur';
  remember?: 'none' | 'session' | 'always';
  theme?: 'light' | 'dark';
  /** What the warning wraps: a paragraph about Ballerina's plot, the same in a `<details>`, or its poster. */
  content?: 'plot' | 'fallback' | 'poster';
  /** Text of a paragraph in the `note` slot; empty for none. */
  noteSlot?: string;
  onContentWarningReveal?: (event: ContentWarningRevealEvent) => void;
  onContentWarningHide?: (event: ContentWarningHideEvent) => void;
  onReviewLoad?: (event: Event) => void;
  onReviewError?: (event: Event) => void;
  [cssProperty: `--${string}`]: string | undefined;
}

/**
 * What the stories' warnings wrap. The text is English whatever the toolbar's locale, so it says
 * so with its own `lang`. The poster is the demo's, at DATA_URL (not imported from
 * review-documents.ts, so tests can use these templates without the demo's JSON).
 */
export const warningContent: Record<'plot' | 'fallback' | 'poster', () => TemplateResult> = {
  plot: () => html`<p lang="en">
    Ok-ju comes to her friend Min-hee's flat for a birthday visit and finds her dead: Min-hee has taken
    her own life, and her last message asks Ok-ju to make someone pay. Ok-ju learns that a man who
    calls himself Choi Pro met Min-hee through a dating app, drugged and sexually assaulted her,
    filmed it, and used the recordings to blackmail her, as he has done to other young women whose
    videos he sells online.
  </p>`,
  /** The plot paragraph inside the native disclosure the embed builder writes (closed before the script runs). */
  fallback: () => html`<details>
    <summary>Content warning: suicide, sexual violence, image-based abuse. Show</summary>
    ${warningContent.plot()}
  </details>`,
  poster: () => html`<img
    lang="en"
    src="data/images/ballerina-poster.svg"
    width="240"
    height="360"
    alt="Abstract poster: a pale ribbon curling around a dancer's silhouette on a dark red background, with the word BALLERINA"
  />`,
};

export const renderContentWarning = (args: ContentWarningArgs) => html`<content-warning
  topics=${ifDefined(args.topics || undefined)}
  ?from-review=${Boolean(args['from-review'])}
  src=${ifDefined(args.src || undefined)}
  api=${ifDefined(args.api || undefined)}
  review=${ifDefined(args.review || undefined)}
  note=${ifDefined(args.note || undefined)}
  mode=${args.mode ?? 'collapse'}
  remember=${args.remember ?? 'none'}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
  @content-warning-reveal=${args.onContentWarningReveal}
  @content-warning-hide=${args.onContentWarningHide}
  @review-load=${args.onReviewLoad}
  @review-error=${args.onReviewError}
  >${args.noteSlot ? html`<p slot="note">${args.noteSlot}</p>` : nothing}${warningContent[args.content ?? 'plot']()}</content-warning
>`;

/** Where the reader's content-warning settings are kept (localStorage), this tab's shown topics (sessionStorage), and the old key. */
export const CONTENT_WARNING_KEYS = [
  'review-elements:content-warning-settings',
  'review-elements:content-warning-session',
  'review-elements:content-warning-choices',
];

/** Forgets every remembered content-warning choice, so a story or test starts as a first visit. */
export function forgetContentWarningChoices(): void {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      for (const key of CONTENT_WARNING_KEYS) globalThis[name]?.removeItem(key);
    } catch {
      // Storage blocked: nothing can have been remembered there either.
    }
  }
}

/**
 * A warning with a story-only "Render again" button that replaces it with a new element, as the
 * next page a reader opens would: the new one reads the remembered choice. (Storybook's own
 * re-render runs the story's `beforeEach`, which forgets the choice.)
 */
export function renderWithRenderAgain(
  args: ContentWarningArgs,
  template: (args: ContentWarningArgs) => TemplateResult = renderContentWarning,
) {
  const stage = document.createElement('div');
  let generation = 0;
  const draw = () => render(keyed(generation, template(args)), stage);
  draw();
  return html`${stage}
    <p>
      <button
        type="button"
        @click=${() => {
          generation += 1;
          draw();
        }}
      >
        Render again, as on the next page
      </button>
    </p>`;
}

/**
 * An age gate in front of a warning: the page cancels `content-warning-reveal` until the reader
 * confirms their age, then calls `reveal()` itself.
 */
export function renderAgeGate(args: ContentWarningArgs) {
  let confirmed = false;
  const storyOf = (node: EventTarget | null) => (node as Element).closest('.age-gate-story')!;
  const onReveal = (event: ContentWarningRevealEvent) => {
    args.onContentWarningReveal?.(event);
    if (confirmed) return;
    event.preventDefault();
    const gate = storyOf(event.currentTarget).querySelector<HTMLElement>('.age-gate')!;
    gate.hidden = false;
    gate.querySelector('button')?.focus();
  };
  const onConfirm = async (event: Event) => {
    confirmed = true;
    const story = storyOf(event.currentTarget);
    const warning = story.querySelector('content-warning')!;
    story.querySelector<HTMLElement>('.age-gate')!.hidden = true;
    if (!warning.reveal()) return;
    // reveal() does not move focus as the notice's own button does; the confirm button is gone,
    // so take focus to the content rather than lose it to the page.
    await warning.updateComplete;
    warning.shadowRoot?.querySelector<HTMLElement>('[part~="content"]')?.focus();
  };
  return html`<div class="age-gate-story">
    ${renderContentWarning({ ...args, onContentWarningReveal: onReveal })}
    <div class="age-gate" hidden style="margin-block-start: 0.75rem">
      <p>This content is for adults. Please confirm that you are 18 or older to see it.</p>
      <button type="button" @click=${onConfirm}>I am 18 or older</button>
    </div>
  </div>`;
}

/** The thread's attributes as story args, plus its events. */
export interface CommentThreadArgs {
  api?: string;
  review?: string;
  sort?: 'oldest' | 'newest' | 'top';
  'page-size'?: number;
  'max-depth'?: number;
  'heading-level'?: number;
  /** Follow the thread as it happens ("N new comments"). */
  live?: boolean;
  theme?: 'light' | 'dark';
  /** Width of the box around the thread, to try narrow columns; empty for the full width. */
  width?: string;
  onCommentPost?: (event: CommentPostEvent) => void;
  onCommentPosted?: (event: CommentPostedEvent) => void;
  onCommentError?: (event: CommentErrorEvent) => void;
  onReviewLoad?: (event: Event) => void;
  onReviewError?: (event: Event) => void;
  [cssProperty: `--${string}`]: string | undefined;
}

export const renderThread = (args: CommentThreadArgs) => html`<comment-thread
  api=${ifDefined(args.api || undefined)}
  review=${ifDefined(args.review || undefined)}
  sort=${args.sort ?? 'oldest'}
  page-size=${ifDefined(args['page-size'] || undefined)}
  max-depth=${ifDefined(args['max-depth'] || undefined)}
  heading-level=${args['heading-level'] ?? 2}
  ?live=${args.live ?? false}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
  @comment-post=${args.onCommentPost}
  @comment-posted=${args.onCommentPosted}
  @comment-error=${args.onCommentError}
  @review-load=${args.onReviewLoad}
  @review-error=${args.onReviewError}
></comment-thread>`;

/** The count's attributes as story args. */
export interface CommentCountArgs {
  api?: string;
  review?: string;
  href?: string;
  theme?: 'light' | 'dark';
  [cssProperty: `--${string}`]: string | undefined;
}

export const renderCount = (args: CommentCountArgs) => html`<comment-count
  api=${ifDefined(args.api || undefined)}
  review=${ifDefined(args.review || undefined)}
  href=${ifDefined(args.href || undefined)}
  theme=${ifDefined(args.theme || undefined)}
  style=${styleMap(cssCustomProperties(args))}
></comment-count>`;

/** A listing page: one line per review, each with its own `<comment-count>` for the same API. */
export const renderCountList = (args: CommentCountArgs, reviews: readonly { id: string; title: string }[]) => html`<ul
  class="review-list"
  style="columns: 16rem; padding-inline-start: 1.25rem; margin: 0"
>
  ${reviews.map((r) => html`<li>${r.title} · ${renderCount({ ...args, review: r.id })}</li>`)}
</ul>`;

/**
 * Where `<comment-thread>` keeps drafts, the outbox of unconfirmed posts, the reader's name and
 * the edit tokens of their own comments (all in localStorage, under this prefix).
 */
export const COMMENT_STORAGE_PREFIX = 'review-elements:comments:';

/** Forgets every draft, unsent post, name and edit token, so a story or test starts as a first visit. */
export function forgetCommentStorage(): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(COMMENT_STORAGE_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage blocked: nothing can have been kept there either.
  }
}
