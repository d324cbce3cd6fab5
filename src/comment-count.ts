/** Registers <comment-count>. */
export * from './elements/comment-count/index.js';
