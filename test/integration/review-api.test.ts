/**
 * The elements against the real reference server (started by web-test-runner.config.mjs with a
 * temporary SQLite file, seeded with the demo reviews), through the page's own origin.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ReviewCard, ReviewSource } from '../../src/index.js';
import { ADMIN, seen, unique } from '../support/helpers.js';

const part = (el: ReviewCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const loaded = (el: ReviewCard) =>
  waitUntil(() => el.data && part(el, 'title'), 'card did not load', { timeout: 5000 });

async function putReview(id: string, title: string) {
  const res = await fetch(`/v1/reviews/${id}`, {
    method: 'PUT',
    headers: ADMIN,
    body: JSON.stringify({
      id,
      url: `https://blog.example/${id}`,
      lang: 'en',
      title,
      publishedAt: '2025-02-01T10:00:00Z',
      rating: { value: 3, best: 5 },
      work: { title, type: 'series', year: 2024, runtimeMinutes: 50 },
      comments: { open: true },
    }),
  });
  expect(res.status).to.equal(201);
}

describe('elements against the reference server', () => {
  it('shows the seeded Ballerina review with its comment count and poster', async () => {
    const source = await fixture<ReviewSource>(
      html`<review-source api="/v1" review="ballerina"><review-card></review-card></review-source>`,
    );
    const card = source.querySelector('review-card')!;
    await loaded(card);
    expect(seen(part(card, 'title'))).to.equal('Ballerina');
    expect(seen(part(card, 'comment-count'))).to.match(/^\d+ comments$/);
    const img = part(card, 'poster')!.querySelector('img')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'poster did not load');
    await expect(card).to.be.accessible();
  });

  it('shows a review an admin just stored, and a new comment count after reload', async () => {
    const id = unique('api');
    await putReview(id, 'The Quiet Hour');
    const card = await fixture<ReviewCard>(html`<review-card api="/v1" review=${id}></review-card>`);
    await loaded(card);
    expect(seen(part(card, 'title'))).to.equal('The Quiet Hour');
    expect(seen(part(card, 'comment-count'))).to.equal('0 comments');
    const post = await fetch(`/v1/reviews/${id}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': unique('k') },
      body: JSON.stringify({ author: { name: 'Reader' }, body: 'Worth it.' }),
    });
    expect(post.status).to.equal(201);
    card.reload();
    await waitUntil(() => seen(part(card, 'comment-count')) === '1 comment', 'the count did not update');
  });

  it('says a review does not exist when the server has no such id', async () => {
    const card = await fixture<ReviewCard>(html`<review-card api="/v1" review="no-such-review"></review-card>`);
    await waitUntil(() => part(card, 'error-message'));
    expect(seen(part(card, 'error-message'))).to.equal('This review does not exist, or it was removed.');
  });

  it('revalidates with the ETag the server sent (304, same object)', async () => {
    const source = await fixture<ReviewSource>(
      html`<review-source api="/v1" review="past-lives"><review-card></review-card></review-source>`,
    );
    const card = source.querySelector('review-card')!;
    await loaded(card);
    const first = card.data;
    const entries = () =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/v1/reviews/past-lives')) as PerformanceResourceTiming[];
    const before = entries().length;
    source.reload();
    // Wait for the second answer itself (its timing entry is written once it is complete), then
    // for the card to settle: no fixed sleep, which a busy machine outruns.
    await waitUntil(() => entries().length > before, 'the source did not ask again');
    await waitUntil(() => card.matches(':state(loading)') === false, 'the card stayed loading');
    await card.updateComplete;
    expect(card.data).to.equal(first);
    expect(entries().at(-1)!.responseStatus).to.equal(304);
  });
});
