import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { action } from 'storybook/actions';
import { expect, waitFor } from 'storybook/test';
import {
  COMMENT_REVIEW_IDS,
  allCommentHandlers,
  commentsApi,
  errorCommentsApi,
  flakyCommentsApi,
  loadingCommentsApi,
  moderatedCommentsApi,
  postFailsCommentsApi,
  type CommentsApi,
} from './support/comments-api.js';
import { forgetCommentStorage, renderCount, renderThread, type CommentThreadArgs } from './support/render.js';

const render = (args: CommentThreadArgs) =>
  args.width
    ? html`<div class="story-frame" style=${styleMap({ inlineSize: args.width })}>${renderThread(args)}</div>`
    : renderThread(args);

const scenarios = [
  commentsApi,
  loadingCommentsApi,
  errorCommentsApi,
  flakyCommentsApi,
  moderatedCommentsApi,
  postFailsCommentsApi,
];

const meta = {
  title: 'Elements/comment-thread',
  component: 'comment-thread',
  render,
  args: {
    api: commentsApi.api,
    review: 'ballerina',
    sort: 'oldest',
    'page-size': 20,
    'max-depth': 3,
    'heading-level': 2,
    live: false,
    onCommentPost: action('comment-post'),
    onCommentPosted: action('comment-posted'),
    onCommentError: action('comment-error'),
  },
  argTypes: {
    api: {
      control: 'select',
      options: scenarios.map((s) => s.api),
      description:
        'Base URL of the review API. The stories mock six: working, never answering, failing, failing once, moderating every post, refusing every post.',
    },
    review: { control: 'select', options: [...COMMENT_REVIEW_IDS, 'does-not-exist'] },
    sort: { control: 'inline-radio', options: ['oldest', 'newest', 'top'] },
    'page-size': { control: { type: 'number', min: 1, max: 100, step: 1 } },
    'max-depth': { control: { type: 'number', min: 1, max: 8, step: 1 } },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: {
      control: 'text',
      table: { category: 'story' },
      description: 'Story only: width of the box around the thread.',
    },
    // The events have their own rows (from custom-elements.json); these only feed the Actions panel.
    onCommentPost: { table: { disable: true } },
    onCommentPosted: { table: { disable: true } },
    onCommentError: { table: { disable: true } },
  },
  parameters: {
    // Every scenario's handlers for the docs page (all stories at once); each story also carries
    // the ones it needs under `story`, as the addon resets handlers per story.
    msw: { handlers: { all: allCommentHandlers } },
  },
  /**
   * Each story starts as a first visit: no drafts, unsent posts, remembered name or edit tokens in
   * localStorage, and the stories' API (the real routes, in memory) forgets what was posted, edited or deleted.
   */
  beforeEach: () => {
    forgetCommentStorage();
    for (const scenario of scenarios) scenario.reset();
    return forgetCommentStorage;
  },
} satisfies Meta<CommentThreadArgs>;

export default meta;
type Story = StoryObj<CommentThreadArgs>;

const using = (scenario: CommentsApi) => ({ msw: { handlers: { story: scenario.handlers } } });
const working = using(commentsApi);

/** The thread's shadow root, once it has rendered, from a story's canvas. (`Error` is a story in this module.) */
function threadRoot(canvasElement: HTMLElement): ShadowRoot {
  const root = canvasElement.querySelector('comment-thread')?.shadowRoot;
  if (!root) throw new globalThis.Error('No <comment-thread> in the story');
  return root;
}

/** Fills in and sends the thread's comment form, as a reader would, from the keyboard. */
async function postThroughForm(
  canvasElement: HTMLElement,
  user: { type(element: Element, text: string): Promise<void>; click(element: Element): Promise<void> },
  name: string,
  body: string,
) {
  const form = await waitFor(
    () => {
      const shadow = threadRoot(canvasElement).querySelector('review-comment-form')?.shadowRoot;
      if (!shadow?.querySelector('textarea')) throw new globalThis.Error('The comment form is not there yet');
      return shadow;
    },
    { timeout: 5000 },
  );
  await user.type(form.querySelector<HTMLInputElement>('#name')!, name);
  await user.type(form.querySelector<HTMLTextAreaElement>('#body')!, body);
  await user.click(form.querySelector<HTMLButtonElement>('button[type="submit"]')!);
}

/**
 * A conversation under the Ballerina review: 12 comments, replies two deep, a comment marked as a
 * spoiler, an inline `||spoiler||`, one comment in Korean, and the markdown subset — **bold**,
 * *italic*, `code`, a `> quote`, a bare link and a labelled one. Post a comment or a reply: the
 * stories' API keeps it (and lets its author edit or delete it for 15 minutes) until the story
 * renders again.
 */
export const Default: Story = { parameters: working };

/** Waiting for an API that never answers: three skeleton comments, and no form yet. */
export const Loading: Story = { args: { api: loadingCommentsApi.api }, parameters: using(loadingCommentsApi) };

/**
 * The review loads, but the comments answer 500 `application/problem+json`: the message in words
 * and a Retry button (which fails again). The form still shows, since the review is open.
 */
export const Error: Story = { args: { api: errorCommentsApi.api }, parameters: using(errorCommentsApi) };

/** The first request for comments fails (503); press "Try again" and the retry succeeds after a short wait. */
export const ErrorThenRecovers: Story = { args: { api: flakyCommentsApi.api }, parameters: using(flakyCommentsApi) };

/** Past Lives has no comments yet: "No comments yet — be the first." above the form. */
export const Empty: Story = { args: { review: 'past-lives' }, parameters: working };

/** The review says `comments: { open: false }`: its comments still show, without Reply buttons or a form. */
export const CommentsClosed: Story = { args: { review: 'closed' }, parameters: working };

/**
 * 200 generated comments (160 top-level, 40 replies) with `page-size="20"`: the first 20, then
 * "Load more comments" (focus moves to the first new one). The third comment has eight replies:
 * five show, then "Show 3 more replies". Try sorting by "Most replies".
 */
export const TwoHundredComments: Story = { args: { review: 'two-hundred', 'page-size': 20 }, parameters: working };

/**
 * A reply chain seven deep with `max-depth="3"`: three levels nest, and everything deeper is
 * listed flat under the third level, each saying "replying to NAME".
 */
export const DeepNesting: Story = { args: { review: 'deep-nesting', 'max-depth': 3 }, parameters: working };

/**
 * Comments marked as spoilers stay closed until "Show"; inline `||spoilers||` are buttons until
 * pressed (links inside stay text until then). A spoiler reply, a spoiler inside a spoiler
 * comment, and `||` that is never closed (shown as typed).
 */
export const Spoilers: Story = { args: { review: 'spoilers' }, parameters: working };

/**
 * The reader's own comment: the story posts one through the form. It shows "(you)", Edit and
 * Delete, and how long they last: "You can edit or delete this for 15 more minutes", counted down
 * by one timer for the whole page that wakes once a minute while an own comment is editable, and
 * not at all otherwise. It is plain text, read when the reader gets there, never announced.
 */
export const OwnComment: Story = {
  parameters: working,
  play: async ({ canvasElement, userEvent }) => {
    await postThroughForm(canvasElement, userEvent, 'Sam', 'I went in knowing nothing, and was glad of it.');
    await waitFor(() => expect(threadRoot(canvasElement).querySelector('[part~="edit-window"]')).toBeTruthy(), {
      timeout: 5000,
    });
  },
};

/**
 * A pre-moderated site: the API answers 201 with `status: "pending"`. The story posts a comment
 * through the form; it stays in the thread, marked "Awaiting approval" and saying it waits for
 * moderation (no Reply, Edit or Delete). It stays so for its author across reloads (kept in this
 * browser until the server says it was approved, rejected or deleted); nobody else sees it.
 */
export const PendingModeration: Story = {
  args: { api: moderatedCommentsApi.api },
  parameters: using(moderatedCommentsApi),
  play: async ({ canvasElement, userEvent }) => {
    await postThroughForm(
      canvasElement,
      userEvent,
      'Sam',
      'The second half drags a little, but the ending makes up for it.',
    );
    await waitFor(() => expect(threadRoot(canvasElement).querySelector('[part~="awaiting-approval"]')).toBeTruthy(), {
      timeout: 5000,
    });
  },
};

/**
 * The API refuses every post with 503. The story posts a comment through the form: it stays in
 * the thread with its words, "Not posted." and the reason, and Retry (which sends it again with
 * the same Idempotency-Key, and fails again here). The words are kept in localStorage meanwhile.
 */
export const PostFails: Story = {
  args: { api: postFailsCommentsApi.api },
  parameters: using(postFailsCommentsApi),
  play: async ({ canvasElement, userEvent }) => {
    await postThroughForm(canvasElement, userEvent, 'Sam', 'This comment will not reach the server.');
    await waitFor(() => expect(threadRoot(canvasElement).querySelector('[part~="retry-post"]')).toBeTruthy(), {
      timeout: 5000,
    });
    await expect(threadRoot(canvasElement).textContent).toContain('Not posted.');
  },
};

/**
 * A single 10 000-character word (the longest comment the API takes) breaks inside its box; then
 * long paragraphs, a long URL, a 76-character name and long Chinese text without spaces.
 */
/**
 * `live`: the thread follows its event stream (the stories' API announces changes as the server
 * does). Two other readers post while it is open: nothing moves; a polite "2 new comments" button
 * appears above the list (newest first), and pressing it shows them there, with focus on the first.
 */
export const Live: Story = {
  args: { live: true, sort: 'newest' },
  parameters: working,
  play: async ({ canvasElement }) => {
    const thread = canvasElement.querySelector('comment-thread')!;
    await waitFor(() => expect(thread.matches(':state(live)')).toBe(true), { timeout: 15000 });
    for (const [name, body] of [
      ['Noor', 'Just watched it: the last twenty minutes are something else.'],
      ['Kai', 'Agreed about the score, it carries the quiet scenes.'],
    ]) {
      await fetch(`${commentsApi.api}/reviews/ballerina/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ author: { name }, body }),
      });
    }
    await waitFor(
      () =>
        expect(threadRoot(canvasElement).querySelector('[part~="new-comments"]')?.textContent?.trim()).toBe(
          '2 new comments',
        ),
      { timeout: 15000 },
    );
  },
};

export const LongText: Story = { args: { review: 'long-text' }, parameters: working };

/**
 * Comments and names made of `<script>`, `<img onerror>`, `<svg onload>`, `javascript:` and `data:`
 * links, `<style>`, `<iframe>`, a right-to-left override (U+202E) and stacked combining marks: all
 * shown as the literal text, with no element made and nothing run or loaded. The only link is the
 * bare `https://example.com` inside the `<iframe>` text, which is autolinked like any http(s) URL.
 */
export const HostileText: Story = { args: { review: 'hostile' }, parameters: working };

/** `theme="dark"` on the thread, on a dark page. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' }, parameters: working };

/** Inside `dir="rtl"`: avatars, indents and the sort control move to the other side; each comment keeps its own direction. */
export const RTL: Story = { globals: { direction: 'rtl' }, parameters: working };

export const English: Story = { globals: { locale: 'en' }, parameters: working };

/** The thread's labels, sort options, relative times and the form in Simplified Chinese (the comments stay as written). */
export const ChineseSimplified: Story = {
  name: 'Chinese (zh-Hans)',
  globals: { locale: 'zh-Hans' },
  parameters: working,
};

/** The thread's labels, sort options, relative times and the form in Korean (the comments stay as written). */
export const Korean: Story = { name: 'Korean (ko)', globals: { locale: 'ko' }, parameters: working };

/** In a 320px column, as in a phone's sidebar: text wraps beside the avatars and the form's fields stack. */
export const Narrow: Story = { args: { width: '320px' }, parameters: working };

/**
 * The thread takes the API and the review from a surrounding `<review-source api=… review=…>`,
 * beside a `<comment-count href="#comments">` for the same review. Post a comment: the count
 * updates, as every count on the page does when a thread posts or deletes.
 */
export const InsideReviewSource: Story = {
  args: { api: undefined, review: undefined },
  render: (args) => html`<review-source api=${commentsApi.api} review="ballerina">
    <p style="margin-block: 0 1rem">${renderCount({ href: '#comments' })}</p>
    <div id="comments">${render(args)}</div>
  </review-source>`,
  parameters: working,
};
