import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { action } from 'storybook/actions';
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
import { renderCastList, type CastListArgs } from './support/render.js';

const render = (args: CastListArgs) =>
  args.width
    ? html`<div class="story-frame" style=${styleMap({ inlineSize: args.width })}>${renderCastList(args)}</div>`
    : renderCastList(args);

const meta = {
  title: 'Elements/cast-list',
  component: 'cast-list',
  render,
  args: {
    api: API,
    review: 'ballerina',
    layout: 'grid',
    limit: 0,
    selectable: false,
  },
  argTypes: {
    src: { control: 'text', description: 'URL of a static review document, e.g. `data/the-glory.json`.' },
    api: {
      control: 'select',
      options: [API, LOADING_API, ERROR_API, FLAKY_API],
      description:
        'Base URL of the review API. The stories mock four: working, never answering, failing, failing once.',
    },
    review: { control: 'select', options: [...REVIEW_IDS, 'does-not-exist'] },
    limit: { control: { type: 'number', min: 0, step: 1 } },
    layout: { control: 'inline-radio', options: ['grid', 'row'] },
    selectable: { control: 'boolean' },
    label: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: {
      control: 'text',
      table: { category: 'story' },
      description: 'Story only: width of the box around the list.',
    },
  },
  parameters: {
    // Every scenario's handler for the docs page (all stories at once); each story also carries
    // the ones it needs under `story`, as the addon resets handlers per story.
    msw: { handlers: { all: allHandlers } },
  },
} satisfies Meta<CastListArgs>;

export default meta;
type Story = StoryObj<CastListArgs>;

const working = { msw: { handlers: { story: [reviewsHandler] } } };

/** Ballerina's three leads as a grid: photo, actor and character. */
export const Grid: Story = { parameters: working };

/** `layout="row"`: one row that scrolls sideways (a focusable, labelled region), 40 entries. */
export const Row: Story = { args: { layout: 'row', review: 'forty-members' }, parameters: working };

/** `limit="6"` of 40: the first six, then "Show all 40" (which becomes "Show fewer"). */
export const Limited: Story = { args: { limit: 6, review: 'forty-members' }, parameters: working };

/**
 * 40 invented cast members from the mocked API: every fourth has a photo, the next a photo that
 * 404s (it falls back to initials), the others none; names in Latin, Hangul, Han and Arabic
 * script, one very long name and one very long word. Initials keep one colour per name.
 */
export const FortyMembers: Story = { args: { review: 'forty-members' }, parameters: working };

/** The Glory's cast has no photos: initials on a colour of each actor's own. */
export const NoPhotos: Story = { args: { review: 'the-glory' }, parameters: working };

/** Long actor and character names, in several scripts, wrap inside their entries. */
export const LongNames: Story = { args: { review: 'long-names' }, parameters: working };

/**
 * `selectable`: names without a link become buttons that fire `cast-select` (see the Actions
 * panel; the event is cancelable and carries `detail.member`).
 */
export const Selectable: Story = {
  args: { selectable: true, onCastSelect: action('cast-select') },
  parameters: working,
};

/** Waiting for an API that never answers: a skeleton of photo, name and character bones. */
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

/** The review lists no cast (`cast: []`): a short message instead of an empty list. */
export const Empty: Story = { args: { review: 'empty-cast' }, parameters: working };

/**
 * The list takes its review from a surrounding `<review-source src=…>` (the demo's static
 * `ballerina.json`, whose photo URLs are relative to the document).
 */
export const InsideReviewSource: Story = {
  args: { api: undefined, review: undefined },
  render: (args) => html`<review-source src=${`${DATA_URL}ballerina.json`}>${renderCastList(args)}</review-source>`,
};

/** `theme="dark"` on the list, on a dark page. */
export const Dark: Story = {
  args: { theme: 'dark', review: 'the-glory' },
  globals: { theme: 'dark' },
  parameters: working,
};

/** Inside `dir="rtl"`: entries run from the right, and the row scrolls from the right. */
export const RTL: Story = {
  args: { limit: 6, review: 'forty-members' },
  globals: { direction: 'rtl' },
  parameters: working,
};

const localized: Story = { args: { limit: 6, review: 'forty-members' }, parameters: working };

export const English: Story = { ...localized, globals: { locale: 'en' } };

/** The list's name, "Show all 40" and each entry's spoken name in Simplified Chinese. */
export const ChineseSimplified: Story = { ...localized, name: 'Chinese (zh-Hans)', globals: { locale: 'zh-Hans' } };

/** The list's name, "Show all 40" and each entry's spoken name in Korean. */
export const Korean: Story = { ...localized, name: 'Korean (ko)', globals: { locale: 'ko' } };

/** In a 320px column, as in a phone's sidebar: two entries a row. */
export const Narrow: Story = { args: { width: '320px', limit: 6, review: 'forty-members' }, parameters: working };
