/** The JSON review contract: types, schemas, the client and its errors. No lit, no DOM. */
export * from './client.js';
export * from './errors.js';
export * from './limits.js';
export * from './schemas.js';
export type * from './types.js';
export { normalizeReview } from './normalize.js';
export { joinUrl, safeImageUrl, safeLinkUrl } from './urls.js';
