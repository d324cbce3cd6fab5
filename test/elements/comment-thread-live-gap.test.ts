import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CommentCount, CommentThread } from '../../src/index.js';
import { createReview, loaded, postComment, root, shown } from '../support/comments.js';
import { seen } from '../support/helpers.js';

/**
 * The gap between a live thread's first page and its event stream: a comment posted after the
 * page was read and before the stream opened is announced once, as new (the page says which event
 * it reflects; the stream goes on from there). The window is made certain by turning `live` on
 * only after the first page has rendered and the comment was posted.
 */
const newButton = (el: CommentThread) => root(el).querySelector<HTMLButtonElement>('[part~="new-comments"]');
const heading = (el: CommentThread) => seen(root(el).querySelector('[part~="heading"]'));
async function openStreams(id: string): Promise<number> {
  const res = await fetch(`/__streams?match=${encodeURIComponent(`/reviews/${id}/events`)}`);
  return ((await res.json()) as { open: number }).open;
}

async function thread(id: string): Promise<CommentThread> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="inline-size: 720px"><comment-thread api="/v1" review=${id} sort="oldest"></comment-thread></div>`,
  );
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  return el;
}

/** Shows the waiting comments, then checks each comment is on the page once and nothing waits. */
async function showAll(el: CommentThread, expected: string[]) {
  newButton(el)!.click();
  await waitUntil(() => shown(el).length === expected.length, `expected ${expected.length} comments`);
  expect(shown(el).map(([, body]) => body)).to.deep.equal(expected);
  expect(newButton(el)).to.equal(null);
}

describe('<comment-thread live>: the gap before the stream', () => {
  beforeEach(() => localStorage.clear());

  it('announces a comment posted between the first page and the stream, once', async () => {
    const id = await createReview();
    await postComment(id, 'Already here', { name: 'Ana' });
    const el = await thread(id);
    expect(shown(el)).to.deep.equal([['Ana', 'Already here']]);

    await postComment(id, 'Posted in the gap', { name: 'Bo' });
    el.live = true;
    await waitUntil(() => el.matches(':state(live)'), 'the stream did not open');
    await waitUntil(() => seen(newButton(el)) === '1 new comment', 'the comment from the gap was not announced');
    await waitUntil(() => heading(el) === 'Comments (2)');
    // The stream is the live one from here: the next comment makes two, not the gap's again.
    await postComment(id, 'Posted after', { name: 'Cy' });
    await waitUntil(() => seen(newButton(el)) === '2 new comments');
    await showAll(el, ['Already here', 'Posted in the gap', 'Posted after']);
  });

  it('hands a thread joining an open stream what came after its page', async () => {
    const id = await createReview();
    await postComment(id, 'Already here', { name: 'Ana' });
    // The count opens the page's one stream for the review before the thread reads its page.
    const count = await fixture<CommentCount>(html`<comment-count api="/v1" review=${id} live></comment-count>`);
    await waitUntil(() => count.matches(':state(live)'), 'the stream did not open');
    const el = await thread(id);

    await postComment(id, 'Posted in the gap', { name: 'Bo' });
    // The open stream has it (the count changed) before the thread follows it.
    await waitUntil(() => seen(count.shadowRoot!.querySelector('[part~="base"]')) === '2 comments');
    el.live = true;
    await waitUntil(() => seen(newButton(el)) === '1 new comment', 'the comment from the gap was not announced');
    expect(await openStreams(id)).to.equal(1);
    await showAll(el, ['Already here', 'Posted in the gap']);
    count.remove();
  });
});
