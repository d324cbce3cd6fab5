/** Registers <review-rating>. */
export * from './elements/review-rating/index.js';
