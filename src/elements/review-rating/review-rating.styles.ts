import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 1;
    --_size: var(--review-rating-size, 1.25em);
    --_on: var(--review-rating-fill, var(--_rating));
    --_off: var(--review-rating-empty, var(--_border));
  }
  [part~='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.1em;
    color: var(--_on);
  }
  svg {
    inline-size: var(--_size);
    block-size: var(--_size);
    flex: none;
  }
  .off {
    fill: var(--_off);
  }
  .on {
    fill: var(--_on);
  }
  .empty .on {
    display: none;
  }
  .half .on {
    clip-path: inset(0 50% 0 0);
  }
  /* A half star fills from the start edge, which is the right in right-to-left text. */
  :host(:dir(rtl)) .half .on {
    clip-path: inset(0 0 0 50%);
  }
  [part~='value'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: var(--_text);
  }
  @media (forced-colors: active) {
    .on {
      fill: CanvasText;
    }
    .off {
      fill: Canvas;
      stroke: CanvasText;
    }
  }
`;
