/**
 * The owner's desk: `<review-admin>` (the /admin/ page of the reference server), `<review-editor>`
 * and `<comment-moderation>`, with the reader elements the preview uses and every catalogue.
 * Its own entry (dist/admin/admin.js): none of it is in the readers' bundle.
 */
import './locales/ko.js';
import './locales/zh-Hans.js';
import './elements/review-card/index.js';
import './elements/cast-list/index.js';
import './elements/content-warning/index.js';
export * from './elements/review-editor/index.js';
export * from './elements/comment-moderation/index.js';
export { ReviewAdmin } from './admin/review-admin.js';
export { AdminClient, AdminApiError } from './admin/admin-client.js';
