import { ContextRoot, createContext } from '@lit/context';
import type { Review, ReviewClient } from '../api/index.js';
import type { DataState } from './data-controller.js';

export type { LoadStatus } from './data-controller.js';

/**
 * What a review-consuming element knows about its review at any moment: a `DataState` of the
 * review (`value`; before 0.2 this field was called `review`, and the context key was `@1`).
 */
export type ReviewState = DataState<Review>;

/** Where the review comes from: elements that talk to the API themselves (comments) need this. */
export interface ReviewSourceInfo {
  readonly client: ReviewClient;
  readonly api: string | undefined;
  readonly reviewId: string | undefined;
}

// Keys made with Symbol.for are shared by two copies of the bundle on one page, so a provider from
// one copy still feeds elements from the other. The `@1` is the context's own version: bump it
// when the value's shape changes incompatibly.
export const reviewStateContext = createContext<ReviewState | undefined>(Symbol.for('review-elements/review-state@2'));
export const reviewSourceContext = createContext<ReviewSourceInfo | undefined>(
  Symbol.for('review-elements/review-source@1'),
);

/** Page-wide: the comments of a review changed here, so `<comment-count>`s can update. */
export const COMMENTS_CHANGED = 'review-elements:comments-changed';
export interface CommentsChangedDetail {
  api: string;
  reviewId: string;
}

const ROOT = Symbol.for('review-elements/context-root');

/**
 * Lets a `<review-source>` that is defined after its children (per-element imports in any order)
 * still answer them: ContextRoot replays context requests that nobody answered. Once per page.
 */
export function ensureContextRoot(): void {
  const g = globalThis as { [ROOT]?: boolean };
  if (g[ROOT] || typeof document === 'undefined') return;
  g[ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}
