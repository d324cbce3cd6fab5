import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  API,
  ERROR_API,
  FLAKY_API,
  LOADING_API,
  REVIEW_IDS,
  allHandlers,
  errorHandler,
  flakyHandler,
  loadingHandler,
  resetFlakyApi,
  reviewsHandler,
} from './support/review-api.js';
import { DATA_URL } from './support/review-documents.js';
import { renderCard, type ReviewCardArgs } from './support/render.js';

const render = (args: ReviewCardArgs) =>
  args.width
    ? html`<div class="story-frame" style=${styleMap({ inlineSize: args.width })}>${renderCard(args)}</div>`
    : renderCard(args);

const meta = {
  title: 'Elements/review-card',
  component: 'review-card',
  render,
  args: {
    api: API,
    review: 'ballerina',
    layout: 'full',
    'heading-level': 2,
    'no-structured-data': false,
  },
  argTypes: {
    src: { control: 'text', description: 'URL of a static review document, e.g. `data/past-lives.json`.' },
    api: {
      control: 'select',
      options: [API, LOADING_API, ERROR_API, FLAKY_API],
      description:
        'Base URL of the review API. The stories mock four: working, never answering, failing, failing once.',
    },
    review: { control: 'select', options: [...REVIEW_IDS, 'does-not-exist'] },
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    'no-structured-data': { control: 'boolean' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    actions: {
      control: 'text',
      table: { category: 'slots' },
      description: 'Story only: a button in the `actions` slot.',
    },
    width: {
      control: 'text',
      table: { category: 'story' },
      description: 'Story only: width of the box around the card.',
    },
  },
  parameters: {
    // Every scenario's handler: the docs page renders all stories at once, and the addon resets
    // handlers per story, so each story also carries the ones it needs (below) under `story`.
    msw: { handlers: { all: allHandlers } },
  },
} satisfies Meta<ReviewCardArgs>;

export default meta;
type Story = StoryObj<ReviewCardArgs>;

const working = { msw: { handlers: { story: [reviewsHandler] } } };

/** The full card: poster, original title, facts, our score and Rotten Tomatoes', verdict, summary, credits. */
export const Loaded: Story = { parameters: working };

/** For listings: no summary, credits, age rating or other sites' ratings; a smaller poster. */
export const Compact: Story = { args: { layout: 'compact' }, parameters: working };

/** Waiting for an API that never answers: a skeleton the size of a loaded card. */
export const Loading: Story = {
  args: { api: LOADING_API },
  parameters: { msw: { handlers: { story: [loadingHandler] } } },
};

/** A 500 `application/problem+json`: the message in words and a Retry button (which fails again). */
export const Error: Story = {
  args: { api: ERROR_API },
  parameters: { msw: { handlers: { story: [errorHandler] } } },
};

/** The first request fails (503); press "Try again" and the retry succeeds after a short wait. */
export const ErrorThenRecovers: Story = {
  args: { api: FLAKY_API },
  parameters: { msw: { handlers: { story: [flakyHandler] } } },
  beforeEach: () => resetFlakyApi(),
};

/** A 404 `application/problem+json` (`code: not-found`) for an unknown id. */
export const NotFound: Story = { args: { review: 'does-not-exist' }, parameters: working };

/** The response is JSON but not a review (`work.title` is missing): `invalid-response`. */
export const InvalidResponse: Story = { args: { review: 'invalid' }, parameters: working };

/** Only the required fields (`demo/data/minimal.json`), loaded as a static file with `src`. */
export const Minimal: Story = { args: { api: undefined, review: undefined, src: `${DATA_URL}minimal.json` } };

/** A 200-character title, a long original title, long credit names, genres and verdict. */
export const VeryLongTitle: Story = { args: { review: 'long-title' }, parameters: working };

/** No poster in the document: the poster frame shows a placeholder. */
export const NoPoster: Story = { args: { review: 'no-poster' }, parameters: working };

/** `theme="dark"` on the card, on a dark page. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' }, parameters: working };

/** Inside `dir="rtl"`: the poster moves to the right and text aligns to the start edge. */
export const RTL: Story = { globals: { direction: 'rtl' }, parameters: working };

export const English: Story = { globals: { locale: 'en' }, parameters: working };

/** Labels, dates, runtime and country names in Simplified Chinese (`lang="zh-Hans"`). */
export const ChineseSimplified: Story = {
  name: 'Chinese (zh-Hans)',
  globals: { locale: 'zh-Hans' },
  parameters: working,
};

/** Labels, dates, runtime and country names in Korean (`lang="ko"`). */
export const Korean: Story = { name: 'Korean (ko)', globals: { locale: 'ko' }, parameters: working };

/** Genres as a Chinese list ("动作和惊悚", not "动作惊悚"), roles and dates in Traditional Chinese. */
export const ChineseTraditional: Story = {
  name: 'Chinese (zh-Hant)',
  globals: { locale: 'zh-Hant' },
  parameters: working,
};

/** Arabic at 360 px, right to left: every fact and credit whole, their "·" only between items. */
export const ArabicNarrow: Story = {
  name: 'Arabic (ar), 360px',
  args: { width: '360px' },
  globals: { locale: 'ar' },
  parameters: working,
};

/** A review whose author chose not to warn: the card says so; roles beyond the vocabulary show as words. */
export const NotWarned: Story = { args: { review: 'not-warned' }, parameters: working };

/**
 * The card takes its review from a surrounding `<review-source src=…>` (here the demo's static
 * `the-glory.json`), as on a page that shows several elements for one review.
 */
export const InsideReviewSource: Story = {
  args: { api: undefined, review: undefined },
  render: (args) => html`<review-source src=${`${DATA_URL}the-glory.json`}>${renderCard(args)}</review-source>`,
};

/** In a 320px column, as in a phone's sidebar. */
export const Narrow: Story = { args: { width: '320px' }, parameters: working };
