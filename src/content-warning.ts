/** Registers <content-warning>. */
export * from './elements/content-warning/index.js';
