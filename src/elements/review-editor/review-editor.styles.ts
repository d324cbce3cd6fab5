import { css } from 'lit';

export const editorStyles = css`
  :host {
    --_field-padding: 0.5em 0.625em;
    display: block;
    container-type: inline-size;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  @container (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
      align-items: start;
    }
    [part~='preview'] {
      position: sticky;
      top: var(--_space);
    }
  }
  form {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }
  .field,
  .image,
  .section,
  .rows fieldset {
    grid-template-columns: minmax(0, 1fr);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .pair {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  }
  label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  input:not([type='checkbox']):not([type='file']),
  select,
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
  }
  textarea {
    min-block-size: 5em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .error {
    color: var(--_danger);
    margin: 0;
    font-size: 0.9375em;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .image {
    display: grid;
    gap: 0.5rem;
  }
  input[type='file'] {
    font: inherit;
    inline-size: 100%;
    min-inline-size: 0;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .rows fieldset {
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) / 2);
    display: grid;
    gap: 0.5rem;
    margin: 0;
    min-inline-size: 0;
  }
  .row-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .id code {
    font-size: 1em;
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  [part~='status'] {
    margin: 0;
    min-block-size: 1.5em;
  }
  [part~='preview'] {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .stale {
    color: var(--_text-muted);
    margin: 0;
  }
  .state {
    font-weight: 600;
    color: var(--_text-muted);
  }
`;
