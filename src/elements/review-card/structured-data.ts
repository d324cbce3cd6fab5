import type { Review } from '../../api/index.js';
import { isoDuration } from '../../shared/format.js';

const ITEM_TYPE = { movie: 'Movie', series: 'TVSeries', episode: 'Episode' } as const;

/**
 * schema.org `Review` for the review-snippet rich result. Follows Google's rules: `reviewRating`
 * only from the reviewer's own score, always with best and worst; ratings from other sites are
 * never marked up (neither as ours nor as `aggregateRating`).
 */
export function reviewJsonLd(review: Review): Record<string, unknown> {
  const { work } = review;
  const authors = review.credits
    .filter((c) => c.role === 'author')
    .map((c) => ({ '@type': 'Person', name: c.name, ...(c.url && { url: c.url }) }));
  const item: Record<string, unknown> = {
    '@type': ITEM_TYPE[work.type],
    name: work.title,
    ...(work.originalTitle && { alternateName: work.originalTitle }),
    ...(work.year && { dateCreated: String(work.year) }),
    ...(work.poster && { image: work.poster.url }),
    ...(work.runtimeMinutes && { duration: isoDuration(work.runtimeMinutes) }),
    ...(work.genres.length && { genre: work.genres }),
    ...(work.countries.length && {
      countryOfOrigin: work.countries.map((name) => ({ '@type': 'Country', name })),
    }),
    ...(work.languages.length && { inLanguage: work.languages }),
    ...(work.ageRating && { contentRating: `${work.ageRating.system} ${work.ageRating.value}` }),
    ...(review.cast.length && {
      actor: review.cast.map((c) => ({
        '@type': 'PerformanceRole',
        actor: { '@type': 'Person', name: c.name, ...(c.url && { url: c.url }) },
        ...(c.character && { characterName: c.character }),
      })),
    }),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'Review',
    name: review.title,
    ...(review.url && { url: review.url }),
    inLanguage: review.lang,
    datePublished: review.publishedAt,
    ...(review.updatedAt && { dateModified: review.updatedAt }),
    ...(review.summary && { description: review.summary }),
    ...(authors.length && { author: authors.length === 1 ? authors[0] : authors }),
    ...(review.rating && {
      reviewRating: {
        '@type': 'Rating',
        ratingValue: review.rating.value,
        bestRating: review.rating.best,
        worstRating: review.rating.worst,
      },
    }),
    itemReviewed: item,
  };
}

/**
 * JSON that is safe inside `<script>` however the page is later serialised: `<`, `>` and `&` are
 * escaped, so no field can close the element (`</script>`) or open a comment (`<!--`); U+2028/9
 * are escaped for old JavaScript parsers that read the block.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MARK = 'data-review-card';

/**
 * The card's JSON-LD as HTML, for a server that renders the page: put it inside `<review-card>`
 * (light DOM), where the card finds it again on the client and leaves it as it is.
 */
export function jsonLdHtml(review: Review): string {
  return `<script type="application/ld+json" ${MARK}>${scriptSafeJson(reviewJsonLd(review))}</script>`;
}

interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScript: (s: string) => string }): { createScript(s: string): unknown };
}
let policy: { createScript(s: string): unknown } | null | undefined;

/**
 * The JSON as script text a page that requires Trusted Types accepts. A `<script>`'s text is a
 * Trusted Types sink even when its type is data, so it goes through our own policy,
 * `review-elements`, which only ever receives the escaped JSON built above. A page that limits
 * policy names must allow it (`trusted-types lit-html review-elements`); one that does not gets
 * no JSON-LD, never an exception.
 */
function trustedScript(json: string): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return json;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy('review-elements', { createScript: (s) => s });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScript(json) : undefined;
}

/** Puts (or updates, or removes) the JSON-LD script among the host's light-DOM children. */
export function syncJsonLd(host: HTMLElement, review: Review | undefined): void {
  let script = host.querySelector<HTMLScriptElement>(`:scope > script[${MARK}]`);
  if (!review) {
    script?.remove();
    return;
  }
  const json = scriptSafeJson(reviewJsonLd(review));
  if (script?.textContent === json) return;
  script?.remove();
  const text = trustedScript(json);
  if (text === undefined) return;
  script = document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute(MARK, '');
  script.text = text as string;
  host.append(script);
}
