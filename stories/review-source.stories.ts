import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  API,
  ERROR_API,
  LOADING_API,
  allHandlers,
  errorHandler,
  loadingHandler,
  reviewsHandler,
} from './support/review-api.js';

interface SourceArgs {
  api?: string;
  review?: string;
  src?: string;
  lang?: string;
}

/**
 * `<review-source>` renders nothing of its own: it loads one review and every element inside shows
 * it. These stories show what it hands down in each state, through a card and a cast list.
 */
const meta = {
  title: 'Elements/review-source',
  component: 'review-source',
  args: { api: API, review: 'ballerina' },
  argTypes: {
    api: { control: 'select', options: [API, LOADING_API, ERROR_API] },
    review: { control: 'text' },
    src: { control: 'text', description: 'A static document instead, e.g. `data/the-glory.json`.' },
    lang: { control: 'inline-radio', options: ['en', 'zh-Hans', 'ko'] },
  },
  render: (
    args: SourceArgs,
  ) => html`<review-source api=${args.src ? '' : (args.api ?? '')} review=${args.src ? '' : (args.review ?? '')} src=${args.src ?? ''} lang=${args.lang ?? ''}>
    <review-card></review-card>
    <cast-list style="margin-block-start: 1rem"></cast-list>
  </review-source>`,
  parameters: { msw: { handlers: { all: allHandlers } } },
} satisfies Meta<SourceArgs>;

export default meta;
type Story = StoryObj<SourceArgs>;

/** One load feeds both elements. */
export const Loaded: Story = { parameters: { msw: { handlers: { story: [reviewsHandler] } } } };

/** While the review loads, every element shows its skeleton. */
export const Loading: Story = {
  args: { api: LOADING_API },
  parameters: { msw: { handlers: { story: [loadingHandler] } } },
};

/** A failed load reaches every element; Retry in any of them reloads the source. */
export const Error: Story = { args: { api: ERROR_API }, parameters: { msw: { handlers: { story: [errorHandler] } } } };

/** A static document, as a blog without an API would host it. */
export const StaticDocument: Story = { args: { api: undefined, review: undefined, src: 'data/the-glory.json' } };

/** `lang` on the source sets the language of everything inside it. */
export const LanguageOnTheSource: Story = {
  args: { lang: 'ko' },
  parameters: { msw: { handlers: { story: [reviewsHandler] } } },
};
