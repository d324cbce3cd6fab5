import { computed, ref } from 'vue';
import type { ReviewCard, ReviewLoadEvent } from 'review-elements';

/**
 * The state of App.vue, kept in TypeScript so `tsc -p demo/hosts` checks it (vue-tsc, which
 * checks templates, is not installed); element-types.check.ts checks that these handlers and
 * values fit the generated GlobalComponents types the template binds them to.
 */
export function useReviewPage() {
  const layout = ref<ReviewCard['layout']>('full');
  const loadedTitle = ref<string>();
  const nextLayout = computed<ReviewCard['layout']>(() => (layout.value === 'full' ? 'compact' : 'full'));
  return {
    layout,
    nextLayout,
    loaded: computed(() => (loadedTitle.value ? `Loaded: ${loadedTitle.value}` : 'Loading…')),
    onReviewLoad(event: ReviewLoadEvent) {
      loadedTitle.value = event.review.work.title;
    },
    toggleLayout() {
      layout.value = nextLayout.value;
    },
  };
}
