import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CommentCount, CommentThread } from '../../src/index.js';
import { createReview, fill, form, loaded, postComment, root, shown, submit } from '../support/comments.js';
import { seen } from '../support/helpers.js';

/**
 * `<comment-thread live>` and `<comment-count live>` against the real server: the events come
 * over Server-Sent Events through the test proxy (which passes streams through unbuffered and
 * counts the open ones: GET /__streams?match=…).
 */
async function liveThread(id: string, attrs: { sort?: string; api?: string } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="inline-size: 720px"><comment-thread api=${attrs.api ?? '/v1'} review=${id} sort=${attrs.sort ?? 'oldest'} live></comment-thread></div>`,
  );
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  // Changes made before the stream opened are in the page already, or after it: never lost.
  await waitUntil(() => el.matches(':state(live)'), 'the stream did not open');
  return el;
}

const newButton = (el: CommentThread) => root(el).querySelector<HTMLButtonElement>('[part~="new-comments"]');
const heading = (el: CommentThread) => seen(root(el).querySelector('[part~="heading"]'));
const article = (el: CommentThread, body: string) =>
  [...root(el).querySelectorAll<HTMLElement>('article[part~="comment"]')].find((a) =>
    seen(a.querySelector('[part~="comment-body"]')).includes(body),
  );
async function openStreams(id: string): Promise<number> {
  const res = await fetch(`/__streams?match=${encodeURIComponent(`/reviews/${id}/events`)}`);
  return ((await res.json()) as { open: number }).open;
}

describe('<comment-thread live>', () => {
  beforeEach(() => localStorage.clear());

  it('announces a comment posted elsewhere within a second, and shows it only when asked', async () => {
    const id = await createReview();
    await postComment(id, 'Already here', { name: 'Ana' });
    const el = await liveThread(id);
    const region = root(el).querySelector('[part~="live-notice"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');

    const posted = performance.now();
    await postComment(id, 'Written somewhere else', { name: 'Bo' });
    await waitUntil(() => newButton(el), 'no "new comments" button', { timeout: 1000, interval: 20 });
    expect(performance.now() - posted).to.be.below(1000);
    expect(seen(newButton(el))).to.equal('1 new comment');
    expect(region.contains(newButton(el))).to.equal(true);
    // Nothing moved under the reader: the new comment is not in the list yet; the count is.
    expect(shown(el)).to.deep.equal([['Ana', 'Already here']]);
    await waitUntil(() => heading(el) === 'Comments (2)');

    await postComment(id, 'And one more', { name: 'Cy' });
    await waitUntil(() => seen(newButton(el)) === '2 new comments');
    await expect(el).to.be.accessible();

    // From the keyboard: the comments appear where the button was, focus on the first of them.
    const button = newButton(el)!;
    const top = button.getBoundingClientRect().top;
    const scroll = window.scrollY;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shown(el).length === 3);
    expect(shown(el)).to.deep.equal([
      ['Ana', 'Already here'],
      ['Bo', 'Written somewhere else'],
      ['Cy', 'And one more'],
    ]);
    await waitUntil(() => root(el).activeElement === article(el, 'Written somewhere else'));
    expect(window.scrollY).to.equal(scroll);
    expect(Math.abs(article(el, 'Written somewhere else')!.getBoundingClientRect().top - top)).to.be.below(24);
    expect(newButton(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('puts the button above the list, in a line kept for it, when the newest come first', async () => {
    const id = await createReview();
    await postComment(id, 'Older', { name: 'Ana' });
    const el = await liveThread(id, { sort: 'newest' });
    const list = root(el).querySelector('[part~="comments"]')!;
    const listTop = list.getBoundingClientRect().top;
    await postComment(id, 'Newer', { name: 'Bo' });
    await waitUntil(() => newButton(el));
    expect(list.getBoundingClientRect().top).to.equal(listTop);
    newButton(el)!.click();
    await waitUntil(() => shown(el).length === 2);
    expect(shown(el).map(([, body]) => body)).to.deep.equal(['Newer', 'Older']);
    await waitUntil(() => root(el).activeElement === article(el, 'Newer'));
  });

  it('applies edits and removals of comments on the page in place', async () => {
    const id = await createReview();
    const first = await postComment(id, 'Original words', { name: 'Ana' });
    await postComment(id, 'Stays', { name: 'Bo' });
    const el = await liveThread(id);
    const auth = { Authorization: `Bearer ${first.editToken}`, 'Content-Type': 'application/json' };

    const res = await fetch(`/v1/comments/${first.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ body: 'Better words' }),
    });
    expect(res.status).to.equal(200);
    await waitUntil(() => article(el, 'Better words'), 'the edit did not show');
    expect(seen(article(el, 'Better words')!.querySelector('[part~="comment-meta"]'))).to.contain('edited');
    expect(shown(el)).to.deep.equal([
      ['Ana', 'Better words'],
      ['Bo', 'Stays'],
    ]);

    expect((await fetch(`/v1/comments/${first.id}`, { method: 'DELETE', headers: auth })).status).to.equal(204);
    await waitUntil(() => shown(el).length === 1, 'the removal did not show');
    expect(shown(el)).to.deep.equal([['Bo', 'Stays']]);
    await waitUntil(() => heading(el) === 'Comments (1)');
    expect(newButton(el)).to.equal(null);
  });

  it("never announces the reader's own post as new", async () => {
    const id = await createReview();
    const el = await liveThread(id);
    const f = form(el);
    await fill(f, { name: 'Me', body: 'My own words' });
    submit(f);
    await waitUntil(() => seen(root(el).querySelector('[role="status"]')) === 'Your comment was posted.');
    // Events come in order: once someone else's post is announced, the reader's own was heard too.
    await postComment(id, 'Someone else', { name: 'Bo' });
    await waitUntil(() => newButton(el));
    expect(seen(newButton(el))).to.equal('1 new comment');
    expect(shown(el)).to.deep.equal([['Me', 'My own words']]);
  });

  it('closes its stream when it leaves the page or `live` turns off; a count shares it', async () => {
    const id = await createReview();
    const el = await liveThread(id);
    await waitUntil(async () => (await openStreams(id)) === 1, 'the proxy never saw the stream');
    el.live = false;
    await waitUntil(async () => (await openStreams(id)) === 0, 'turning live off left the stream open');
    expect(el.matches(':state(live)')).to.equal(false);

    el.live = true;
    await waitUntil(() => el.matches(':state(live)'));
    const count = document.createElement('comment-count') as CommentCount;
    Object.assign(count, { api: '/v1', review: id, live: true });
    el.after(count);
    await waitUntil(() => count.matches(':state(live)'));
    expect(await openStreams(id)).to.equal(1);

    el.remove();
    count.remove();
    await waitUntil(async () => (await openStreams(id)) === 0, 'leaving the page left the stream open');
  });

  it('resumes after a dropped stream with what it missed (Last-Event-ID)', async function () {
    // The server asks browsers to wait 3 s before reconnecting: room for that on a busy machine.
    this.timeout(20_000);
    const id = await createReview();
    const el = await liveThread(id);
    // The stream drops (a restart, a proxy's timeout); the browser reconnects a few seconds later.
    const dropped = await fetch(`/__streams?match=${encodeURIComponent(`/reviews/${id}/events`)}`, {
      method: 'DELETE',
    });
    expect(((await dropped.json()) as { open: number }).open).to.equal(1);
    await waitUntil(() => !el.matches(':state(live)'), 'the drop was not noticed');
    // Posted while no stream was open: only a resume from the last id can bring it.
    await postComment(id, 'Posted during the gap', { name: 'Bo' });
    await waitUntil(() => el.matches(':state(live)'), 'no reconnect', { timeout: 8000 });
    await waitUntil(() => seen(newButton(el)) === '1 new comment', 'the missed comment never came');
  });

  it('follows a review on another origin (the API of another site)', async () => {
    const id = await createReview();
    const el = await liveThread(id, { api: `http://127.0.0.1:${location.port}/v1` });
    await postComment(id, 'From afar', { name: 'Bo' });
    await waitUntil(() => seen(newButton(el)) === '1 new comment');
  });
});

describe('<comment-count live>', () => {
  it('changes its number in place as comments come and go', async () => {
    const id = await createReview();
    const first = await postComment(id, 'One', { name: 'Ana' });
    const el = await fixture<CommentCount>(html`<comment-count api="/v1" review=${id} live></comment-count>`);
    await waitUntil(() => seen(el.shadowRoot!.querySelector('[part~="base"]')) === '1 comment');
    await waitUntil(() => el.matches(':state(live)'), 'the stream did not open');
    const text = el.shadowRoot!.querySelector('[part~="base"]');
    // Never blank in between: the same box, its number changed.
    let blank = false;
    const watcher = new MutationObserver(() => {
      if (!el.shadowRoot!.querySelector('[part~="base"]')) blank = true;
    });
    watcher.observe(el.shadowRoot!, { childList: true, subtree: true });

    const posted = performance.now();
    await postComment(id, 'Two', { name: 'Bo' });
    await waitUntil(() => seen(text) === '2 comments', 'the count did not change', { timeout: 1000, interval: 20 });
    expect(performance.now() - posted).to.be.below(1000);
    await fetch(`/v1/comments/${first.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${first.editToken}` },
    });
    await waitUntil(() => seen(text) === '1 comment');
    expect(el.shadowRoot!.querySelector('[part~="base"]')).to.equal(text);
    watcher.disconnect();
    expect(blank).to.equal(false);
  });
});
