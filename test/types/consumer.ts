/**
 * Compiled (not run) by `npm run typecheck` against the built package, the way an app sees it:
 * bare `review-elements/…` imports resolved through package.json `exports` to dist/types.
 */
import 'review-elements/review-card.js';
import { ReviewApiError, ReviewClient, type Review } from 'review-elements';
import type { ReviewRating } from 'review-elements/review-rating.js';

const card = document.createElement('review-card');
card.layout = 'compact';
card.headingLevel = 3;
card.src = '/reviews/ballerina.json';
// @ts-expect-error: not a layout
card.layout = 'huge';

card.addEventListener('review-load', (event) => {
  const review: Review = event.review;
  review.work.title.toUpperCase();
});
document.addEventListener('review-error', (event) => {
  if (event.error instanceof ReviewApiError) event.error.code.toUpperCase();
});

const rating: ReviewRating = document.createElement('review-rating');
rating.value = 3.5;
document.querySelector('review-source')?.reload();

void new ReviewClient({ api: 'https://reviews.example/v1', timeout: 5000 }).getReview('ballerina');
