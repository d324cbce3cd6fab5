import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CommentThread } from '../../src/index.js';
import type { CommentErrorEvent, CommentPostedEvent } from '../../src/elements/comment-thread/events.js';
import {
  createReview,
  fill,
  form,
  field,
  injectFault,
  loaded,
  postComment,
  root,
  serverComments,
  shown,
  submit,
} from '../support/comments.js';
import { seen } from '../support/helpers.js';

async function thread(template: ReturnType<typeof html>): Promise<CommentThread> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 720px">${template}</div>`);
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  return el;
}
const status = (el: CommentThread) => seen(root(el).querySelector('[role="status"]'));
const article = (el: CommentThread, body: string) =>
  [...root(el).querySelectorAll<HTMLElement>('article[part~="comment"]')].find((a) =>
    seen(a.querySelector('[part~="comment-body"]')).includes(body),
  )!;

describe('<comment-thread> writing', () => {
  beforeEach(() => localStorage.clear());

  describe('posting', () => {
    it('posts optimistically from the keyboard, then confirms, announces and tells the page', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const f = form(el);
      field(f, 'name').focus();
      await sendKeys({ type: 'Ana' });
      field(f, 'body').focus();
      await sendKeys({ type: 'Loved the **fights**.' });
      const posted = oneEvent(el, 'comment-posted') as Promise<CommentPostedEvent>;
      submit(f);
      await el.updateComplete;
      expect(seen(article(el, 'Loved the'))).to.contain('Sending…');
      const { comment } = (await posted).detail;
      expect(comment.body).to.equal('Loved the **fights**.');
      await waitUntil(() => status(el) === 'Your comment was posted.');
      expect(seen(article(el, 'Loved the'))).not.to.contain('Sending');
      expect(seen(root(el).querySelector('[part~="heading"]'))).to.equal('Comments (1)');
      expect((await serverComments(id)).items.map((c) => c.body)).to.deep.equal(['Loved the **fights**.']);
      // The form is empty again, and the name is remembered for next time.
      expect(field(f, 'body').value).to.equal('');
      expect(field(f, 'name').value).to.equal('Ana');
      await expect(el).to.be.accessible();
    });

    it('shows the formatting help when the reader asks, and then describes the text box with it', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const f = form(el);
      const toggle = [...f.shadowRoot!.querySelectorAll('button')].find((b) => seen(b) === 'Formatting help')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(seen(f.shadowRoot!.querySelector('form'))).not.to.contain('**bold**');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => f.shadowRoot!.getElementById('help'));
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(seen(f.shadowRoot!.getElementById('help'))).to.contain('**bold**');
      expect(field(f, 'body').getAttribute('aria-describedby')!.split(' ')).to.include('help');
      await expect(el).to.be.accessible();
    });

    it('says what is missing next to the field and moves focus there', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const f = form(el);
      await fill(f, { name: '', body: 'text' });
      submit(f);
      await waitUntil(() => f.shadowRoot!.activeElement === field(f, 'name'));
      expect(field(f, 'name').getAttribute('aria-invalid')).to.equal('true');
      expect(seen(f.shadowRoot!.getElementById('name-error'))).to.equal('Enter your name.');
      expect((await serverComments(id)).total).to.equal(0);
    });

    it('replies under a comment, with focus on the new reply', async () => {
      const id = await createReview();
      await postComment(id, 'Parent here', { name: 'Bo' });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const replyButton = article(el, 'Parent here').querySelector<HTMLButtonElement>('[data-action="reply"]')!;
      replyButton.click();
      await waitUntil(() => form(el, true));
      const f = form(el, true);
      await waitUntil(() => f.shadowRoot!.activeElement === field(f, 'body'), 'focus did not move to the reply box');
      expect(seen(f.shadowRoot!.querySelector('.heading'))).to.equal('Reply to Bo');
      await fill(f, { name: 'Cy', body: 'A reply' });
      submit(f);
      await waitUntil(() => root(el).activeElement === article(el, 'A reply'), 'focus did not move to the reply');
      expect(article(el, 'A reply').closest('ul')!.classList.contains('replies')).to.equal(true);
      expect((await serverComments(id)).items[0].replies.map((r) => r.body)).to.deep.equal(['A reply']);
    });

    it('shows a comment held for moderation as waiting', async () => {
      const id = await createReview({ base: '/moderated/v1' });
      const el = await thread(html`<comment-thread api="/moderated/v1" review=${id}></comment-thread>`);
      const f = form(el);
      await fill(f, { name: 'Ana', body: 'Please approve' });
      submit(f);
      await waitUntil(() => status(el).startsWith('Waiting for moderation'));
      expect(seen(article(el, 'Please approve'))).to.contain('Waiting for moderation');
      expect((await serverComments(id, '/moderated/v1')).total).to.equal(0);
    });

    it('keeps a failed post with its words and Retry, and the retry posts it', async () => {
      const id = await createReview();
      await injectFault(`/v1/reviews/${id}/comments`, 'fail', { method: 'POST' });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const errored = oneEvent(el, 'comment-error') as Promise<CommentErrorEvent>;
      await fill(form(el), { name: 'Ana', body: 'Try me twice' });
      submit(form(el));
      expect(((await errored).detail.error as { code?: string }).code).to.equal('server-error');
      await waitUntil(() => article(el, 'Try me twice')?.querySelector('[part~="retry-post"]'));
      expect(seen(article(el, 'Try me twice'))).to.contain('Not posted.');
      expect(status(el)).to.contain('Not posted.');
      const retry = article(el, 'Try me twice').querySelector<HTMLButtonElement>('[part~="retry-post"]')!;
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => status(el) === 'Your comment was posted.');
      expect((await serverComments(id)).items.map((c) => c.body)).to.deep.equal(['Try me twice']);
    });

    it('after a reload, posts a comment whose answer was lost exactly once', async () => {
      const id = await createReview();
      // Chromium itself re-sends a request whose connection drops before any answer (twice, here),
      // so lose every answer for a moment. That is also why a post needs an Idempotency-Key: the
      // browser may send it three times before the page hears anything.
      await injectFault(`/v1/reviews/${id}/comments`, 'lose-response', { method: 'POST', forMs: 1500 });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const errored = oneEvent(el, 'comment-error') as Promise<CommentErrorEvent>;
      await fill(form(el), { name: 'Ana', body: 'Do not lose me' });
      submit(form(el));
      expect(((await errored).detail.error as { code?: string }).code).to.equal('network');
      await waitUntil(() => article(el, 'Do not lose me')?.querySelector('[part~="retry-post"]'));
      // The server did store it: the answer was lost on the way back.
      expect((await serverComments(id)).total).to.equal(1);

      // "Reload": a new thread on the same review finds the post in its outbox and sends it again
      // with the same key; the server answers with the comment it already has.
      el.remove();
      await new Promise((r) => setTimeout(r, 1500));
      const again = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await waitUntil(() => status(again) === 'Your comment was posted.', 'the outbox was not sent again');
      expect(shown(again).filter(([, b]) => b === 'Do not lose me')).to.have.length(1);
      expect(seen(root(again).querySelector('[part~="heading"]'))).to.equal('Comments (1)');
      expect((await serverComments(id)).items.map((c) => c.body)).to.deep.equal(['Do not lose me']);
      // And it is the reader's own again: the replayed answer carried the edit token.
      await waitUntil(() => article(again, 'Do not lose me').querySelector('[data-action="edit"]'));
    });

    it('keeps an unsent draft across a reload', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await fill(form(el), { name: 'Ana', body: 'Half a thought' });
      el.remove();
      const again = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await waitUntil(
        () => form(again) && field(form(again), 'body').value === 'Half a thought',
        'the draft was not restored',
      );
      expect(seen(form(again).shadowRoot!.querySelector('.restored'))).to.equal('Your unsent draft was restored.');
    });

    it('lets a host cancel a post (a captcha first), keeping the words in the form', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      el.addEventListener('comment-post', (e) => e.preventDefault(), { once: true });
      await fill(form(el), { name: 'Ana', body: 'Wait for me' });
      submit(form(el));
      await el.updateComplete;
      expect(field(form(el), 'body').value).to.equal('Wait for me');
      expect(shown(el)).to.have.length(0);
    });
  });

  describe('own comments', () => {
    async function ownComment() {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await fill(form(el), { name: 'Ana', body: 'Mine to change' });
      submit(form(el));
      await waitUntil(
        () => article(el, 'Mine to change')?.querySelector('[data-action="edit"]'),
        'no Edit on my comment',
      );
      return { id, el };
    }

    it('edits within the window, optimistically', async () => {
      const { id, el } = await ownComment();
      article(el, 'Mine to change').querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
      await waitUntil(() => root(el).activeElement?.tagName === 'TEXTAREA', 'focus did not move to the edit box');
      const box = root(el).activeElement as HTMLTextAreaElement;
      box.value = 'Changed my mind';
      box.dispatchEvent(new Event('input'));
      await el.updateComplete;
      [...root(el).querySelectorAll('button')].find((b) => seen(b) === 'Save')!.click();
      await waitUntil(() =>
        seen(article(el, 'Changed my mind')?.querySelector('[part~="comment-meta"]')).includes('edited'),
      );
      await waitUntil(async () => (await serverComments(id)).items[0]?.body === 'Changed my mind');
    });

    it('rolls an edit back when the server refuses, and says so', async () => {
      const { id, el } = await ownComment();
      const commentId = (await serverComments(id)).items[0].id;
      await injectFault(`/v1/comments/${commentId}`, 'fail', { method: 'PATCH' });
      article(el, 'Mine to change').querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
      await el.updateComplete;
      const box = root(el).querySelector('textarea')!;
      box.value = 'This will fail';
      box.dispatchEvent(new Event('input'));
      await el.updateComplete;
      [...root(el).querySelectorAll('button')].find((b) => seen(b) === 'Save')!.click();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no failure notice');
      expect(seen(root(el).querySelector('[role="alert"]'))).to.contain('Your change was not saved.');
      expect((await serverComments(id)).items[0].body).to.equal('Mine to change');
    });

    it('deletes after a confirmation, keeping focus in the thread', async () => {
      const { id, el } = await ownComment();
      article(el, 'Mine to change').querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(
        () => root(el).activeElement?.hasAttribute('data-confirm'),
        'focus did not move to the confirmation',
      );
      (root(el).activeElement as HTMLButtonElement).click();
      await waitUntil(() => shown(el).length === 0);
      expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="heading"]'));
      expect((await serverComments(id)).total).to.equal(0);
    });

    it('offers no Edit or Delete once the window has passed', async () => {
      const { el } = await ownComment();
      const key = Object.keys(localStorage).find((k) => k.endsWith('comments:tokens'))!;
      const tokens = JSON.parse(localStorage.getItem(key)!);
      for (const t of Object.values(tokens) as { until: string }[]) t.until = new Date(Date.now() - 1000).toISOString();
      localStorage.setItem(key, JSON.stringify(tokens));
      el.reload();
      await waitUntil(
        () => article(el, 'Mine to change') && !article(el, 'Mine to change').querySelector('[data-action="edit"]'),
      );
      expect(article(el, 'Mine to change').querySelector('[data-action="delete"]')).to.equal(null);
    });
  });
});
