/**
 * Compiled (never run) by `npx tsc -p demo/hosts`: what App.vue's template binds fits the
 * generated types/vue.d.ts, the types vue-tsc / Volar check templates against (neither is
 * installed here, so the template itself is not type-checked).
 */
import type { EmitsToProps, GlobalComponents } from 'vue';
import type { ReviewLoadEvent } from 'review-elements';
import type { ReviewCardEvents } from '../../../types/review-elements.js';
import { useReviewPage } from './review-page.ts';

type Instance<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>;
type Props<Tag extends keyof GlobalComponents> = Instance<Tag>['$props'];

const page = useReviewPage();

// <review-card :layout="layout" :heading-level="2" @review-load="onReviewLoad">
export const card: Props<'review-card'> = { layout: page.layout.value, 'heading-level': 2 };
// `@review-load` is a listener prop (Vue's EmitsToProps spells it `onReview-load`; the compiled
// template passes `onReviewLoad`, which runtime-dom turns back into 'review-load'): the handler
// takes what the card emits.
export const cardListeners: EmitsToProps<{
  [Name in keyof ReviewCardEvents]: (event: ReviewCardEvents[Name]) => void;
}> = {
  'onReview-load': page.onReviewLoad,
};
const emit = null as unknown as Instance<'review-card'>['$emit'];
emit('review-load', null as unknown as ReviewLoadEvent);
// <cast-list :limit="6">, <content-warning from-review>, <review-source api review>, <comment-count href>
export const cast: Props<'cast-list'> = { limit: 6 };
export const warning: Props<'content-warning'> = { 'from-review': true, fromReview: true };
export const source: Props<'review-source'> = { api: '/v1', review: 'ballerina', lang: 'en' };
export const count: Props<'comment-count'> = { href: '#comments' };

// What the types refuse:
// @ts-expect-error: not a layout of the card
export const badLayout: Props<'review-card'> = { layout: 'huge' };
// @ts-expect-error: limit is a number
export const badLimit: Props<'cast-list'> = { limit: { six: 6 } };
// @ts-expect-error: review-load carries a ReviewLoadEvent, not any event
emit('review-load', new Event('review-load'));
// @ts-expect-error: the card emits no such event
emit('review-loaded', null as unknown as ReviewLoadEvent);
