import { isServer, type ReactiveController, type ReactiveElement } from 'lit';

/**
 * The height a page held for an element before its code ran (`tag:not(:defined)` in the page's
 * CSS, README "Holding the space"), read while the element is being upgraded: the last moment that
 * rule applies (by connectedCallback it is `:defined` and, with nothing rendered yet, has no
 * height). 0 for an element made by script, or rendered on the server (its shadow root already has
 * content).
 */
export const heldHeight = (host: HTMLElement): number =>
  !isServer && host.isConnected && !host.shadowRoot ? host.getBoundingClientRect().height : 0;

/**
 * Keeps the space a page held for the element until its content is in (`ready()` after an update),
 * through a style sheet of its own shadow root, so the host's attributes and style are never
 * touched. Its skeleton is drawn inside that space and clipped to it: an element whose size
 * depends on its data (how many people, how many topics) can only guess it, and the page that held
 * the space knows it, so what follows moves once at most (when the page's guess was wrong), not at
 * the skeleton and again at the content. A page that held nothing is unchanged.
 */
export class HeldSpace implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #ready: () => boolean;
  readonly #held: number;
  #sheet: CSSStyleSheet | undefined;
  #done = false;

  constructor(host: ReactiveElement, ready: () => boolean) {
    this.#host = host;
    this.#ready = ready;
    this.#held = heldHeight(host);
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (this.#done || this.#sheet || this.#held <= 0 || !(root instanceof ShadowRoot)) return;
    this.#sheet = new CSSStyleSheet();
    this.#sheet.replaceSync(`:host { block-size: ${this.#held}px; overflow: clip }`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  hostUpdated(): void {
    if (this.#done || !this.#ready()) return;
    this.#done = true;
    const root = this.#host.renderRoot;
    if (this.#sheet && root instanceof ShadowRoot)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#sheet = undefined;
  }
}
