import { createContext } from '@lit/context';
import type { Review, ReviewApiError, ReviewClient } from '../api/index.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a review-consuming element knows about its review at any moment. */
export interface ReviewState {
  readonly status: LoadStatus;
  /** The last review loaded; kept while a newer one loads, so elements can choose to show it. */
  readonly review: Review | undefined;
  readonly error: ReviewApiError | Error | undefined;
  /** Load again (after an error, or to revalidate). */
  readonly reload: () => void;
}

/** Where the review comes from: elements that talk to the API themselves (comments) need this. */
export interface ReviewSourceInfo {
  readonly client: ReviewClient;
  readonly api: string | undefined;
  readonly reviewId: string | undefined;
}

// Keys made with Symbol.for are shared by two copies of the bundle on one page, so a provider from
// one copy still feeds elements from the other. The `@1` is the context's own version: bump it
// when the value's shape changes incompatibly.
export const reviewStateContext = createContext<ReviewState | undefined>(Symbol.for('review-elements/review-state@1'));
export const reviewSourceContext = createContext<ReviewSourceInfo | undefined>(Symbol.for('review-elements/review-source@1'));
