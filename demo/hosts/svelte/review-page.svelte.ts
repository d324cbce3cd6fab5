import type { ReviewCard, ReviewLoadEvent } from 'review-elements';

/**
 * The state of App.svelte, in a runes module so `tsc -p demo/hosts` checks it (svelte-check,
 * which checks markup, is not installed); element-types.check.ts checks that these handlers and
 * values fit the generated SvelteHTMLElements types the markup binds them to.
 */
export function createReviewPage() {
  let layout = $state<ReviewCard['layout']>('full');
  let loadedTitle = $state<string>();
  const nextLayout = $derived<ReviewCard['layout']>(layout === 'full' ? 'compact' : 'full');
  return {
    get layout() {
      return layout;
    },
    get nextLayout() {
      return nextLayout;
    },
    get loaded() {
      return loadedTitle ? `Loaded: ${loadedTitle}` : 'Loading…';
    },
    onReviewLoad(event: ReviewLoadEvent) {
      loadedTitle = event.review.work.title;
    },
    toggleLayout() {
      layout = nextLayout;
    },
  };
}
