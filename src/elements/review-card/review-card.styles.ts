import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    color: var(--_text);
    --_poster-width: var(--review-card-poster-width, 9rem);
    --_padding: var(--review-card-padding, var(--_space));
    --_title-size: var(--review-card-title-size, 1.375em);
    line-height: 1.5;
  }
  :host([layout='compact']) {
    --_poster-width: var(--review-card-poster-width, 4.5rem);
    --_title-size: var(--review-card-title-size, 1.125em);
  }
  [part~='base'] {
    display: grid;
    grid-template-columns: var(--_poster-width) minmax(0, 1fr);
    grid-template-rows: auto 1fr;
    grid-template-areas: 'poster head' 'poster details';
    align-items: start;
    gap: 0.375rem var(--_space);
    padding: var(--_padding);
    background: var(--review-card-background, var(--_surface));
    border: var(--review-card-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  [part~='base']:focus-visible {
    outline-offset: -2px;
  }
  .poster {
    grid-area: poster;
    aspect-ratio: 2 / 3;
    inline-size: 100%;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    overflow: hidden;
  }
  .poster img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .poster svg {
    display: block;
    inline-size: 40%;
    margin: 30% auto;
    fill: var(--_text-muted);
  }
  .head,
  .details {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    min-inline-size: 0;
  }
  .head {
    grid-area: head;
  }
  .details {
    grid-area: details;
  }
  .narrow-only {
    display: none;
  }
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  .eyebrow {
    font-size: 0.8125em;
    letter-spacing: 0.02em;
    color: var(--_text-muted);
  }
  [part~='title'] {
    margin: 0;
    font-size: var(--_title-size);
    line-height: 1.25;
    font-weight: 700;
  }
  [part~='original-title'] {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  /* Every item starts with its "·"; the list is shifted by one separator's width and that strip is
     clipped, so the separator of whichever item starts a line (after wrapping, too) is never seen. */
  .inline-list {
    display: flex;
    flex-wrap: wrap;
    padding: 0;
    margin-inline-start: -1.25em;
    clip-path: inset(0 0 0 1.25em);
    list-style: none;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  :host(:dir(rtl)) .inline-list {
    clip-path: inset(0 1.25em 0 0);
  }
  /* A string in the other direction from the page (English in a right-to-left page, a Latin name in
     Arabic) keeps its own order ("1 h 33 min", not "h 33 min 1") while the layout follows the page.
     A list item's text is a <bdi>: the item itself keeps the page's direction, so its "·" stays at
     the start of the line, inside the clipped strip (with the item's own direction it was drawn
     at the other end, and the item's last letters were clipped instead). */
  .eyebrow,
  [part~='footer'] > *,
  [part~='external-ratings'] dd {
    unicode-bidi: plaintext;
  }
  .inline-list > li::before {
    content: '·';
    display: inline-block;
    inline-size: 1.25em;
    text-align: center;
  }
  [part~='ratings'],
  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  [part~='ratings'] {
    gap: 0.25rem 1.25rem;
    min-block-size: 1.75rem;
  }
  [part~='score'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-size: 0.875em;
  }
  [part~='external-ratings'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.875em;
  }
  [part~='external-ratings'] div {
    display: flex;
    gap: 0.375em;
  }
  [part~='external-ratings'] dt {
    font-weight: 600;
  }
  [part~='verdict'] {
    font-weight: 600;
  }
  [part~='verdict'],
  [part~='summary'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_clamp);
    overflow: hidden;
  }
  /* Verdict and summary always take their clamped number of lines, so every card of a layout and
     width has the same height: no shift when data arrives, and even rows in a listing grid. */
  [part~='verdict'] {
    --_clamp: var(--review-card-verdict-lines, 2);
  }
  [part~='summary'] {
    --_clamp: var(--review-card-summary-lines, 3);
  }
  [part~='verdict'],
  [part~='summary'] {
    min-block-size: calc(var(--_clamp) * 1lh);
  }
  [part~='credits'] {
    font-size: 0.875em;
  }
  [part~='footer'] {
    gap: 0.25rem 1rem;
    margin-block-start: 0.25rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  [part~='link'] {
    margin-inline-start: auto;
    font-weight: 600;
  }
  /* Narrow containers (a phone, a sidebar): a smaller poster beside the head, the rest below at
     full width, each rating and the link on a line of their own so the height stays predictable. */
  @container (max-width: 30rem) {
    [part~='base'] {
      --_poster-width: var(--review-card-poster-width, 5.5rem);
      grid-template-areas: 'poster head' 'details details';
      row-gap: 0.75rem;
      column-gap: 0.75rem;
    }
    :host([layout='compact']) [part~='base'] {
      --_poster-width: var(--review-card-poster-width, 3.5rem);
    }
    [part~='ratings'] {
      flex-direction: column;
      align-items: flex-start;
    }
    [part~='link'] {
      flex-basis: 100%;
      margin-inline-start: 0;
    }
    .narrow-only {
      display: inline;
    }
  }
  /* Loading: the same boxes as the loaded card, so nothing below moves when data arrives. */
  .bone.s {
    inline-size: 6em;
  }
  .bone.m {
    inline-size: 10em;
  }
  .bone.l {
    inline-size: 16em;
  }
  .bone.half {
    inline-size: 50%;
  }
  .bone.most {
    inline-size: 70%;
  }
  .bone.full {
    inline-size: 100%;
  }
  .error {
    grid-area: auto;
    grid-column: 1 / -1;
  }
  .empty {
    grid-area: auto;
    grid-column: 1 / -1;
    color: var(--_text-muted);
  }
`;
