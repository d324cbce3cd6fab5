import { css } from 'lit';

/** The styles of `<comment-thread live>`'s notice, apart from its code (./live-thread.ts), which loads only when a thread is live. */
export const liveStyles = css`
  /* Above the list (newest first) its line is kept even when empty, so it never pushes the list. */
  [part~='live-notice'].before {
    min-block-size: 2.25em;
  }
  [part~='live-notice']:empty {
    display: none;
  }
  [part~='live-notice'].before:empty {
    display: block;
  }
`;
