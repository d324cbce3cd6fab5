import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** 1–6 from a `heading-level` attribute, which may be anything; 2 when it is not a number. */
export const headingLevel = (level: number) => Math.min(Math.max(Math.round(level) || 2, 1), 6);

/**
 * The element's title at the level the page asks for. One template per level, rather than lit's
 * static-html with a tag name from a `literal`: that module cost ~0.4 KB gzip on every page with
 * a card (issue #16), and six short templates compress to almost nothing.
 */
export function heading(level: number, content: unknown, id?: string, tabindex?: number): TemplateResult {
  switch (headingLevel(level)) {
    case 1:
      return html`<h1 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h1>`;
    case 3:
      return html`<h3 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h3>`;
    case 4:
      return html`<h4 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h4>`;
    case 5:
      return html`<h5 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h5>`;
    case 6:
      return html`<h6 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h6>`;
    default:
      return html`<h2 part="title" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${content}</h2>`;
  }
}
