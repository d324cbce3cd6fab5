import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { commentsApi } from './support/comments-api.js';
import { forgetContentWarningChoices, forgetCommentStorage } from './support/render.js';

/**
 * Every element together, the way a blog post uses them: one `<review-source>` feeding the count,
 * the card, a content warning around the hard paragraphs, the cast and the comment thread. The
 * page's own styles theme them only through `--review-*` properties and `::part`.
 */
const meta = {
  title: 'Pages/Blog page',
  parameters: { layout: 'fullscreen', msw: { handlers: { story: commentsApi.handlers } } },
  beforeEach: () => {
    commentsApi.reset();
    forgetCommentStorage();
    forgetContentWarningChoices();
  },
  render: () => html`<style>
      .blog {
        max-inline-size: 46rem;
        margin-inline: auto;
        padding: 1.5rem 1.25rem;
        font-family: Georgia, serif;
        line-height: 1.65;
        --review-accent: light-dark(#9b1d48, #ff9ab8);
        --review-font: system-ui, sans-serif;
      }
      .blog h1 {
        line-height: 1.2;
      }
      .blog review-card,
      .blog content-warning,
      .blog cast-list,
      .blog comment-thread {
        display: block;
        margin-block: 1.5rem;
      }
      .blog review-card::part(title) {
        font-family: Georgia, serif;
      }
    </style>
    <article class="blog">
      <review-source api=${commentsApi.api} review="ballerina">
        <p><comment-count href="#comments"></comment-count></p>
        <h1>Ballerina: taking up space, one fight scene at a time</h1>
        <p>A Korean action film that turns a woman's anger into choreography, and lets her win.</p>
        <review-card heading-level="2"></review-card>
        <h2>What the film is about</h2>
        <p>Jang Ok-ju used to guard rich clients. One night her closest friend calls her, and by the time she arrives,
          her friend is dead.</p>
        <content-warning from-review>
          <p>A note names the man who trafficked her, filmed the abuse and used the recordings to blackmail her.</p>
        </content-warning>
        <h2>The cast</h2>
        <cast-list limit="6"></cast-list>
        <h2 id="comments">What readers say</h2>
        <comment-thread heading-level="3"></comment-thread>
      </review-source>
    </article>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The article page, light or dark and in each language through the toolbar. */
export const BlogPage: Story = {};
