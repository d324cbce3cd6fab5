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
 * Adds a rule for the host to its own shadow root (never the host's attributes or style, which are
 * the page's) and gives back what removes it. For the held space below and the thread's first-page
 * wait.
 */
export function hostRule(root: ShadowRoot, css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { ${css} }`);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/**
 * Keeps the space a page held for the element until its content is in (`ready()` after an update),
 * through a style sheet of its own shadow root, so the host's attributes and style are never
 * touched. An element whose size depends on its data (how many people, how many topics) can only
 * guess it, and the page that held the space knows it: what follows moves once at most (when the
 * page's guess was wrong), not at the skeleton and again at the content.
 *
 * `clip`: the skeleton is drawn inside the held space and clipped to it, for an element with no
 * light DOM (a page that held nothing gives 0 and changes nothing). Without it the held height is a
 * minimum only, for an element whose own children give it a height before its code runs (the
 * warning's fallback): held to that alone, the skeleton it would have replaced is hidden and what
 * follows moves later in one larger step, which scored worse (0.062 against 0.043 at 1280×1600).
 */
export class HeldSpace implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #ready: () => boolean;
  readonly #held: number;
  readonly #clip: boolean;
  #release: (() => void) | undefined;
  #done = false;

  constructor(host: ReactiveElement, ready: () => boolean, { clip = false } = {}) {
    this.#host = host;
    this.#ready = ready;
    this.#clip = clip;
    this.#held = heldHeight(host);
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (this.#done || this.#release || this.#held <= 0 || !(root instanceof ShadowRoot)) return;
    const held = `${this.#held}px`;
    this.#release = hostRule(root, this.#clip ? `block-size: ${held}; overflow: clip` : `min-block-size: ${held}`);
  }

  hostUpdated(): void {
    if (this.#done || !this.#ready()) return;
    this.#done = true;
    this.#release?.();
    this.#release = undefined;
  }
}
