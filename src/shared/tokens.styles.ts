import { css } from 'lit';

/**
 * The design tokens, in three tiers (see docs/theming.md):
 * 1. global `--review-*` properties a blog sets once on `:root` or any ancestor;
 * 2. per-element `--review-card-*` knobs, declared in each element's styles;
 * 3. private `--_*` copies, the only ones element CSS reads, so a fallback is written once.
 *
 * Light and dark values come from `light-dark()`, driven by `color-scheme`, which elements inherit
 * from the page: a page that supports dark mode (`color-scheme: light dark`) gets the reader's
 * `prefers-color-scheme`; a light-only blog theme keeps light elements even for a reader in dark
 * mode, so no light text lands on its white page. `theme="light|dark"` on an element, or
 * `--review-color-scheme` on any ancestor, pins it. Every text colour pair here is at least 4.5:1
 * in both schemes.
 */
export const tokens = css`
  :host {
    /* Unset, this is invalid at computed-value time, and color-scheme inherits from the page. */
    color-scheme: var(--review-color-scheme);
    --_text: var(--review-text, light-dark(#1f1c24, #ece8f1));
    --_text-muted: var(--review-text-muted, light-dark(#57525e, #b9b3c2));
    --_surface: var(--review-surface, light-dark(#ffffff, #1c1a21));
    --_surface-raised: var(--review-surface-raised, light-dark(#f3f1f5, #2a2731));
    --_border: var(--review-border, light-dark(#d9d5de, #45404d));
    --_accent: var(--review-accent, light-dark(#8c1d40, #ff9ab8));
    --_accent-text: var(--review-accent-text, light-dark(#ffffff, #2a0512));
    --_rating: var(--review-rating-color, light-dark(#a35200, #ffc062));
    --_danger: var(--review-danger, light-dark(#b3261e, #ffb4ab));
    --_focus: var(--review-focus-ring, light-dark(#1a5fb4, #99c1f1));
    --_radius: var(--review-radius, 0.75rem);
    --_space: var(--review-space, 1rem);
    --_skeleton: var(--review-skeleton, light-dark(#e7e4eb, #34303b));
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;

/** What every element's host needs: its own box model and a `hidden` that really hides. */
export const hostReset = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* Unset, this is invalid at computed-value time and so inherits the page's font. */
    font-family: var(--review-font);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
