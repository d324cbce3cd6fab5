/**
 * Everything: registers every element (<review-source> first, so it can answer the others at
 * once) and exports their classes, the events and the API client. The CDN bundle is built from this.
 *
 * English, Korean and Chinese are built in: a blog in Korean pastes the same one script tag and
 * gets Korean at the first render. Fetching it on demand cost such a page a layout shift of 0.165
 * (measured with `npm run bench`): the elements could not render until it arrived. The other
 * catalogues are files beside the bundle, loaded on demand (each one built in would cost every
 * page about 2.5 KB gzip, and the size budget): elements show English until theirs arrives.
 */
import './locales/ko.js';
import './locales/zh-Hans.js';
export * from './elements/review-source/index.js';
export * from './elements/review-rating/index.js';
export * from './elements/review-card/index.js';
export * from './elements/content-warning/index.js';
export * from './elements/content-warning-settings/index.js';
export * from './elements/cast-list/index.js';
export * from './elements/comment-thread/index.js';
// Defined by the thread on a reader's first Report; here (in review-elements.all.js too) its class.
export { CommentReport } from './elements/comment-thread/comment-report.js';
export * from './elements/comment-count/index.js';
export * from './data/events.js';
export type { DroppedField } from './api/lenient.js';
export type { ReviewState, ReviewSourceInfo, LoadStatus } from './data/contexts.js';
export { defineElement } from './shared/define-element.js';
export { VERSION } from './shared/version.js';
// For a server that renders the elements (@lit-labs/ssr): the page URL relative URLs in data resolve against.
export { setServerBaseUrl } from './shared/base-url.js';
export { ReviewClient, ReviewApiError } from './api/index.js';
export type {
  CastMember,
  Comment,
  CommentInput,
  CommentPage,
  CommentSort,
  CreatedComment,
  Credit,
  ExternalRating,
  Image,
  Page,
  Rating,
  Review,
  ReviewInput,
  ReviewSummary,
  Severity,
  Work,
  WorkType,
  // The element is ContentWarning; the review document's entry type keeps a distinct name here.
  ContentWarning as ContentWarningEntry,
} from './api/types.js';
