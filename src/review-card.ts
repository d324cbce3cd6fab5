/** Registers <review-card>. */
export * from './elements/review-card/index.js';
