/**
 * Render functions for the stories, kept apart from the stories files so browser tests can build
 * their fixtures from the same markup (`import { renderCard } from '../stories/support/render.js'`).
 * Args are the elements' attributes, kebab-case, as an author writes them.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';

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

