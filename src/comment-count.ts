/** Registers <comment-count>. */
export * from './elements/comment-count/index.js';
// Types only (nothing is bundled): brings the `review-load` / `review-error` entries of
// HTMLElementEventMap with whichever entry an app imports, so its listeners are typed.
export type { ReviewLoadEvent, ReviewErrorEvent } from './data/events.js';
