import { css } from 'lit';

/**
 * Form controls drawn with the element's tokens and the host's font, the same in every element
 * that has them (the owner's desk; the thread's sort, edit box and comment form). A control's
 * padding is its element's: `--_field-padding`.
 */
export const fieldStyles = css`
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_text-muted);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_field-padding, 0.375em 0.5em);
    min-inline-size: 0;
  }
`;
