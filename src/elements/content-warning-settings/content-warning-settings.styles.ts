import { css } from 'lit';

export const styles = css`
  :host {
    color: var(--_text);
    line-height: 1.5;
  }
  /* The panel and its list of topics are both stacks; the list's is tighter. */
  [part~='base'],
  [part~='topics'] {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  [part~='base'] {
    overflow-wrap: anywhere;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  [part~='intro'],
  [part~='status'] {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  [part~='topics'] {
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    cursor: pointer;
  }
  input {
    margin: 0;
    accent-color: var(--_accent);
  }
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
