import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  catalogueFor,
  intlLocale,
  loadCatalogue,
  loadedCatalogue,
  onCatalogue,
  type Translation,
} from './i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated?: boolean };

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
let listening = false;
let observer: MutationObserver | undefined;

/**
 * One MutationObserver for the whole page, not one per element: a page that switches language
 * (`<html lang>` or any ancestor's) re-renders every element, and a page that never does pays once.
 */
function watch(controller: LocaleController<never>): void {
  if (!listening) {
    listening = true;
    onCatalogue(() => controllers.forEach((c) => c.refresh(true)));
  }
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
 * those); another catalogue is loaded on first use, and every element switches when it arrives.
 */
export class LocaleController<K extends keyof Translation = keyof Translation> implements ReactiveController {
  /** BCP 47 tag for Intl formatting, e.g. `zh-CN`. */
  locale = 'en';
  /** The strings for `locale`'s catalogue (English until another one has loaded). */
  t: Pick<Translation, K>;
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

  /** Re-reads the language (`force`: and the catalogue, which may just have arrived). */
  refresh(force = false): void {
    const locale = intlLocale(nearestLang(this.#host));
    if (locale === this.locale && this.#host.isConnected && !force) return;
    const id = catalogueFor(locale);
    const catalogue = id === 'en' ? this.#english : loadedCatalogue(id);
    // Until another catalogue arrives, the strings already shown stay (English at first); its
    // arrival refreshes every controller (onCatalogue). If it cannot be fetched, they stay.
    if (!catalogue) loadCatalogue(id as Exclude<typeof id, 'en'>).catch(() => undefined);
    const t = catalogue ?? this.t;
    if (locale === this.locale && t === this.t && this.#host.hasUpdated) return;
    this.locale = locale;
    this.t = t;
    this.#host.requestUpdate();
  }
}
