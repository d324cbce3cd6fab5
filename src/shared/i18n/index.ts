import type { BaseKey, Plural, Translation } from './en.js';
import type { Words } from './compile.js';

export type { BaseKey, Plural, Translation };
export { enBase } from './en.js';
export { enCast } from './en-cast.js';
export { enThread } from './en-thread.js';
export { enWarning } from './en-warning.js';
export type CatalogueId = 'en' | 'zh-Hans' | 'zh-Hant' | 'ko' | 'ja' | 'es' | 'fr' | 'de' | 'pt-BR' | 'ar';

export const SUPPORTED_LOCALES: readonly CatalogueId[] = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'ko',
  'ja',
  'es',
  'fr',
  'de',
  'pt-BR',
  'ar',
];

/**
 * For npm users, catalogues other than English load on demand, each as its own small file of JSON
 * (with `catalogue.ts`, which makes it a `Translation`, fetched beside it), so an app in English does
 * not carry them. Until one arrives, elements show English, then switch (a render held back
 * instead would appear late and shift the page). An app in Korean imports
 * `review-elements/locales/ko.js` to have it from the first render. The CDN bundle has en, ko and
 * zh-Hans built in, and loads the others the same way, as files beside it (see docs/decisions.md).
 */
const loaders: Record<Exclude<CatalogueId, 'en'>, () => Promise<{ default: Words<Translation> }>> = {
  'zh-Hans': () => import('./zh-Hans.json'),
  'zh-Hant': () => import('./zh-Hant.json'),
  ko: () => import('./ko.json'),
  ja: () => import('./ja.json'),
  es: () => import('./es.json'),
  fr: () => import('./fr.json'),
  de: () => import('./de.json'),
  'pt-BR': () => import('./pt-BR.json'),
  ar: () => import('./ar.json'),
};
const loaded = new Map<CatalogueId, Translation>();
const loading = new Map<CatalogueId, Promise<Translation>>();

/** Languages with one catalogue for every region (`es-MX` reads `es`); Intl still gets the exact tag. */
const BY_LANGUAGE: Record<string, CatalogueId> = {
  ko: 'ko',
  ja: 'ja',
  es: 'es',
  fr: 'fr',
  de: 'de',
  pt: 'pt-BR',
  ar: 'ar',
};
/** Chinese written in Traditional characters where the script is not given. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The catalogue for a BCP 47 tag. Chinese follows the script (`zh-Hant`, or a region that writes
 * Traditional: TW, HK, MO), else Simplified; every Portuguese tag gets Brazilian Portuguese (the
 * only one we have, and far better for a European reader than English). Intl formatting still
 * uses the exact tag, so dates and numbers follow the reader's region.
 */
export function catalogueFor(lang: string): CatalogueId {
  const [language = '', ...rest] = lang.trim().toLowerCase().split(/[-_]/);
  if (language === 'zh') {
    if (rest.includes('hant')) return 'zh-Hant';
    if (rest.includes('hans')) return 'zh-Hans';
    return rest.some((part) => TRADITIONAL_REGIONS.has(part)) ? 'zh-Hant' : 'zh-Hans';
  }
  return Object.hasOwn(BY_LANGUAGE, language) ? BY_LANGUAGE[language] : 'en';
}

const listeners = new Set<() => void>();

/** Called whenever a catalogue arrives, loaded on demand or registered by an import. */
export function onCatalogue(listener: () => void): void {
  listeners.add(listener);
}

/**
 * Makes a catalogue available at once, without a request: what `review-elements/locales/ko.js`
 * does when imported, and the CDN bundle for all of them. Elements already showing English switch.
 * Returns `catalogue`.
 */
export function registerCatalogue(id: Exclude<CatalogueId, 'en'>, catalogue: Translation): Translation {
  if (loaded.get(id) !== catalogue) {
    loaded.set(id, catalogue);
    loading.set(id, Promise.resolve(catalogue));
    listeners.forEach((l) => l());
  }
  return catalogue;
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
    promise = Promise.all([import('./catalogue.js'), loaders[id]()]).then(
      ([code, data]) => registerCatalogue(id, code.catalogue(data.default)),
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
