import { expect } from '@open-wc/testing';
import { ReviewApiError, ReviewClient } from '../../src/api/index.js';
import { API, requestCount, unique } from '../support/helpers.js';

const api = `${API}/v1`;

async function failure(promise: Promise<unknown>): Promise<ReviewApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ReviewApiError);
    return error as ReviewApiError;
  }
  throw new Error('expected the request to fail');
}

describe('ReviewClient', () => {
  it('loads and validates a review by id, filling defaults and resolving URLs', async () => {
    const client = new ReviewClient({ api });
    const review = await client.getReview('ballerina');
    expect(review.title).to.equal('Ballerina: Taking Up Space, One Fight Scene at a Time');
    expect(review.work.runtimeMinutes).to.equal(93);
    expect(review.work.externalRatings[0]).to.include({
      source: 'Rotten Tomatoes',
      value: 91,
      unit: 'percent',
      average: 6.6,
    });
    expect(review.cast.map((c) => c.name)).to.deep.equal(['Jeon Jong-seo', 'Kim Ji-hoon', 'Park Yu-rim']);
    // Relative image URLs are relative to the document, and come out absolute.
    expect(review.work.poster?.url).to.equal(new URL(`${api}/reviews/images/ballerina-poster.svg`, location.href).href);
  });

  it('loads a static document by URL and fills the optional arrays of a minimal one', async () => {
    const review = await new ReviewClient().getDocument('/demo/data/minimal.json');
    expect(review.work.title).to.equal('Untitled');
    expect(review.cast).to.deep.equal([]);
    expect(review.credits).to.deep.equal([]);
    expect(review.commentCount).to.equal(0);
    expect(review.comments.open).to.equal(false);
  });

  it('ignores fields it does not know, so a newer server does not break it', async () => {
    const review = await new ReviewClient().getDocument(`${API}/extra-fields`);
    expect(review.work.title).to.equal('Ballerina');
    expect(review).not.to.have.property('futureField');
  });

  it('drops unsafe URLs instead of passing them on', async () => {
    const review = await new ReviewClient().getDocument(`${API}/unsafe-urls`);
    expect(review.url).to.equal('');
    expect(review.work.poster).to.equal(undefined);
    expect(review.credits[0].url).to.equal(undefined);
  });

  it('turns a 404 problem+json into ReviewApiError not-found', async () => {
    const error = await failure(new ReviewClient({ api }).getReview('no-such-review'));
    expect(error.code).to.equal('not-found');
    expect(error.status).to.equal(404);
    expect(error.detail).to.equal('No review no-such-review');
  });

  it('turns a 500 problem+json into its code and detail', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/problem-500`));
    expect(error).to.include({ code: 'server-error', status: 500, detail: 'The database is unavailable' });
    expect(error.retryable).to.equal(true);
  });

  it('derives a code from the status when the error body is not problem+json', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/plain-502`));
    expect(error).to.include({ code: 'server-error', status: 502 });
  });

  it('reads Retry-After on 429', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/rate-limited`));
    expect(error).to.include({ code: 'rate-limited', status: 429, retryAfter: 30 });
  });

  it('turns malformed JSON into invalid-response', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/malformed`));
    expect(error.code).to.equal('invalid-response');
    expect(error.detail).to.contain('not JSON');
  });

  it('turns an HTML page into invalid-response naming the content type', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/html`));
    expect(error.code).to.equal('invalid-response');
    expect(error.detail).to.contain('text/html');
  });

  it('names the failing field of a document that misses a required one', async () => {
    const error = await failure(new ReviewClient().getDocument(`${API}/missing-title`));
    expect(error.code).to.equal('invalid-response');
    expect(error.field).to.equal('work.title');
    expect(error.detail).to.contain('work.title');
  });

  it('gives up after the timeout with code timeout', async () => {
    const started = performance.now();
    const error = await failure(new ReviewClient({ timeout: 300 }).getDocument(`${API}/hang?ms=3000&${unique()}`));
    expect(error.code).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2500);
  });

  it('counts a body that trickles in past the timeout as a timeout too', async () => {
    const error = await failure(new ReviewClient({ timeout: 400 }).getDocument(`${API}/trickle?ms=3000&${unique()}`));
    expect(error.code).to.equal('timeout');
  });

  it('turns an unreachable server into code network', async () => {
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    const error = await failure(new ReviewClient().getDocument('http://127.0.0.1:9/v1/reviews/x'));
    expect(error.code).to.equal('network');
    expect(error.retryable).to.equal(true);
  });

  it('shares one request between two callers of the same URL', async () => {
    const id = unique('named');
    const client = new ReviewClient({ api });
    const [a, b] = await Promise.all([client.getReview(id), client.getReview(id)]);
    expect(a).to.equal(b);
    expect(await requestCount(`v1/reviews/${id}`)).to.equal(1);
  });

  it('revalidates with If-None-Match and reuses the cached copy on 304', async () => {
    const id = unique('named');
    const client = new ReviewClient({ api });
    const first = await client.getReview(id);
    const second = await client.getReview(id);
    expect(await requestCount(`v1/reviews/${id}`)).to.equal(2);
    // Same object: the 304 carried no body and the cached, already validated value was reused.
    expect(second).to.equal(first);
  });

  it('aborts: the caller gets an AbortError, and a lone caller stops the request', async () => {
    const controller = new AbortController();
    const pending = new ReviewClient().getDocument(`${API}/hang?ms=3000&${unique()}`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).to.equal('AbortError');
  });

  it('keeps the shared request alive while another caller still waits', async () => {
    const path = `v1/reviews/${unique('named')}?delay=200`;
    const client = new ReviewClient();
    const controller = new AbortController();
    const aborted = client.getDocument(`${API}/${path}`, { signal: controller.signal }).catch((e: Error) => e.name);
    const kept = client.getDocument(`${API}/${path}`);
    controller.abort();
    expect(await aborted).to.equal('AbortError');
    expect((await kept).title).to.match(/^Review named-/);
    expect(await requestCount(path)).to.equal(1);
  });
});
