/** Registers <content-warning-settings>. */
export * from './elements/content-warning-settings/index.js';
