import { css } from 'lit';

/**
 * The elements' own buttons: a quiet pill by default, `.primary` for the one main action, `.link`
 * for small text actions. `aria-disabled` (not `disabled`) keeps a busy button focusable.
 */
export const buttonStyles = css`
  .button {
    font: inherit;
    padding: 0.375em 1em;
    border-radius: 999px;
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }
  .button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .button.link {
    border: 0;
    padding: 0.25em 0.375em;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;
