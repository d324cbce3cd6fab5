import { css } from 'lit';

export const styles = css`
  :host {
    color: var(--_text);
    --_photo: var(--cast-list-photo-size, 5rem);
    --_item: var(--cast-list-item-width, 8.5rem);
    --_gap: var(--cast-list-gap, var(--_space));
    line-height: 1.4;
  }
  [part~='list'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_item), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host([layout='row']) [part~='list'] {
    display: flex;
  }
  :host([layout='row']) [part~='scroller'] {
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline mandatory;
    scroll-padding-inline: 0.25rem;
    padding-block-end: 0.5rem;
  }
  :host([layout='row']) [part~='member'] {
    flex: 0 0 var(--_item);
    scroll-snap-align: start;
  }
  [part~='member'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.375rem;
    min-inline-size: 0;
    text-align: center;
    overflow-wrap: anywhere;
  }
  [part~='scroller']:focus-visible,
  [part~='member']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='photo'] {
    display: grid;
    place-items: center;
    inline-size: var(--_photo);
    block-size: var(--_photo);
    flex: none;
    border-radius: var(--cast-list-photo-radius, 50%);
    overflow: hidden;
    background: var(--_surface-raised);
  }
  [part~='photo'] img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  [part~='initials'] {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    background: hsl(var(--_hue, 260) 45% 32%);
    color: #fff;
    font-weight: 700;
    font-size: calc(var(--_photo) * 0.36);
    letter-spacing: 0.02em;
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='name'] a,
  [part~='name'] button {
    color: var(--_accent);
    font: inherit;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  [part~='name'] button {
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
    text-decoration: underline;
  }
  [part~='character'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='show-all-button'] {
    margin-block-start: 0.75rem;
    font-weight: 600;
  }
  .bone.name {
    inline-size: 80%;
  }
  .bone.character {
    inline-size: 60%;
  }
  [part~='empty'] {
    margin: 0;
    color: var(--_text-muted);
  }
`;
