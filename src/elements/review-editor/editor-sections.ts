/** The sections of `<review-editor>`'s form, in the order of the review document. */
import { html } from 'lit';
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

export function ratingsSection(ctx: FieldContext) {
  const e = ctx.t.editor;
  const path = ['work', 'externalRatings'];
  return html`<fieldset class="section">
    <legend>${e.sections.ratings}</legend>
    ${rows(
      ctx,
      path,
      e.sections.ratings,
      e.add.rating,
      () => ({ source: '', value: 0, best: 100, unit: 'score' }),
      (i) => html`
      ${field(ctx, [...path, i, 'source'], e.source)}
      <div class="pair">${field(ctx, [...path, i, 'value'], e.score, { kind: 'number' })} ${field(ctx, [...path, i, 'best'], e.best, { kind: 'number', optional: true })}</div>
      ${select(ctx, [...path, i, 'unit'], e.unit, e.units)} ${field(ctx, [...path, i, 'url'], e.link, { kind: 'url', optional: true })}
    `,
    )}
  </fieldset>`;
}

export function creditsSection(ctx: FieldContext) {
  const e = ctx.t.editor;
  const path = ['credits'];
  return html`<fieldset class="section">
    <legend>${e.sections.credits}</legend>
    <datalist id="roles">${Object.entries(e.roles).map(([id, name]) => html`<option value=${id}>${name}</option>`)}</datalist>
    ${rows(
      ctx,
      path,
      e.sections.credits,
      e.add.credit,
      () => ({ role: 'director', name: '' }),
      (i) => html`
      <div class="pair">${field(ctx, [...path, i, 'role'], e.role, { datalist: 'roles' })} ${field(ctx, [...path, i, 'name'], e.name)}</div>
      ${field(ctx, [...path, i, 'url'], e.link, { kind: 'url', optional: true })} ${image(ctx, [...path, i, 'avatar'], e.avatar)}
    `,
      true,
    )}
  </fieldset>`;
}

export function castSection(ctx: FieldContext) {
  const e = ctx.t.editor;
  const path = ['cast'];
  return html`<fieldset class="section">
    <legend>${e.sections.cast}</legend>
    ${rows(
      ctx,
      path,
      e.sections.cast,
      e.add.cast,
      () => ({ name: '' }),
      (i) => html`
      <div class="pair">${field(ctx, [...path, i, 'name'], e.actor)} ${field(ctx, [...path, i, 'character'], e.character, { optional: true })}</div>
      ${image(ctx, [...path, i, 'photo'], e.photo)} ${field(ctx, [...path, i, 'url'], e.link, { kind: 'url', optional: true })}
    `,
      true,
    )}
  </fieldset>`;
}

export function warningsSection(ctx: FieldContext) {
  const e = ctx.t.editor;
  const path = ['contentWarnings'];
  return html`<fieldset class="section">
    <legend>${e.sections.warnings}</legend>
    ${rows(
      ctx,
      path,
      e.sections.warnings,
      e.add.warning,
      () => ({ topic: 'violence', severity: 'medium' }),
      (i) => html`
      <div class="pair">${select(ctx, [...path, i, 'topic'], e.topic, ctx.topics)} ${select(ctx, [...path, i, 'severity'], e.severity, e.severities)}</div>
      ${field(ctx, [...path, i, 'note'], e.note, { optional: true })}
    `,
    )}
  </fieldset>`;
}
