import type { Review } from './types.js';
import { safeImageUrl, safeLinkUrl } from './urls.js';

/**
 * Makes every URL in a review absolute (relative ones are relative to the document that held them,
 * so a static JSON file can sit beside its images) and drops the ones that are not safe to render.
 * After this, elements can bind any URL of a `Review` without checking it again.
 */
export function normalizeReview(review: Review, documentUrl: string): Review {
  const link = (u: string | undefined) => safeLinkUrl(u, documentUrl);
  const image = (u: string | undefined) => safeImageUrl(u, documentUrl);
  const poster = review.work.poster;
  const posterUrl = image(poster?.url);
  return {
    ...review,
    url: link(review.url) ?? '',
    work: {
      ...review.work,
      poster: poster && posterUrl ? { ...poster, url: posterUrl } : undefined,
      externalRatings: review.work.externalRatings.map((r) => ({ ...r, url: link(r.url) })),
    },
    credits: review.credits.map((c) => ({ ...c, url: link(c.url), avatar: image(c.avatar) })),
    cast: [...review.cast]
      .map((c, index) => ({ ...c, url: link(c.url), photo: image(c.photo), order: c.order ?? index + 1 }))
      .sort((a, b) => a.order - b.order),
    comments: { ...review.comments, url: link(review.comments.url) },
  };
}
