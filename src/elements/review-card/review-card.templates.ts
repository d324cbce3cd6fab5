import { html, nothing, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ExternalRating, Review } from '../../api/index.js';
import { heading } from '../../shared/heading.js';
import {
  formatDate,
  formatList,
  formatNumber,
  formatPercent,
  formatRuntime,
  isoDuration,
  langTag,
  plural,
  regionName,
} from '../../shared/format.js';
import { roleLabel } from '../../shared/vocabulary.js';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';

export interface View {
  locale: string;
  t: Pick<Translation, BaseKey>;
  compact: boolean;
  /** The title's heading level (1–6). */
  heading: number;
}

const FILM_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h2v2h12V3h2v18h-2v-2H6v2H4V3zm2 4v4h12V7H6zm0 6v4h12v-4H6z"/></svg>`;

function externalRating(r: ExternalRating, { locale, t }: View) {
  const n = (x: number) => formatNumber(locale, x, { maximumFractionDigits: 1 });
  const main = r.unit === 'percent' ? formatPercent(locale, r.value) : `${n(r.value)}/${n(r.best)}`;
  const average = r.average !== undefined ? t.externalAverage(n(r.average), n(r.averageBest ?? 10)) : undefined;
  const value = average ? `${main} · ${average}` : main;
  return html`<div>
    <dt>${r.url ? html`<a href=${r.url} rel="noopener" target="_blank">${r.source}</a>` : r.source}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** The loaded card. Every string from the document goes through a lit binding, never into markup. */
export function loadedTemplate(review: Review, view: View) {
  const { locale, t, compact, heading: level } = view;
  const { work } = review;
  const eyebrow = [
    t.workType[work.type] ?? work.type,
    work.year !== undefined ? String(work.year) : undefined,
    work.countries.length
      ? formatList(
          locale,
          work.countries.map((c) => regionName(locale, c)),
        )
      : undefined,
  ].filter(Boolean);
  const originalLang = langTag(work.languages[0]);
  const showOriginal = work.originalTitle && work.originalTitle !== work.title;
  const commentsHref = review.comments.url ?? (review.url ? `${review.url}#comments` : undefined);
  const comments = plural(locale, t.comments, review.commentCount);

  return html`
    <div class="poster" part="poster">
      ${
        work.poster
          ? html`<img
            src=${work.poster.url}
            alt=${work.poster.alt || t.posterAlt(work.title)}
            width=${ifDefined(work.poster.width)}
            height=${ifDefined(work.poster.height)}
            loading="lazy"
            decoding="async"
          />`
          : FILM_ICON
      }
    </div>
    <div class="head" part="head">
      <p class="eyebrow" part="eyebrow">${eyebrow.join(' · ')}</p>
      ${heading(level, work.title, 'title', -1)}
      ${
        showOriginal
          ? html`<p part="original-title">
            <span class="visually-hidden">${t.originalTitle}: </span><span lang=${ifDefined(originalLang)}
              >${work.originalTitle}</span
            >
          </p>`
          : nothing
      }
      ${factsTemplate(review, view)}
    </div>
    <div class="details" part="details">
      ${
        review.rating || (work.externalRatings.length && !compact)
          ? html`<div part="ratings">
            ${
              review.rating
                ? html`<span part="score"
                  ><review-rating
                    exportparts="base:rating__base, star:rating__star, value:rating__value"
                    value=${review.rating.value}
                    best=${review.rating.best}
                    label=${`${t.reviewerScore}: ${t.ratingOutOf(
                      formatNumber(locale, review.rating.value, { maximumFractionDigits: 1 }),
                      formatNumber(locale, review.rating.best),
                    )}`}
                  ></review-rating
                  ><span aria-hidden="true">${t.reviewerScore}</span></span
                >`
                : nothing
            }
            ${
              work.externalRatings.length && !compact
                ? html`<dl part="external-ratings" aria-label=${t.externalRatings}>
                  ${work.externalRatings.map((r) => externalRating(r, view))}
                </dl>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${review.verdict ? html`<p part="verdict">${review.verdict}</p>` : nothing}
      ${review.summary && !compact ? html`<p part="summary">${review.summary}</p>` : nothing}
      ${
        review.credits.length && !compact
          ? html`<ul part="credits" class="inline-list" aria-label=${t.credits}>
            ${review.credits.map(
              (c) =>
                // No whitespace at the start of an item: it would show after the "·" separator. The
                // item's text is isolated so the separator stays at the start of the page's line.
                html`<li><bdi>${roleLabel(t.creditRole, t.unknownRole, c.role, locale)} ${c.url ? html`<a href=${c.url}>${c.name}</a>` : html`<strong>${c.name}</strong>`}</bdi></li>`,
            )}
          </ul>`
          : nothing
      }
      <div part="footer">
        <time part="date" datetime=${review.publishedAt}>${t.published(formatDate(locale, review.publishedAt))}</time>
        ${
          commentsHref
            ? html`<a part="comment-count" href=${commentsHref}>${comments}</a>`
            : html`<span part="comment-count">${comments}</span>`
        }
        ${
          review.url
            ? html`<a part="link" href=${review.url} aria-label=${`${t.readReview}: ${work.title}`}>${t.readReview}</a>`
            : nothing
        }
        <slot name="actions"></slot>
      </div>
    </div>
  `;
}

function factsTemplate(review: Review, { locale, t, compact }: View) {
  const { work } = review;
  const facts = [
    work.runtimeMinutes
      ? html`<li><bdi><span class="visually-hidden">${t.runtimeLabel}: </span><time datetime=${isoDuration(work.runtimeMinutes)}>${formatRuntime(locale, t, work.runtimeMinutes)}</time></bdi></li>`
      : undefined,
    work.genres.length
      ? html`<li><bdi><span class="visually-hidden">${t.genres}: </span>${formatList(locale, work.genres)}</bdi></li>`
      : undefined,
    work.ageRating && !compact
      ? html`<li><bdi><span class="visually-hidden">${t.ageRating}: </span>${work.ageRating.system} ${work.ageRating.value}</bdi></li>`
      : undefined,
    // Said, not left out: "no warnings" would otherwise read as "nothing to warn about".
    review.contentWarnings === 'not-warned' ? html`<li part="not-warned"><bdi>${t.notWarned}</bdi></li>` : undefined,
  ].filter(Boolean);
  return facts.length ? html`<ul part="facts" class="inline-list" aria-label=${t.details}>${facts}</ul>` : nothing;
}

type BoneWidth = 's' | 'm' | 'l' | 'half' | 'most' | 'full';
const bone = (width: BoneWidth) => html`<span class=${`bone ${width}`}>&nbsp;</span>`;

/**
 * The loading skeleton: the same elements, classes and line counts as a typical loaded card, so
 * the card keeps its height when the data arrives. Bones are sized with classes only (no inline
 * styles would pass a strict CSP), hence the fixed widths below.
 */
export function skeletonTemplate({ t, compact, heading: level }: View) {
  return html`
    <div class="poster" part="poster"></div>
    <div class="head" part="head" aria-hidden="true">
      <p class="eyebrow">${bone('s')}</p>
      ${heading(level, bone('most'))}
      <p part="original-title">${bone('s')}</p>
      <ul class="inline-list"><li>${bone('m')}</li></ul>
    </div>
    <div class="details" part="details" aria-hidden="true">
      <div part="ratings">
        <span part="score">${bone('m')}</span>
        ${compact ? nothing : html`<span part="external-ratings">${bone('l')}</span>`}
      </div>
      <p part="verdict">${bone('full')}<br />${bone('most')}</p>
      ${compact ? nothing : html`<p part="summary">${bone('full')}<br />${bone('full')}<br />${bone('half')}</p>`}
      ${compact ? nothing : html`<p part="credits">${bone('l')}<span class="narrow-only"><br />${bone('m')}</span></p>`}
      <div part="footer"><span part="date">${bone('l')}</span><span part="link">${bone('m')}</span></div>
    </div>
    <span class="visually-hidden">${t.loading}</span>
  `;
}

export function emptyTemplate({ t }: View) {
  return html`<p class="empty" part="empty">${t.empty}</p>`;
}
