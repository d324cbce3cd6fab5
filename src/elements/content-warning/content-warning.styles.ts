import { css } from 'lit';

export const styles = css`
  :host {
    color: var(--_text);
    --_notice-background: var(--content-warning-background, var(--_surface-raised));
    --_notice-border: var(--content-warning-border, var(--_border));
    --_blur: var(--content-warning-blur, 18px);
  }
  [part~='base'] {
    display: grid;
  }
  /* In blur mode the notice sits over the blurred preview, in the same grid cell. */
  :host([mode='blur']) .concealed > * {
    grid-area: 1 / 1;
  }
  [part~='notice'] {
    z-index: 1;
    align-self: start;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_notice-border);
    border-inline-start: 0.375rem solid var(--_notice-border);
    border-radius: var(--_radius);
    background: var(--_notice-background);
    line-height: 1.5;
    /* Topics and notes come from review data: a long word wraps instead of widening the notice. */
    overflow-wrap: anywhere;
  }
  [part~='notice'].high {
    border-inline-start-color: var(--_danger);
  }
  [part~='notice'] p {
    margin: 0;
  }
  [part~='title'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 700;
  }
  [part~='title'] svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
    flex: none;
  }
  [part~='topics'] {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  [part~='topics'] li + li {
    margin-block-start: 0.25em;
  }
  .severity-high {
    font-weight: 700;
  }
  .topic-note {
    display: block;
    font-weight: 400;
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  [part~='actions'],
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  [part~='controls'] {
    margin-block-start: 0.5rem;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='content'] {
    min-inline-size: 0;
  }
  [part~='content']:focus {
    outline: none;
  }
  [part~='content']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  :host([mode='blur']) .concealed [part~='content'] {
    filter: blur(var(--_blur));
    max-block-size: var(--content-warning-preview-height, 16rem);
    overflow: hidden;
    user-select: none;
    pointer-events: none;
  }
  [part~='content'] {
    transition: filter 0.2s ease;
  }
  .settings-link {
    color: var(--_accent);
    font-size: 0.875em;
  }
  a.settings-link {
    text-underline-offset: 0.15em;
  }
  [part~='settings-dialog'] {
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 4rem);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  [part~='settings-dialog']::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  [part~='settings-dialog'] form {
    display: flex;
    justify-content: flex-end;
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    [part~='notice'] {
      border-color: CanvasText;
    }
  }
`;
