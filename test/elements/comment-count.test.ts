import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { createReview, fill, form, loaded, postComment, submit } from '../support/comments.js';
import { seen } from '../support/helpers.js';

describe('<comment-count>', () => {
  it('makes one request for 30 counts on a page, and says "No comments yet" for 0', async () => {
    const ids = [await createReview(), await createReview()];
    await postComment(ids[0], 'one');
    await postComment(ids[0], 'two');
    const all = Array.from({ length: 30 }, (_, i) =>
      i === 0 ? ids[0] : i === 1 ? ids[1] : i === 2 ? 'ballerina' : `unknown-${i}`,
    );
    performance.clearResourceTimings();
    const wrapper = await fixture<HTMLElement>(
      html`<div>${all.map((id) => html`<comment-count api="/v1" review=${id}></comment-count>`)}</div>`,
    );
    const counts = [...wrapper.querySelectorAll('comment-count')];
    await waitUntil(() => seen(counts[0].shadowRoot!.querySelector('[part~="base"]')) === '2 comments', 'no count');
    expect(seen(counts[1].shadowRoot!.querySelector('[part~="base"]'))).to.equal('No comments yet');
    expect(seen(counts[2].shadowRoot!.querySelector('[part~="base"]'))).to.match(/^\d+ comments$/);
    expect(counts[5].shadowRoot!.querySelector('[part~="base"]')).to.equal(null);
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/comment-counts'));
    expect(requests).to.have.length(1);
    await expect(wrapper).to.be.accessible();
  });

  it('counts reviews whose ids hold a comma or an Object.prototype name', async () => {
    const ids = [`${Date.now()},x`, 'constructor', '__proto__', 'hasOwnProperty'];
    for (const id of ids) await createReview({ id, open: false });
    const wrapper = await fixture<HTMLElement>(
      html`<div>${ids.map((id) => html`<comment-count api="/v1" review=${id}></comment-count>`)}</div>`,
    );
    const counts = [...wrapper.querySelectorAll('comment-count')];
    await waitUntil(
      () => counts.every((c) => c.shadowRoot!.querySelector('[part~="base"]')),
      'not every count showed',
      { timeout: 5000 },
    );
    expect(counts.map((c) => seen(c.shadowRoot!.querySelector('[part~="base"]')))).to.deep.equal(
      ids.map(() => 'No comments yet'),
    );
  });

  it('is a link with href, follows <review-source>, and updates when a thread on the page posts', async () => {
    const id = await createReview();
    const wrapper = await fixture<HTMLElement>(html`<review-source api="/v1" review=${id}>
      <comment-count href="#comments"></comment-count>
      <comment-thread></comment-thread>
    </review-source>`);
    const count = wrapper.querySelector('comment-count')!;
    const el = wrapper.querySelector('comment-thread')!;
    await waitUntil(() => count.shadowRoot!.querySelector('a'));
    expect(count.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('#comments');
    await loaded(el);
    await waitUntil(() => form(el));
    await fill(form(el), { name: 'Ana', body: 'Counting' });
    submit(form(el));
    await waitUntil(() => seen(count.shadowRoot!.querySelector('a')) === '1 comment', 'the count did not update');
  });

  it("shows a static document's own count inside a source without an API", async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<review-source src="/test/fixtures/elsewhere/review.json"><comment-count></comment-count></review-source>`,
    );
    const count = wrapper.querySelector('comment-count')!;
    await waitUntil(() => seen(count.shadowRoot!.querySelector('[part~="base"]')) === '12 comments');
  });
});
