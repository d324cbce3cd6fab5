import type { ReviewClient } from '../api/index.js';
import { absoluteUrl } from '../api/urls.js';
import type { ReviewSourceInfo } from './contexts.js';
import { sharedClient } from './shared-client.js';

/** The attributes an element has to say where its review comes from. */
export interface ReviewSourceProps {
  /** URL of a static review document. */
  src?: string;
  /** Base URL of a review API (`https://reviews.example/v1`). */
  api?: string;
  /** Id of the review at `api`. */
  review?: string;
}

/** Where an element's data comes from, once its own attributes and the nearest source are weighed. */
export interface Origin {
  /** A static document's URL (own `src`). */
  src?: string;
  /** The API base, absolute: own `api`, else the source's. */
  api?: string;
  /** The review id: own `review`, else the source's. */
  id?: string;
  /** The client to ask: the page-wide one for own `api` (or `src`), else the source's. */
  client?: ReviewClient;
  /** True when the element's own attributes name what to load (they win over the source). */
  own: boolean;
}

/**
 * The one rule for where data comes from: the element's own attributes win over the nearest
 * `<review-source>`, and fill in from it (a card with only `review="other"` inside a source with an
 * `api` shows that other review from the same API). Preloaded data comes after both (see
 * `DataController`).
 */
export function resolveOrigin(own: ReviewSourceProps, source: ReviewSourceInfo | undefined): Origin {
  if (own.src) return { src: own.src, client: sharedClient(), own: true };
  const api = own.api ?? source?.api;
  const id = own.review ?? source?.reviewId;
  const client = own.api ? sharedClient(own.api) : source?.api ? source.client : api ? sharedClient(api) : undefined;
  return { api: api ? absoluteUrl(api) : undefined, id, client, own: Boolean(own.api || own.review) };
}
