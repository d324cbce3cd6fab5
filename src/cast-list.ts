/** Registers <cast-list>. */
export * from './elements/cast-list/index.js';
