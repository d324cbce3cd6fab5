import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  COMMENT_REVIEW_IDS,
  LISTED_REVIEWS,
  allCommentHandlers,
  commentsApi,
  countsSession,
  manyCountsHandler,
} from './support/comments-api.js';
import { renderCard, renderCount, renderCountList, type CommentCountArgs } from './support/render.js';

const meta = {
  title: 'Elements/comment-count',
  component: 'comment-count',
  render: renderCount,
  args: { api: commentsApi.api, review: 'ballerina' },
  argTypes: {
    api: {
      control: 'text',
      description: 'Base URL of the review API (here the reference server’s routes over an in-memory store).',
    },
    review: { control: 'select', options: [...COMMENT_REVIEW_IDS, 'does-not-exist'] },
    href: { control: 'text', description: 'Makes the count a link, e.g. `#comments`.' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    '--comment-count-link-color': {
      control: 'text',
      table: { category: 'css custom properties' },
      description: 'Colour of the link (with `href`); defaults to the accent colour.',
    },
  },
  parameters: {
    // Every scenario's handlers for the docs page (all stories at once); each story also carries
    // the ones it needs under `story`, as the addon resets handlers per story.
    msw: { handlers: { all: allCommentHandlers } },
  },
  // The counts come from the same in-memory API as the thread stories: forget what was posted there.
  beforeEach: () => commentsApi.reset(),
} satisfies Meta<CommentCountArgs>;

export default meta;
type Story = StoryObj<CommentCountArgs>;

const working = { msw: { handlers: { story: commentsApi.handlers } } };

/** Ballerina's 12 comments (the conversation in the comment-thread stories). */
export const Default: Story = { parameters: working };

/** Past Lives has none: "No comments yet". */
export const Zero: Story = { args: { review: 'past-lives' }, parameters: working };

/** The Glory has one: the singular, "1 comment". */
export const One: Story = { args: { review: 'the-glory' }, parameters: working };

/** `href="#comments"`: the count is a link, e.g. to the thread further down the page. */
export const AsLink: Story = { args: { href: '#comments' }, parameters: working };

/**
 * A listing page with 30 reviews, each with its own `<comment-count>` for the same API. They
 * share **one** request: every count asked for in the same task goes into one
 * `GET {api}/comment-counts?ids=…` (up to 100 ids a request). The line under the list shows how
 * many requests the mocked API answered for this render.
 *
 * Counts are cached page-wide per API, so each render of this story uses a fresh API URL, and
 * the request is made (and counted) again.
 */
export const ManyOnOnePage: Story = {
  args: { api: undefined, review: undefined },
  render: (args) => {
    const session = countsSession();
    return html`${renderCountList({ ...args, api: session.api }, LISTED_REVIEWS)}
      <p>Requests to <code>comment-counts</code> for these 30 counts: ${session.output}</p>`;
  },
  parameters: { msw: { handlers: { story: [manyCountsHandler] } } },
};

/**
 * The count takes the API and the review from a surrounding `<review-source api=… review=…>`,
 * beside a compact `<review-card>` for the same review: one request for the review, one for the count.
 */
export const InsideReviewSource: Story = {
  args: { api: undefined, review: undefined, href: '#comments' },
  render: (args) => html`<review-source api=${commentsApi.api} review="ballerina">
    ${renderCard({ layout: 'compact' })}
    <p>${renderCount(args)}</p>
  </review-source>`,
  parameters: working,
};

export const English: Story = { globals: { locale: 'en' }, parameters: working };

/** "12 条评论"; zero is "还没有评论". */
export const ChineseSimplified: Story = {
  name: 'Chinese (zh-Hans)',
  globals: { locale: 'zh-Hans' },
  parameters: working,
};

/** "댓글 12개"; zero is "아직 댓글 없음". */
export const Korean: Story = { name: 'Korean (ko)', globals: { locale: 'ko' }, parameters: working };
