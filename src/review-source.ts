/** Registers <review-source>. */
export * from './elements/review-source/index.js';
