import type { BaseKey, Plural, Translation } from './en.js';

export type { BaseKey, Plural, Translation };
export { enBase, enCast, enThread, enWarning } from './en.js';
export type CatalogueId = 'en' | 'zh-Hans' | 'ko';

export const SUPPORTED_LOCALES: readonly CatalogueId[] = ['en', 'zh-Hans', 'ko'];

/**
 * For npm users, catalogues other than English load on demand, each as its own small module, so an
 * app in English does not carry them. Until one arrives, elements show English, then switch (a
 * render held back instead would appear late and shift the page). An app in Korean imports
 * `review-elements/locales/ko.js` to have it from the first render; the CDN bundle has them all.
 */
const loaders: Record<Exclude<CatalogueId, 'en'>, () => Promise<Translation>> = {
  'zh-Hans': () => import('./zh-Hans.js').then((m) => m.zhHans),
  ko: () => import('./ko.js').then((m) => m.ko),
};
const loaded = new Map<CatalogueId, Translation>();
const loading = new Map<CatalogueId, Promise<Translation>>();

/**
 * The catalogue for a BCP 47 tag. Any Chinese tag gets the Simplified catalogue (a Traditional
 * reader reads it far better than the English fallback); Intl formatting still uses the exact tag.
 */
export function catalogueFor(lang: string): CatalogueId {
  const language = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-Hans';
  if (language === 'ko') return 'ko';
  return 'en';
}

const listeners = new Set<() => void>();

/** Called whenever a catalogue arrives, loaded on demand or registered by an import. */
export function onCatalogue(listener: () => void): void {
  listeners.add(listener);
}

/**
 * Makes a catalogue available at once, without a request: what `review-elements/locales/ko.js`
 * does when imported, and the CDN bundle for all of them. Elements already showing English switch.
 */
export function registerCatalogue(id: Exclude<CatalogueId, 'en'>, catalogue: Translation): void {
  if (loaded.get(id) === catalogue) return;
  loaded.set(id, catalogue);
  loading.set(id, Promise.resolve(catalogue));
  listeners.forEach((l) => l());
}

/** A loaded non-English catalogue, or undefined (English is per element; see `LocaleController`). */
export function loadedCatalogue(id: CatalogueId): Translation | undefined {
  return loaded.get(id);
}

/**
 * Loads a catalogue once per page. A failed load (offline, a CDN hiccup) is forgotten, so the
 * next element to ask tries again; meanwhile elements keep their English strings.
 */
export function loadCatalogue(id: Exclude<CatalogueId, 'en'>): Promise<Translation> {
  let promise = loading.get(id);
  if (!promise) {
    promise = loaders[id]().then(
      (catalogue) => {
        registerCatalogue(id, catalogue);
        return catalogue;
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, promise);
  }
  return promise;
}

/** A valid Intl locale for a tag from the page, which may be anything (`lang="english"`, `""`). */
export function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}
