import { expect } from '@open-wc/testing';
import { ReviewApiError } from '../../src/api/index.js';
import { ReviewErrorEvent } from '../../src/data/events.js';

describe('ReviewErrorEvent', () => {
  it('hands listeners a ReviewApiError as it came', () => {
    const error = new ReviewApiError({ code: 'not-found', status: 404 });
    expect(new ReviewErrorEvent(error).error).to.equal(error);
  });

  it('wraps any other failure as code "unknown", keeping the original as its cause', () => {
    const failure = new TypeError('Failed to fetch dynamically imported module');
    const { error } = new ReviewErrorEvent(failure);
    expect(error).to.be.instanceOf(ReviewApiError);
    expect(error.code).to.equal('unknown');
    expect(error.detail).to.equal(failure.message);
    expect(error.cause).to.equal(failure);
  });
});
