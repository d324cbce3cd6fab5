/** The sections of `<review-editor>`'s form, in the order of the review document. */
import { html, type TemplateResult } from 'lit';
import { checkbox, field, image, rows, select, type FieldContext } from './editor-fields.js';

export function reviewSection(ctx: FieldContext, isNew: boolean) {
  const e = ctx.t.editor;
  return html`<fieldset class="section">
    <legend>${e.sections.review}</legend>
    ${isNew ? field(ctx, ['id'], e.id) : html`<p class="id"><span>${e.id}</span> <code>${ctx.doc.id}</code></p>`}
    ${field(ctx, ['title'], e.title)} ${field(ctx, ['url'], e.url, { kind: 'url' })}
    <div class="pair">${field(ctx, ['lang'], e.lang)} ${field(ctx, ['publishedAt'], e.publishedAt, { kind: 'date' })}</div>
    ${field(ctx, ['summary'], e.summary, { kind: 'textarea', optional: true })} ${field(ctx, ['verdict'], e.verdict, { optional: true })}
    <div class="pair">
      ${field(ctx, ['rating', 'value'], e.rating, { kind: 'number', optional: true })} ${field(ctx, ['rating', 'best'], e.ratingBest, { kind: 'number', optional: true })}
    </div>
    ${ctx.errors.has('rating') ? html`<p class="error" id="e-rating">${ctx.errors.get('rating')}</p>` : ''}
    <div class="pair">${field(ctx, ['category'], e.category, { optional: true })} ${field(ctx, ['tags'], e.tags, { kind: 'list' })}</div>
    ${checkbox(ctx, ['comments', 'open'], e.commentsOpen)}
  </fieldset>`;
}

export function workSection(ctx: FieldContext) {
  const e = ctx.t.editor;
  return html`<fieldset class="section">
    <legend>${e.sections.work}</legend>
    ${field(ctx, ['work', 'title'], e.workTitle)} ${field(ctx, ['work', 'originalTitle'], e.originalTitle, { optional: true })}
    <div class="pair">
      ${select(ctx, ['work', 'type'], e.workType, e.workTypes)} ${field(ctx, ['work', 'year'], e.year, { kind: 'number', step: '1', optional: true })}
    </div>
    <div class="pair">
      ${field(ctx, ['work', 'runtimeMinutes'], e.runtime, { kind: 'number', step: '1', optional: true })} ${field(ctx, ['work', 'genres'], e.genres, { kind: 'list' })}
    </div>
    <div class="pair">${field(ctx, ['work', 'countries'], e.countries, { kind: 'list' })} ${field(ctx, ['work', 'languages'], e.languages, { kind: 'list' })}</div>
    ${image(ctx, ['work', 'poster', 'url'], e.poster)} ${field(ctx, ['work', 'poster', 'alt'], e.posterAlt, { optional: true })}
  </fieldset>`;
}

type ListKey = 'ratings' | 'credits' | 'cast' | 'warnings';
const ADD: Record<ListKey, 'rating' | 'credit' | 'cast' | 'warning'> = {
  ratings: 'rating',
  credits: 'credit',
  cast: 'cast',
  warnings: 'warning',
};
type At = (...key: (string | number)[]) => (string | number)[];

/** A section that is a list of rows (ratings, credits, cast, warnings): its legend, rows and Add. */
function listSection(
  ctx: FieldContext,
  key: ListKey,
  path: string[],
  blank: () => unknown,
  row: (at: At, e: FieldContext['t']['editor']) => TemplateResult,
  { ordered = false, before }: { ordered?: boolean; before?: TemplateResult } = {},
) {
  const e = ctx.t.editor;
  const legend = e.sections[key];
  return html`<fieldset class="section">
    <legend>${legend}</legend>
    ${before ?? ''}
    ${rows(ctx, path, legend, e.add[ADD[key]], blank, (i) => row((...at) => [...path, i, ...at], e), ordered)}
  </fieldset>`;
}

export const ratingsSection = (ctx: FieldContext) =>
  listSection(
    ctx,
    'ratings',
    ['work', 'externalRatings'],
    () => ({ source: '', value: 0, best: 100, unit: 'score' }),
    (at, e) => html`
      ${field(ctx, at('source'), e.source)}
      <div class="pair">${field(ctx, at('value'), e.score, { kind: 'number' })} ${field(ctx, at('best'), e.best, { kind: 'number', optional: true })}</div>
      ${select(ctx, at('unit'), e.unit, e.units)} ${field(ctx, at('url'), e.link, { kind: 'url', optional: true })}`,
  );

type Editor = FieldContext['t']['editor'];

/**
 * Credits and cast: ordered lists of people, each row two fields side by side (`pair`), then the
 * person's link and picture, in the same order in both.
 */
const peopleSection = (
  ctx: FieldContext,
  key: 'credits' | 'cast',
  blank: () => unknown,
  pair: (at: At, e: Editor) => TemplateResult,
  picture: ['avatar' | 'photo', (e: Editor) => string],
  before?: TemplateResult,
) =>
  listSection(
    ctx,
    key,
    [key],
    blank,
    (at, e) => html`<div class="pair">${pair(at, e)}</div>
      ${field(ctx, at('url'), e.link, { kind: 'url', optional: true })} ${image(ctx, at(picture[0]), picture[1](e))}`,
    { ordered: true, before },
  );

export const creditsSection = (ctx: FieldContext) =>
  peopleSection(
    ctx,
    'credits',
    () => ({ role: 'director', name: '' }),
    (at, e) => html`${field(ctx, at('role'), e.role, { datalist: 'roles' })} ${field(ctx, at('name'), e.name)}`,
    ['avatar', (e) => e.avatar],
    html`<datalist id="roles">${Object.entries(ctx.t.editor.roles).map(([id, name]) => html`<option value=${id}>${name}</option>`)}</datalist>`,
  );

export const castSection = (ctx: FieldContext) =>
  peopleSection(
    ctx,
    'cast',
    () => ({ name: '' }),
    (at, e) => html`${field(ctx, at('name'), e.actor)} ${field(ctx, at('character'), e.character, { optional: true })}`,
    ['photo', (e) => e.photo],
  );

export const warningsSection = (ctx: FieldContext) =>
  listSection(
    ctx,
    'warnings',
    ['contentWarnings'],
    () => ({ topic: 'violence', severity: 'medium' }),
    (at, e) => html`
      <div class="pair">${select(ctx, at('topic'), e.topic, ctx.topics)} ${select(ctx, at('severity'), e.severity, e.severities)}</div>
      ${field(ctx, at('note'), e.note, { optional: true })}`,
  );
