import { css } from 'lit';

export const styles = css`
  /* The thread's buttons sit in running text: a size smaller than the shared ones. */
  .button {
    font-size: 0.875em;
    padding: 0.3125em 0.875em;
  }
  :host {
    color: var(--_text);
    line-height: 1.55;
    --_indent: var(--comment-thread-indent, 1.5rem);
    --_avatar: var(--comment-thread-avatar-size, 2.25rem);
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--comment-thread-padding, var(--_space));
    background: var(--comment-thread-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1.25em;
  }
  [part~='sort'] {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-size: 0.875em;
    --_field-padding: 0.25em 0.5em;
  }
  ul.comments,
  ul.replies {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  ul.replies {
    margin-block-start: 0.75rem;
    padding-inline-start: var(--_indent);
    border-inline-start: 2px solid var(--_border);
  }
  /*
   * The avatar is the article's ::before, in the padding beside the text; the actions are inline
   * and share a line under it. No wrapper boxes: each is an element per comment.
   */
  article {
    position: relative;
    padding-inline-start: calc(var(--_avatar) + 0.75rem);
    min-block-size: var(--_avatar);
  }
  [part~='comment-action'],
  article > [part~='reported'],
  review-comment-report {
    margin-block-start: 0.375rem;
    margin-inline-end: 0.5rem;
  }
  article:focus {
    outline: none;
  }
  article:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  article::before {
    /* The initials are decoration (the article is named after its author): silent to screen readers. */
    content: attr(data-initials) / '';
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    background: hsl(var(--_hue, 260) 45% 32%);
    color: #fff;
    font-weight: 700;
    font-size: 0.875em;
  }
  [part~='comment-meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    align-items: baseline;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='author'] {
    font-weight: 700;
    color: var(--_text);
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  [part~='comment-body'] {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  [part~='comment-body'],
  [part~='comment-body'] p,
  [part~='comment-body'] blockquote {
    margin: 0.375em 0 0;
  }
  [part~='comment-body'] > :first-child {
    margin-block-start: 0;
  }
  [part~='comment-body'] blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-muted);
  }
  [part~='comment-body'] code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    padding: 0.05em 0.3em;
    border-radius: 0.25em;
    background: var(--_surface-raised);
  }
  [part~='comment-body'] a {
    color: var(--_accent);
  }
  .spoiler {
    font: inherit;
    font-size: 0.875em;
    padding: 0 0.5em;
    border: 0;
    border-radius: 0.25em;
    background: var(--_text);
    color: var(--_surface);
    cursor: pointer;
  }
  .spoiler.revealed {
    font-size: inherit;
    padding: 0 0.2em;
    background: var(--_surface-raised);
    color: inherit;
  }
  .deleted {
    font-style: italic;
    color: var(--_text-muted);
  }
  article > [part~='reported'] {
    display: inline-block;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='comment-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    margin-block-start: 0.375rem;
  }
  .status {
    margin: 0.25em 0 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .status.failed {
    color: var(--_danger);
    font-weight: 600;
  }
  /* A comment on its way says so in words ("Sending…"); fading it would drop its text below 4.5:1. */
  .sending [part~='comment-body'] {
    font-style: italic;
  }
  .edit {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .edit textarea {
    min-block-size: 5rem;
    --_field-padding: 0.5em;
  }
  .reply-form {
    margin-block-start: 0.75rem;
  }
  [part~='load-more'] {
    justify-self: start;
  }
  [part~='empty'],
  [part~='closed'] {
    margin: 0;
    color: var(--_text-muted);
  }
  .bone.line {
    inline-size: 90%;
  }
  .bone.short {
    inline-size: 40%;
  }
  @media (forced-colors: active) {
    .spoiler:not(.revealed) {
      border: 1px solid ButtonText;
    }
  }
`;
