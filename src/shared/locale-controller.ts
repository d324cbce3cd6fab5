import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { intlLocale, translation, type Translation } from './i18n/index.js';

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

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/**
 * One MutationObserver for the whole page, not one per element: a page that switches language
 * (`<html lang>` or any ancestor's) re-renders every element, and a page that never does pays once.
 */
function watch(controller: LocaleController): void {
  controllers.add(controller);
  if (!observer) {
    observer = new MutationObserver(() => controllers.forEach((c) => c.refresh()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function unwatch(controller: LocaleController): void {
  controllers.delete(controller);
  if (controllers.size === 0 && observer) {
    observer.disconnect();
    observer = undefined;
  }
}

/** Gives an element its language: the tag for Intl, and the strings of the matching catalogue. */
export class LocaleController implements ReactiveController {
  /** BCP 47 tag for Intl formatting, e.g. `zh-CN`. */
  locale = 'en';
  /** The strings for `locale`'s catalogue. */
  t: Translation = translation('en');
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
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
    this.t = translation(locale);
    this.#host.requestUpdate();
  }
}
