import { css } from 'lit';

export const formStyles = css`
  form {
    display: grid;
    gap: 0.75rem;
  }
  .heading {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 700;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .row > .field {
    flex: 1 1 14rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  input,
  textarea {
    --_field-padding: 0.5em 0.625em;
  }
  textarea {
    min-block-size: 7rem;
    resize: vertical;
    line-height: 1.5;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .hint,
  .count {
    font-size: 0.8125em;
    color: var(--_text-muted);
    margin: 0;
  }
  /* "Formatting help": a small link-like button at the start of its row, the help below it on demand. */
  button.hint {
    justify-self: start;
    padding-inline: 0;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 700;
  }
  .error-text {
    margin: 0;
    font-size: 0.875em;
    color: var(--_danger);
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: 400;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .restored {
    margin: 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  /* The honeypot: out of sight and out of the accessibility tree; bots fill it in, people do not.
     Clipped in place rather than pushed off-screen: an offset pushes a right-to-left page sideways. */
  .trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
