/**
 * Every element of the library for one review, in one language and direction, and a wait for all
 * of them to show their content (not their skeletons).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';

export const ELEMENTS = [
  'review-card',
  'review-rating',
  'cast-list',
  'content-warning',
  'content-warning-settings',
  'comment-count',
  'comment-thread',
] as const;

export async function readerPage(
  id: string,
  lang: string,
  dir: 'ltr' | 'rtl' = 'ltr',
  width = 360,
): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style=${`inline-size: ${width}px`}>
    <review-source api="/v1" review=${id}>
      <review-card></review-card>
      <review-card layout="compact"></review-card>
      <review-rating value="3.5" best="5"></review-rating>
      <cast-list></cast-list>
      <content-warning from-review remember="always"><p>${id}</p></content-warning>
      <content-warning-settings topics="ferry-disaster"></content-warning-settings>
      <comment-count></comment-count>
      <comment-thread></comment-thread>
    </review-source>
  </div>`);
  await settled(page);
  return page;
}

const root = (el: Element) => el.shadowRoot!;

/** What each element shows once loaded; the names of those not there yet. */
function waiting(page: HTMLElement): string[] {
  const one = (tag: string) => page.querySelector(tag)!;
  const checks: Record<string, () => unknown> = {
    'review-card': () =>
      [...page.querySelectorAll('review-card')].every(
        (card) => root(card).querySelector('[part~="title"]')?.textContent?.trim() && !card.matches(':state(loading)'),
      ),
    'cast-list': () => root(one('cast-list')).querySelector('[part~="list"]'),
    // The notice of a warning still waiting for the review looks like a loaded one: wait for the review.
    'content-warning': () =>
      (one('content-warning') as HTMLElement & { data?: unknown }).data &&
      root(one('content-warning')).querySelector('[part~="topics"] li, [part~="notice"] p + p'),
    'content-warning-settings': () => root(one('content-warning-settings')).querySelector('fieldset'),
    'comment-count': () =>
      !one('comment-count').matches(':state(loading)') && root(one('comment-count')).textContent?.trim(),
    'comment-thread': () =>
      !one('comment-thread').matches(':state(loading)') &&
      root(one('comment-thread')).querySelector('review-comment-form'),
  };
  return Object.entries(checks)
    .filter(([, ok]) => !ok())
    .map(([name]) => name);
}

export async function settled(page: HTMLElement): Promise<void> {
  let left: string[] = [];
  await waitUntil(() => (left = waiting(page)).length === 0, 'the elements did not all load', { timeout: 8000 }).catch(
    () => {
      throw new Error(`still loading: ${left.join(', ')}`);
    },
  );
  // Nested elements (the rating in the card, the thread's form) render in their own updates.
  for (const el of page.querySelectorAll('*'))
    await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
}
