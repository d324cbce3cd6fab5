/**
 * Compiled (never run) by `npx tsc -p demo/hosts`: what App.svelte's markup binds fits the
 * generated types/svelte.d.ts, the types svelte-check checks markup against (it is not installed
 * here, so the markup itself is not type-checked).
 */
import type { SvelteHTMLElements } from 'svelte/elements';
import { createReviewPage } from './review-page.svelte.ts';

const page = createReviewPage();

// <review-card layout={page.layout} headingLevel={2} onreview-load={page.onReviewLoad}>
export const card: SvelteHTMLElements['review-card'] = {
  layout: page.layout,
  headingLevel: 2,
  'onreview-load': page.onReviewLoad,
};
// The handler gets the card's own event: its review and the card as currentTarget.
export const typedHandler: SvelteHTMLElements['review-card'] = {
  'onreview-load': (event) => `${event.review.work.title} in ${event.currentTarget.layout}`,
  'onreview-errorcapture': (event) => event.error.message,
};
// <cast-list limit={6}>, <content-warning from-review>, <review-source api review>, <comment-count href>
export const cast: SvelteHTMLElements['cast-list'] = { limit: 6, 'oncast-select': (event) => event.preventDefault() };
export const warning: SvelteHTMLElements['content-warning'] = { 'from-review': true };
export const source: SvelteHTMLElements['review-source'] = { api: '/v1', review: 'ballerina', lang: 'en' };
export const count: SvelteHTMLElements['comment-count'] = { href: '#comments' };

// What the types refuse:
// @ts-expect-error: not a layout of the card
export const badLayout: SvelteHTMLElements['review-card'] = { layout: 'huge' };
// @ts-expect-error: limit is a number
export const badLimit: SvelteHTMLElements['cast-list'] = { limit: { six: 6 } };
export const badHandler: SvelteHTMLElements['review-card'] = {
  // @ts-expect-error: a review-load event's detail holds the review, not comments
  'onreview-load': (event) => event.detail.comments,
};
