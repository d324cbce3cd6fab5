import { css } from 'lit';

export const moderationStyles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .filters,
  .toolbar,
  .item-actions,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  .toolbar {
    position: sticky;
    top: 0;
    background: var(--_surface);
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_border);
    z-index: 1;
  }
  label {
    font-weight: 600;
  }
  select {
    max-inline-size: 100%;
  }
  /* A long review title must not widen the page: the select shrinks and cuts it instead. */
  #review {
    flex: 1 1 10rem;
    inline-size: 10rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  article {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  article.reported {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .who {
    font-weight: 700;
  }
  .muted {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  .reports {
    color: var(--_danger);
    font-weight: 600;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body p {
    margin: 0 0 0.5em;
  }
  blockquote {
    margin: 0 0 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-muted);
  }
  button.spoiler {
    font: inherit;
    border: 1px dashed var(--_text-muted);
    background: var(--_surface-raised);
    color: var(--_text);
    border-radius: 0.25em;
    cursor: pointer;
  }
  .spoiler.revealed {
    background: var(--_surface-raised);
  }
  dl {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.125rem 0.5rem;
    margin: 0;
    font-size: 0.9375em;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  h3,
  [role='heading'] {
    margin: 0;
    font-size: 1.0625em;
  }
  [part~='status'] {
    margin: 0;
    min-block-size: 1.5em;
  }
`;
