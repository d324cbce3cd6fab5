import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogueFor, intlLocale, loadCatalogue, loadedCatalogue, type Translation } from './i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The nearest `lang` above an element, looking through shadow roots, so an element inside another
 * component still follows the page. `lang` on the element itself wins.
 */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || navigator.language || 'en';
}

const controllers = new Set<LocaleController<never>>();
let observer: MutationObserver | undefined;

/**
 * One MutationObserver for the whole page, not one per element: a page that switches language
 * (`<html lang>` or any ancestor's) re-renders every element, and a page that never does pays once.
 */
function watch(controller: LocaleController<never>): void {
  controllers.add(controller);
  if (!observer) {
    observer = new MutationObserver(() => controllers.forEach((c) => c.refresh()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function unwatch(controller: LocaleController<never>): void {
  controllers.delete(controller);
  if (controllers.size === 0 && observer) {
    observer.disconnect();
    observer = undefined;
  }
}

/**
 * Gives an element its language: the tag for Intl, and the strings it uses from the matching
 * catalogue. Each element passes its own English strings (so a page with one element ships only
 * those); another catalogue is loaded on first use, and `pending` says when that is under way.
 */
export class LocaleController<K extends keyof Translation = keyof Translation> implements ReactiveController {
  /** BCP 47 tag for Intl formatting, e.g. `zh-CN`. */
  locale = 'en';
  /** The strings for `locale`'s catalogue (English until another one has loaded). */
  t: Pick<Translation, K>;
  /** Settles when the catalogue for `locale` is in `t`; undefined when it already is. */
  pending: Promise<void> | undefined;
  readonly #host: Host;
  readonly #english: Pick<Translation, K>;

  constructor(host: Host, english: Pick<Translation, K>) {
    this.#host = host;
    this.#english = this.t = english;
    host.addController(this);
  }

  hostConnected(): void {
    watch(this);
    this.refresh();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  refresh(): void {
    const locale = intlLocale(nearestLang(this.#host));
    if (locale === this.locale && this.#host.isConnected) return;
    this.locale = locale;
    const id = catalogueFor(locale);
    const catalogue = id === 'en' ? this.#english : loadedCatalogue(id);
    if (catalogue || id === 'en') {
      this.t = catalogue ?? this.#english;
      this.pending = undefined;
      this.#host.requestUpdate();
      return;
    }
    const pending = (this.pending = loadCatalogue(id).then(
      (loaded) => {
        if (this.pending !== pending) return;
        this.t = loaded;
        this.pending = undefined;
        this.#host.requestUpdate();
      },
      () => {
        // The catalogue could not be fetched: English it is, rather than nothing.
        if (this.pending === pending) this.pending = undefined;
        this.#host.requestUpdate();
      },
    ));
  }
}
