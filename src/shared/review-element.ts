import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocaleController } from './locale-controller.js';
import { hostReset, tokens } from './tokens.styles.js';
import { VERSION } from './version.js';

/**
 * The thin base of every element: tokens and host reset, the library version (for
 * `defineElement`), the resolved language, and CSS custom states. Element classes hold only what
 * differs.
 */
export abstract class ReviewElement extends LitElement {
  static version = VERSION;
  static override styles: CSSResultGroup = [tokens, hostReset];

  /** Pins the colour scheme (`light` or `dark`); by default elements follow the page's `color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Each element makes its own, with the English strings it uses. */
  protected abstract readonly localize: LocaleController<never>;
  readonly #internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Already attached by a subclass, or a browser without ElementInternals: states are a bonus.
    }
  }

  /** Sets CSS custom states (`review-card:state(loading)`) so hosts can style states without classes. */
  protected setStates(states: Record<string, boolean>): void {
    const set = this.#internals?.states;
    if (!set) return;
    for (const [name, on] of Object.entries(states)) {
      try {
        if (on) set.add(name);
        else set.delete(name);
      } catch {
        // Chromium before 125 only accepted `--name`; nothing to do but skip.
      }
    }
  }
}
