/** Registers <comment-thread>. */
export * from './elements/comment-thread/index.js';
